package dev.quiztutor.bank.format.gift;

import dev.quiztutor.bank.format.Batch;
import dev.quiztutor.bank.format.Draft;
import dev.quiztutor.bank.format.HtmlText;
import dev.quiztutor.bank.format.MatchingPairs;
import dev.quiztutor.bank.format.NumericAnswer;
import dev.quiztutor.bank.format.QuizFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's GIFT format (docs.moodle.org/en/GIFT_format), as Moodle's own importer reads it:
 * questions separated by blank lines, {@code //} comment lines, {@code $CATEGORY:} lines,
 * {@code ::name::}, a text format tag, and the answers in braces.
 */
public final class GiftFormat implements QuizFormat {
    /** What a blank in a missing-word question shows, where its braces were. */
    public static final String BLANK = "_____";

    // Escaped characters become private-use characters while the structure is parsed, so that an
    // escaped "=" or "}" never splits anything; they are restored in each piece of text.
    private static final String[][] ESCAPES = {
        {"\\\\", "\uE000", "\\"}, {"\\:", "\uE001", ":"}, {"\\#", "\uE002", "#"}, {"\\=", "\uE003", "="},
        {"\\{", "\uE004", "{"}, {"\\}", "\uE005", "}"}, {"\\~", "\uE006", "~"}, {"\\n", "\uE007", "\n"},
    };
    private static final Pattern FORMAT_TAG = Pattern.compile("^\\s*\\[(html|markdown|plain|moodle)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile("^\\s*%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern NAME_AT_LINE_START = Pattern.compile("^[ \\t]*::", Pattern.MULTILINE);
    private static final List<String> TRUE_FALSE = List.of("t", "true", "f", "false");
    /** The comment quiztutor's export writes above a question: GIFT has no difficulty of its own. */
    private static final Pattern DIFFICULTY = Pattern.compile("(?i)//\\s*difficulty\\s*:\\s*(\\w+)\\s*");

    @Override
    public String name() {
        return "gift";
    }

    @Override
    public List<String> extensions() {
        return List.of("gift");
    }

    @Override
    public boolean looksLike(String text) {
        // Plain scans, no backtracking regex: this runs on any file whose name says nothing.
        int open = text.indexOf('{');
        boolean braces = open >= 0 && text.indexOf('}', open) > open;
        return !text.stripLeading().startsWith("<")
                && (text.contains("$CATEGORY:") || NAME_AT_LINE_START.matcher(text).find() || braces);
    }

    @Override
    public Batch read(String file, String text) {
        Batch batch = new Batch(file);
        String category = "";
        Optional<String> difficulty = Optional.empty();
        List<String> block = new ArrayList<>();
        int start = 0;
        String[] lines = (text + "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("//")) {
                Matcher said = DIFFICULTY.matcher(line.strip());
                if (said.matches()) {
                    difficulty = Optional.of(said.group(1).toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (!line.isBlank()) {
                if (block.isEmpty()) {
                    start = i + 1;
                }
                block.add(line);
                continue;
            }
            if (block.isEmpty()) {
                continue;
            }
            String first = block.get(0).strip();
            if (first.startsWith("$CATEGORY:")) {
                category = restore(escape(first.substring("$CATEGORY:".length()))).strip();
                block.remove(0);
                start++;
            }
            if (!block.isEmpty()) {
                question(batch, category, start, String.join("\n", block), difficulty);
            }
            difficulty = Optional.empty();
            block.clear();
        }
        return batch;
    }

    private void question(Batch batch, String category, int line, String raw, Optional<String> difficulty) {
        String text = escape(raw).strip();
        String name = "";
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            if (end < 0) {
                batch.skip(line, shorten(restore(text)), "the name has no closing ::");
                return;
            }
            name = restore(text.substring(2, end)).strip();
            text = text.substring(end + 2);
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        String label = name;
        if (open < 0) {
            batch.skip(line, label.isEmpty() ? shorten(restore(text)) : label,
                    "no answer in braces (a description, not a question)");
            return;
        }
        if (close < open) {
            batch.skip(line, label.isEmpty() ? shorten(restore(text)) : label, "the answer's { is never closed");
            return;
        }
        String before = text.substring(0, open);
        String after = text.substring(close + 1);
        Matcher tag = FORMAT_TAG.matcher(before);
        String format = "moodle";
        if (startsWith(before, '[') && tag.find()) {
            format = tag.group(1).toLowerCase(Locale.ROOT);
            before = before.substring(tag.end());
        }
        List<String> dropped = new ArrayList<>();
        // The missing-word form: text after the braces means the answer fills a blank in the sentence.
        String promptRaw = after.isBlank() ? before : before + BLANK + after;
        String prompt = text(promptRaw, format, dropped);
        if (label.isEmpty()) {
            label = shorten(prompt);
        }
        String answers = text.substring(open + 1, close);
        String general = "";
        int hashes = answers.indexOf("####");
        if (hashes >= 0) {
            general = text(answers.substring(hashes + 4), format, dropped);
            answers = answers.substring(0, hashes);
        }
        answers = answers.strip();
        if (prompt.isBlank()) {
            batch.skip(line, label, "no question text");
            return;
        }
        Draft.Common common = Draft.Common.of(line, name, category, prompt).withGeneralFeedback(general)
                .withDifficulty(difficulty);
        Reader reader = new Reader(batch, line, label, format, dropped);
        Optional<Draft> draft;
        if (answers.isEmpty()) {
            batch.skip(line, label, "an essay question (no answer to grade)");
            return;
        } else if (answers.startsWith("#")) {
            draft = reader.numeric(common, answers.substring(1));
        } else if (trueOrFalse(answers.split("#", 2)[0].strip())) {
            draft = reader.trueFalse(common, answers);
        } else if (answers.startsWith("=") && answers.contains("->")) {
            draft = reader.matching(common, answers);
        } else if (answers.contains("~")) {
            draft = reader.choice(common, answers);
        } else if (answers.startsWith("=")) {
            draft = reader.shortAnswer(common, answers);
        } else {
            batch.skip(line, label, "cannot tell the question type from its answer {" + shorten(restore(answers)) + "}");
            return;
        }
        dropped.forEach(what -> batch.note(line, reader.label, what + " dropped"));
        draft.ifPresent(batch::add);
    }

    /** One question's answers, read with the question's text format as the default. */
    private static final class Reader {
        final Batch batch;
        final int line;
        final String label;
        final String format;
        final List<String> dropped;

        Reader(Batch batch, int line, String label, String format, List<String> dropped) {
            this.batch = batch;
            this.line = line;
            this.label = label;
            this.format = format;
            this.dropped = dropped;
        }

        /** An answer: its weight in percent (given, or from = / ~), its text and its feedback. */
        record Answer(boolean equals, double weight, String text, String feedback) {
        }

        List<Answer> answers(String all) {
            List<Answer> out = new ArrayList<>();
            int i = 0;
            while (i < all.length()) {
                char mark = all.charAt(i);
                int next = i + 1;
                while (next < all.length() && all.charAt(next) != '=' && all.charAt(next) != '~') {
                    next++;
                }
                String body = all.substring(i + 1, next);
                if (mark == '=' || mark == '~') {
                    double weight = mark == '=' ? 100 : 0;
                    if (startsWith(body, '%')) {
                        Matcher w = WEIGHT.matcher(body);
                        if (w.find()) {
                            weight = Double.parseDouble(w.group(1));
                            body = body.substring(w.end());
                        }
                    }
                    int hash = body.indexOf('#');
                    String answer = hash < 0 ? body : body.substring(0, hash);
                    String feedback = hash < 0 ? "" : body.substring(hash + 1);
                    out.add(new Answer(mark == '=', weight, answer, feedback));
                }
                i = next;
            }
            return out;
        }

        String text(String raw) {
            return GiftFormat.text(raw, format, dropped);
        }

        Optional<Draft> choice(Draft.Common common, String all) {
            List<Answer> answers = answers(all);
            List<Draft.Option> options = new ArrayList<>();
            List<Integer> full = new ArrayList<>();
            List<Integer> positive = new ArrayList<>();
            for (Answer a : answers) {
                if (a.weight() >= 100) {
                    full.add(options.size());
                }
                if (a.weight() > 0) {
                    positive.add(options.size());
                }
                options.add(new Draft.Option(text(a.text()), text(a.feedback())));
            }
            if (options.stream().anyMatch(o -> o.text().isBlank())) {
                batch.skip(line, label, "an option has no text");
                return Optional.empty();
            }
            // Moodle's rule: one answer to pick only when an answer is marked "="; "~%100%" alone is
            // multiple response with one right option.
            boolean single = answers.stream().anyMatch(Answer::equals);
            if (single && full.size() == 1) {
                if (positive.size() > 1) {
                    batch.note(line, label, "partial credit is not supported; only \""
                            + options.get(full.get(0)).text() + "\" counts as right");
                }
                return Optional.of(new Draft.Choice(common, options, full.get(0)));
            }
            if ((full.isEmpty() || !single) && !positive.isEmpty()) {
                // Weights that add up to a whole (%50% and %50%) are Moodle's multiple response.
                return Optional.of(new Draft.Multi(common, options, positive));
            }
            batch.skip(line, label, full.isEmpty() ? "no right answer"
                    : "several fully right answers in a one-answer question; our choice has one right option");
            return Optional.empty();
        }

        Optional<Draft> shortAnswer(Draft.Common common, String all) {
            List<String> accept = new ArrayList<>();
            Map<String, String> feedback = new LinkedHashMap<>();
            for (Answer a : answers(all)) {
                String answer = restore(a.text()).strip();
                String fb = text(a.feedback());
                if (answer.equals("*")) {
                    if (!fb.isBlank()) {
                        batch.note(line, label, "the feedback for any other answer (\"*\") is not supported: \"" + shorten(fb) + "\"");
                    }
                    continue;
                }
                if (answer.isEmpty()) {
                    continue;
                }
                if (a.weight() >= 100) {
                    accept.add(answer);
                } else if (a.weight() > 0) {
                    batch.note(line, label, "partial credit is not supported; \"" + answer + "\" counts as wrong");
                }
                if (!fb.isBlank()) {
                    feedback.put(answer, fb);
                }
            }
            if (accept.isEmpty()) {
                batch.skip(line, label, "no fully right answer");
                return Optional.empty();
            }
            return Optional.of(new Draft.Short(common, accept, 0, feedback));
        }

        Optional<Draft> trueFalse(Draft.Common common, String all) {
            String[] parts = all.split("#", -1);
            boolean answer = parts[0].strip().toUpperCase(Locale.ROOT).startsWith("T");
            // GIFT: {TRUE#shown for a wrong answer#shown for the right answer}.
            String wrong = parts.length > 1 ? text(parts[1]) : "";
            String right = parts.length > 2 ? text(parts[2]) : "";
            return Optional.of(new Draft.TrueFalse(common, answer, answer ? right : wrong, answer ? wrong : right));
        }

        Optional<Draft> matching(Draft.Common common, String all) {
            MatchingPairs pairs = new MatchingPairs();
            for (Answer a : answers(all)) {
                int arrow = a.text().indexOf("->");
                if (arrow < 0) {
                    batch.skip(line, label, "a matching pair without ->");
                    return Optional.empty();
                }
                String item = text(a.text().substring(0, arrow));
                String match = text(a.text().substring(arrow + 2));
                if (match.isBlank()) {
                    batch.skip(line, label, "a matching pair without an answer after ->");
                    return Optional.empty();
                }
                pairs.add(item, match);
            }
            return pairs.draft(common, batch, line, label);
        }

        Optional<Draft> numeric(Draft.Common common, String all) {
            String body = all.strip();
            // {#3:2} and {#3:2~#wrong} start with a right answer that has no "=" of its own.
            List<Answer> answers = answers(body.startsWith("=") || body.startsWith("~") ? body : "=" + body);
            List<NumericAnswer> accept = new ArrayList<>();
            Map<String, String> feedback = new LinkedHashMap<>();
            for (Answer a : answers) {
                String spec = restore(a.text()).strip();
                String fb = text(a.feedback());
                if (spec.isEmpty() || spec.equals("*")) {
                    if (!fb.isBlank()) {
                        batch.note(line, label, "the feedback for any other answer is not supported: \"" + shorten(fb) + "\"");
                    }
                    continue;
                }
                Optional<NumericAnswer> number = NumericAnswer.parse(spec);
                if (number.isEmpty()) {
                    batch.skip(line, label, "\"" + spec + "\" is not a number, a number:tolerance or a min..max range");
                    return Optional.empty();
                }
                if (a.weight() >= 100) {
                    accept.add(number.get());
                } else if (a.weight() > 0) {
                    batch.note(line, label, "partial credit is not supported; " + spec + " counts as wrong");
                }
                if (!fb.isBlank()) {
                    feedback.put(key(number.get()), fb);
                }
            }
            if (accept.isEmpty()) {
                batch.skip(line, label, "no fully right number");
                return Optional.empty();
            }
            return Optional.of(new Draft.Numeric(common, accept, "", feedback));
        }

        private static String key(NumericAnswer n) {
            return n instanceof NumericAnswer.Value v ? NumericAnswer.text(v.value())
                    : NumericAnswer.text(((NumericAnswer.Range) n).min());
        }
    }

    /** A piece of GIFT text: its own format tag or the question's, escapes restored, HTML made markdown. */
    static String text(String raw, String defaultFormat, List<String> dropped) {
        String format = defaultFormat;
        if (startsWith(raw, '[')) {
            Matcher tag = FORMAT_TAG.matcher(raw);
            if (tag.find()) {
                format = tag.group(1).toLowerCase(Locale.ROOT);
                raw = raw.substring(tag.end());
            }
        }
        String text = restore(raw).strip();
        if (format.equals("html") || format.equals("moodle") && HtmlText.hasMarkup(text)) {
            return HtmlText.toMarkdown(text, dropped);
        }
        return text;
    }

    static String escape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        for (String[] e : ESCAPES) {
            text = text.replace(e[0], e[1]);
        }
        return text;
    }

    static String restore(String text) {
        if (!hasEscaped(text)) {
            return text;
        }
        for (String[] e : ESCAPES) {
            text = text.replace(e[1], e[2]);
        }
        return text;
    }

    /** T, TRUE, F or FALSE in any case of ASCII letters (as the regex {@code (?i)(T|TRUE|F|FALSE)}, without one per question). */
    private static boolean trueOrFalse(String answer) {
        for (String word : TRUE_FALSE) {
            if (answer.length() == word.length() && ascii(answer).equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Only A to Z made lower case: "ſ" is no "s" here, as in a regex without UNICODE_CASE. */
    private static String ascii(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    /**
     * Whether the first character that is not white space is {@code c}: a format tag or a weight can
     * only start there, so most texts skip the regex (and its matcher) altogether.
     */
    private static boolean startsWith(String text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i) == c;
            }
        }
        return false;
    }

    /** Whether {@link #escape} left a private-use character in the text: most pieces of a file have none. */
    private static boolean hasEscaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uE000' && c <= '\uE007') {
                return true;
            }
        }
        return false;
    }

    static String shorten(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }
}
