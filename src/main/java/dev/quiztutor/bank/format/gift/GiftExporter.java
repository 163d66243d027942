package dev.quiztutor.bank.format.gift;

import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.format.QuizExporter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes topics in GIFT, the way {@link GiftFormat} and Moodle's own GIFT importer read them: a
 * {@code $CATEGORY:} per topic, then each question as {@code ::id::[markdown]prompt{answers}}, its
 * difficulty in a {@code // difficulty: hard} comment line above it (a comment to Moodle, read back by
 * {@link GiftFormat}). Every text is escaped ({@code \~ \= \# \{ \} \:}, a backslash as {@code \\},
 * a line break as {@code \n}), so a question stays on one block and nothing in it is read as syntax.
 * GIFT has no hints, no tries, no units and no typo allowance: those are left out.
 */
public final class GiftExporter implements QuizExporter {
    @Override
    public String name() {
        return "gift";
    }

    @Override
    public String write(List<Topic> topics) {
        StringBuilder out = new StringBuilder();
        for (Topic topic : topics) {
            out.append("// ").append(topic.id()).append(": exported by quiztutor\n");
            out.append("$CATEGORY: ").append(QuizExporter.category(topic).replace("\n", " ")).append("\n\n");
            for (Question q : topic.questions()) {
                out.append("// ").append(QuizExporter.difficultyTag(q.difficulty()).replace(":", ": ")).append('\n');
                out.append("::").append(escape(q.id())).append("::[markdown]");
                out.append(question(q)).append("\n\n");
            }
        }
        return out.toString();
    }

    /** The prompt and the answers in braces, one answer a line. */
    private static String question(Question q) {
        List<String> answers = new ArrayList<>();
        String prompt = QuizExporter.prompt(q);
        String open = "{";
        switch (q.kind()) {
            case CHOICE -> {
                QuestionType.Choice c = (QuestionType.Choice) q.type();
                c.options().forEach(o -> answers.add((o.letter().equals(c.answer()) ? "=" : "~") + text(o.text())
                        + feedback(o.feedback())));
            }
            case MULTI -> {
                QuestionType.MultipleResponse m = (QuestionType.MultipleResponse) q.type();
                String share = "%" + QuizExporter.shareOf(m.answer().size()) + "%";
                for (Option o : m.options()) {
                    answers.add("~" + (m.answer().contains(o.letter()) ? share : "%-100%") + text(o.text())
                            + feedback(o.feedback()));
                }
            }
            case TRUEFALSE -> {
                QuestionType.TrueFalse t = (QuestionType.TrueFalse) q.type();
                // {TRUE#shown for a wrong answer#shown for the right one}, as Moodle reads it.
                String wrong = t.feedback(!t.answer());
                String right = t.feedback(t.answer());
                answers.add((t.answer() ? "TRUE" : "FALSE")
                        + (wrong.isEmpty() && right.isEmpty() ? "" : "#" + text(wrong))
                        + (right.isEmpty() ? "" : "#" + text(right)));
            }
            case SHORT -> {
                QuestionType.ShortAnswer s = (QuestionType.ShortAnswer) q.type();
                for (String accepted : s.accepted()) {
                    answers.add("=" + text(accepted) + feedback(s.feedback(accepted).orElse("")));
                }
                for (QuestionType.KnownAnswer k : s.known()) {
                    if (!s.accepted().contains(k.answer())) {
                        // A known wrong answer: weight 0, so Moodle shows its feedback and gives no mark.
                        answers.add("=%0%" + text(k.answer()) + feedback(k.feedback()));
                    }
                }
            }
            case NUMERIC -> {
                QuestionType.Numeric n = (QuestionType.Numeric) q.type();
                open = "{#";
                List<BigDecimal> keyed = new ArrayList<>();
                for (QuestionType.NumberRange r : n.accepted()) {
                    // GIFTFormat keys a range's feedback by its minimum, a value's by the value.
                    BigDecimal key = r.isRange() ? r.min() : r.middle();
                    keyed.add(key);
                    answers.add("=" + number(r) + feedback(n.feedback(key).orElse("")));
                }
                for (QuestionType.KnownNumber k : n.known()) {
                    if (keyed.stream().noneMatch(v -> v.compareTo(k.value()) == 0)) {
                        answers.add("=%0%" + plain(k.value()) + feedback(k.feedback()));
                    }
                }
            }
            case MATCHING, BLANKS -> {
                QuizExporter.Pairs pairs = QuizExporter.pairs(q);
                prompt = pairs.prompt();
                pairs.pairs().forEach(p -> answers.add("=" + text(p.item()) + " -> " + text(p.answer())));
            }
        }
        StringBuilder out = new StringBuilder(text(prompt)).append(open).append('\n');
        answers.forEach(a -> out.append(a).append('\n'));
        out.append("####").append(text(QuizExporter.generalFeedback(q))).append("\n}");
        return out.toString();
    }

    private static String number(QuestionType.NumberRange r) {
        if (r.isRange()) {
            return plain(r.min()) + ".." + plain(r.max());
        }
        return r.tolerance().signum() == 0 ? plain(r.middle()) : plain(r.middle()) + ":" + plain(r.tolerance());
    }

    private static String plain(BigDecimal value) {
        return QuestionType.NumberRange.plain(value);
    }

    private static String feedback(String feedback) {
        return feedback.isEmpty() ? "" : "#" + text(feedback);
    }

    private static String text(String text) {
        return escape(text);
    }

    /** GIFT's escapes, as Moodle's importer undoes them; the backslash first, so it is not doubled again. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
