package dev.quiztutor.bank.format;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.format.gift.GiftExporter;
import dev.quiztutor.bank.format.moodlexml.MoodleXmlExporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A format topics can be written in for Moodle, beside its importer: the way back of
 * {@link QuizFormat}. Exporters write from the bank's domain ({@link Topic}, {@link Question}), so
 * what a topic holds is exported whether it was written by hand or imported; the helpers here are
 * what GIFT and Moodle XML write alike.
 */
public interface QuizExporter {
    List<QuizExporter> FORMATS = List.of(new GiftExporter(), new MoodleXmlExporter());

    /** The name given to {@code --format}, the same as the importer's. */
    String name();

    /** The topics as one file of this format, each topic a category. */
    String write(List<Topic> topics);

    static Optional<QuizExporter> format(String name) {
        return FORMATS.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    static String names() {
        return FORMATS.stream().map(QuizExporter::name).collect(Collectors.joining(" or "));
    }

    /**
     * Moodle's category path for a topic: under the course's top category, named by the title, which
     * is what Moodle shows. A "/" in the title is written "//", Moodle's escape in category paths.
     */
    static String category(Topic topic) {
        return "$course$/top/" + topic.title().replace("/", "//");
    }

    /** The tag Moodle XML carries a difficulty in, and what the GIFT comment says: {@code difficulty:hard}. */
    static String difficultyTag(Difficulty difficulty) {
        return "difficulty:" + difficulty.label();
    }

    /** The worked solution and the mistakes as the general feedback Moodle shows after the question. */
    static String generalFeedback(Question q) {
        return WorkedSolution.of(q).text();
    }

    /** Moodle's penalty per wrong try for {@code attempts} tries: 1/attempts, as the importers read it back. */
    static String penalty(int attempts) {
        return attempts <= 1 ? "1" : String.format(java.util.Locale.ROOT, "%.7f", 1.0 / attempts);
    }

    /**
     * The weight of each right option of a multiple-response question, in percent: the right ones
     * share 100, so that Moodle gives full marks only for all of them; wrong ones are -100.
     */
    static String shareOf(int right) {
        return QuestionType.NumberRange.plain(java.math.BigDecimal.valueOf(100.0 / right)
                .setScale(5, java.math.RoundingMode.HALF_EVEN));
    }

    /**
     * A question with items matched from a pool: a matching question as it is, and a blanks task as
     * the closest thing Moodle's GIFT and XML both read back (neither has a code-blanks type): each
     * blank [n] an item, the code in the prompt as a code block.
     */
    record Pairs(String prompt, List<Pair> pairs) {
    }

    /** One matching pair; {@code item} is "" for an extra answer of the pool that matches no item. */
    record Pair(String item, String answer) {
    }

    /**
     * The prompt, followed by the lesson material the question needs (a table, the sample): Moodle has
     * no lesson to show it from, and the question cannot be answered without it.
     */
    static String prompt(Question q) {
        return q.material().map(m -> q.prompt() + "\n\n**" + m.title() + "**\n"
                + (m.monospace() ? "```" + m.language() + "\n" + m.text() + "\n```" : m.text())).orElse(q.prompt());
    }

    static Pairs pairs(Question q) {
        String prompt = prompt(q);
        List<String> items;
        List<Option> pool;
        List<String> answer;
        if (q.kind() == QuestionKind.BLANKS) {
            QuestionType.Blanks b = (QuestionType.Blanks) q.type();
            prompt = prompt + "\n\n```" + b.language() + "\n" + b.code() + "\n```";
            items = new ArrayList<>();
            for (int i = 1; i <= b.blanks(); i++) {
                items.add("[" + i + "]");
            }
            pool = b.options();
            answer = b.answer();
        } else {
            QuestionType.Matching m = (QuestionType.Matching) q.type();
            items = m.items();
            pool = m.options();
            answer = m.answer();
        }
        // The importers letter the pool in the order answers first appear: before each item, the
        // options lettered before its answer that have not appeared yet come as extra answers, so the
        // letters come back as they were.
        List<Pair> pairs = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String letter = answer.get(i);
            if (!shown.contains(letter)) {
                for (Option o : pool) {
                    if (o.letter().equals(letter)) {
                        break;
                    }
                    if (shown.add(o.letter())) {
                        pairs.add(new Pair("", o.text()));
                    }
                }
                shown.add(letter);
            }
            pairs.add(new Pair(items.get(i), q.type().option(letter).map(Option::text).orElseThrow()));
        }
        for (Option o : pool) {
            if (shown.add(o.letter())) {
                pairs.add(new Pair("", o.text()));
            }
        }
        return new Pairs(prompt, pairs);
    }
}
