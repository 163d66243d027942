package dev.quiztutor.bank.format;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a format read from one file: its questions, in order, and the notices about them. */
public final class Batch {
    /** Hints a question may have (quizzes/README.md); more are left out, with a note. */
    static final int HINTS = 10;
    private static final Pattern FIELD = Pattern.compile("questions\\[0]\\.?(.*)");
    private static final Pattern LISTED = Pattern.compile("(hints|items|accept)\\[(\\d+)].*");
    private static final Path CHECKED = Path.of("imported.json");

    private final String file;
    private final List<Draft> questions = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    /** Questions added but not checked yet, each with where its notice goes should it be skipped. */
    private final List<Pending> pending = new ArrayList<>();

    /** {@code noticeAt}: how many notices there were when it was added, so a skip keeps the file's order. */
    private record Pending(Draft question, String name, int noticeAt) {
    }

    public Batch(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /**
     * Adds a question, or skips it when it cannot be shown in Discord: the question is written as our
     * format and checked by the bank's own validator, so what an import writes always loads, and a
     * skipped question is named with the limit it breaks.
     */
    public void add(Draft question) {
        Draft.Common common = question.common();
        String name = common.name().isEmpty() ? shorten(common.prompt()) : common.name();
        int options = question instanceof Draft.Choice c ? c.options().size()
                : question instanceof Draft.Multi m ? m.options().size()
                : question instanceof Draft.Matching m ? m.pool().size() : 0;
        if (options > 26) {
            skip(common.line(), name, options + " options; options are lettered A to Z");
            return;
        }
        if (question instanceof Draft.Matching m && m.items().size() > DisplayLimits.MATCHING_ITEMS) {
            skip(common.line(), name, m.items().size() + " items to match; a matching question has at most "
                    + DisplayLimits.MATCHING_ITEMS + " (one select menu per item and a row of buttons fill a Discord"
                    + " message): split it into questions of " + DisplayLimits.MATCHING_ITEMS + " items");
            return;
        }
        if (common.hints().size() > HINTS) {
            int extra = common.hints().size() - HINTS;
            note(common.line(), name, extra + (extra == 1 ? " hint" : " hints") + " after the first " + HINTS
                    + " dropped (a question has at most " + HINTS + ")");
            question = withCommon(question, common.withHints(common.hints().subList(0, HINTS)));
        }
        pending.add(new Pending(question, name, notices.size()));
    }

    /**
     * Checks the questions added since the last check, all in one topic first: a file that imports
     * cleanly (the usual case) costs one check. Only when that one has problems is each question
     * checked alone, to skip just the bad ones, each named with its reason where it was in the file.
     */
    private void settle() {
        if (pending.isEmpty()) {
            return;
        }
        List<DraftWriter.Question> all = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            all.add(new DraftWriter.Question("check-" + (i + 1), "medium", pending.get(i).question()));
        }
        if (check(all).isEmpty()) {
            pending.forEach(p -> questions.add(p.question()));
            pending.clear();
            return;
        }
        int inserted = 0;
        for (Pending p : pending) {
            List<Problem> problems = check(List.of(new DraftWriter.Question("check", "medium", p.question())));
            if (problems.isEmpty()) {
                questions.add(p.question());
            } else {
                notices.add(p.noticeAt() + inserted++, new Notice(file, p.question().common().line(), p.name(),
                        problems.stream().map(Batch::why).distinct().collect(Collectors.joining("; ")), true));
            }
        }
        pending.clear();
    }

    private static List<Problem> check(List<DraftWriter.Question> questions) {
        String json = DraftWriter.write(new DraftWriter.Topic("check", "check", questions), "./quiz.schema.json");
        return BankLoader.check(CHECKED, json);
    }

    /** A problem of the written question, said in the words of the file it came from. */
    private static String why(Problem problem) {
        Matcher field = FIELD.matcher(problem.field());
        String where = field.matches() ? part(field.group(1)) : problem.field();
        return where.isEmpty() ? problem.message() : where + ": " + problem.message();
    }

    private static String part(String field) {
        Matcher indexed = LISTED.matcher(field);
        if (indexed.matches()) {
            String what = switch (indexed.group(1)) {
                case "hints" -> "hint ";
                case "items" -> "item ";
                default -> "accepted answer ";
            };
            return what + (Integer.parseInt(indexed.group(2)) + 1);
        }
        if (field.startsWith("options.")) {
            return "option " + field.substring("options.".length());
        }
        if (field.startsWith("feedback.")) {
            return "the feedback on \"" + field.substring("feedback.".length()) + "\"";
        }
        if (field.startsWith("solution.answer")) {
            return "the answer in words";
        }
        if (field.startsWith("solution")) {
            return "the solution (the answer and the general feedback)";
        }
        return switch (field) {
            case "prompt" -> "the question text";
            case "accept" -> "the accepted answers";
            case "items" -> "the items";
            case "options" -> "the options";
            case "unit" -> "the unit";
            default -> field;
        };
    }

    private static Draft withCommon(Draft d, Draft.Common common) {
        if (d instanceof Draft.Choice c) {
            return new Draft.Choice(common, c.options(), c.right());
        } else if (d instanceof Draft.Multi m) {
            return new Draft.Multi(common, m.options(), m.right());
        } else if (d instanceof Draft.TrueFalse t) {
            return new Draft.TrueFalse(common, t.answer(), t.feedbackTrue(), t.feedbackFalse());
        } else if (d instanceof Draft.Short s) {
            return new Draft.Short(common, s.accept(), s.typos(), s.feedback());
        } else if (d instanceof Draft.Numeric n) {
            return new Draft.Numeric(common, n.accept(), n.unit(), n.feedback());
        }
        Draft.Matching m = (Draft.Matching) d;
        return new Draft.Matching(common, m.items(), m.pool(), m.answer());
    }

    private static String shorten(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }

    public void skip(int line, String name, String why) {
        notices.add(new Notice(file, line, name, why, true));
    }

    public void note(int line, String name, String what) {
        notices.add(new Notice(file, line, name, what, false));
    }

    /** Every question added and not skipped yet, checked or not: what the files hold if none is skipped. */
    List<Draft> asRead() {
        List<Draft> all = new ArrayList<>(questions);
        pending.forEach(p -> all.add(p.question()));
        return all;
    }

    /** The caller checked {@link #asRead} as the files it makes and found no problem: none is checked again. */
    void acceptAsRead() {
        pending.forEach(p -> questions.add(p.question()));
        pending.clear();
    }

    public List<Draft> questions() {
        settle();
        return List.copyOf(questions);
    }

    public List<Notice> notices() {
        settle();
        return List.copyOf(notices);
    }

    public long skipped() {
        settle();
        return notices.stream().filter(Notice::skipped).count();
    }
}
