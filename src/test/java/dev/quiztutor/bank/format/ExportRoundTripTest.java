package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Material;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code import(export(topic))}: a topic exported to GIFT or Moodle XML and imported again with the
 * real importer, read by the real validator, keeps every field the format holds. What a format cannot
 * hold is listed in {@link #expectedAfter} as the change it makes, and the test asserts that exactly
 * those changes, and no others, happen.
 */
class ExportRoundTripTest {
    static final Path EVERY_TYPE = Path.of("src/test/resources/formats/export/every-type.json");

    @TempDir
    Path dir;

    static Stream<Arguments> topicsAndFormats() {
        List<Arguments> cases = new ArrayList<>();
        for (String format : List.of("gift", "moodle-xml")) {
            for (Topic topic : Fixtures.shippedBank().topics()) {
                cases.add(Arguments.of(topic.id(), format));
            }
            cases.add(Arguments.of(EVERY_TYPE.toString(), format));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("topicsAndFormats")
    void importOfExportKeepsEveryFieldTheFormatHolds(String name, String format) throws IOException {
        Topic original = topic(name);
        Topic back = roundTrip(original, format);

        assertEquals(original.title(), back.title(), "the title is the category's name");
        // The category holds the title, not the id: the id comes back as the title's slug (import
        // --topic ID keeps another one). Lesson, summary, category and minutes have no place in either format.
        assertEquals(Slug.of(original.title()), back.id());
        assertEquals(Optional.empty(), back.lesson());
        assertEquals(original.questions().size(), back.questions().size());
        for (int i = 0; i < original.questions().size(); i++) {
            Question before = original.questions().get(i);
            Question after = back.questions().get(i);
            assertEquals(expectedAfter(before, format), fields(after), format + ": " + before.id());
        }
    }

    /** The GIFT escapes, as Moodle's own importer undoes them: every special survives in every text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void specialCharactersInEveryTextComeBackAsWritten(String format) throws IOException {
        Topic original = topic(EVERY_TYPE.toString());
        Question tricky = original.question("choice-tricky").orElseThrow();
        Topic topic = roundTrip(original, format);
        Question back = topic.question("choice-tricky").orElseThrow();

        assertEquals("Which GIFT text is {tricky}? a = b ~ c # d: e\n// not a comment\n"
                + "::not a name:: $CATEGORY: no -> arrow \\ backslash <b>&amp; ]]>", back.prompt());
        assertEquals(tricky.options(), back.options());
        assertEquals("Braces {} and = in feedback\nover two lines", back.type().option("A").orElseThrow().feedback());
        String blanks = ((QuestionType.Matching) topic.question("blanks-code").orElseThrow().type())
                .options().get(0).text();
        assertEquals("\\\\", blanks, "a backslash is written \\\\ and read back as one");
    }

    /** The title is the category's name; Moodle writes a "/" in it as "//", and it comes back as one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aTitleWithASlashAndSpecialsComesBack(String format) throws IOException {
        Topic every = topic(EVERY_TYPE.toString());
        Topic original = new Topic(every.id(), "CI/CD: {escapes} & <tags> = ~ #", every.category(), every.summary(),
                every.minutes(), every.lesson(), every.questions(), every.source());
        assertEquals(original.title(), roundTrip(original, format).title());
    }

    static Stream<String> formats() {
        return Stream.of("gift", "moodle-xml");
    }

    /** The exported GIFT keeps each question in one block: a line break in a text never ends it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedIds")
    void everyShippedQuestionIsOneGiftBlock(String id) {
        Topic topic = topic(id);
        String gift = new dev.quiztutor.bank.format.gift.GiftExporter().write(List.of(topic));
        long blocks = Stream.of(gift.split("\n\n")).filter(b -> b.contains("::")).count();
        assertEquals(topic.questions().size(), blocks, gift);
    }

    static Stream<String> shippedIds() {
        return Fixtures.shippedBank().topics().stream().map(Topic::id);
    }

    private Topic roundTrip(Topic original, String format) throws IOException {
        String text = QuizExporter.format(format).orElseThrow().write(List.of(original));
        Path file = dir.resolve(original.id() + "-" + format + (format.equals("gift") ? ".gift" : ".xml"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = dir.resolve("imported-" + original.id() + "-" + format);
        Importer.Outcome outcome = Importer.run(List.of(file), new Importer.Options(
                Optional.empty(), out, Optional.empty(), Optional.empty(), "medium"));
        assertEquals(List.of(), outcome.notices().stream().map(Notice::toString).toList(), "nothing skipped or dropped");
        assertEquals(List.of(), outcome.errors());
        assertEquals(Importer.ALL, outcome.exit());
        BankLoader.Report report = BankLoader.load(out);
        assertEquals(List.of(), report.problems().stream().map(Object::toString).toList(), "the import validates");
        assertEquals(1, report.bank().topics().size());
        return report.bank().topics().get(0);
    }

    private static Topic topic(String name) {
        if (name.endsWith(".json")) {
            BankLoader.Report report = BankLoader.load(Path.of(name));
            assertEquals(List.of(), report.problems());
            return report.bank().topics().get(0);
        }
        return Fixtures.shippedBank().topic(name).orElseThrow();
    }

    /**
     * What {@code q} looks like after the round trip: its own fields, changed only where the format
     * cannot hold them.
     * <ul>
     * <li>Both: lesson material is written into the prompt (Moodle has no lesson to show it from); a
     * short answer's typo allowance is lost; a matching pool's per-option feedback is lost (Moodle's
     * matching has none). The solution and the mistakes travel as the general feedback and come back
     * whole ({@link WorkedSolution}).
     * <li>Both: a blanks task (Moodle has no code-blanks type) is exported as matching: one item per
     * blank, named [1], [2]..., the code as a code block under the prompt; its options, answer and
     * hints come back, as a matching question, without the pool's per-option feedback.
     * <li>GIFT: no hints, no tries (Moodle's penalty), no unit.
     * <li>Moodle XML: a numeric range is a value and a tolerance (same numbers, written "150 ± 50").
     * </ul>
     */
    static Map<String, String> expectedAfter(Question q, String format) {
        Map<String, String> f = fields(q);
        f.put("material", "");
        f.put("prompt", QuizExporter.prompt(q));
        boolean gift = format.equals("gift");
        if (gift) {
            f.put("hints", "");
            f.put("attempts", "3");
        }
        switch (q.kind()) {
            case SHORT -> f.put("typos", "0");
            case NUMERIC -> {
                if (gift) {
                    f.put("unit", "");
                } else {
                    f.put("written", ((QuestionType.Numeric) q.type()).accepted().stream()
                            .map(r -> QuestionType.NumberRange.around(r.middle(), r.tolerance()).written())
                            .collect(Collectors.joining(" | ")));
                }
            }
            case MATCHING -> f.put("optionFeedback", "");
            case BLANKS -> {
                QuizExporter.Pairs pairs = QuizExporter.pairs(q);
                f.put("type", "matching");
                f.put("prompt", pairs.prompt());
                f.remove("language");
                f.remove("code");
                f.put("optionFeedback", "");
                Map<String, String> matching = new LinkedHashMap<>();
                f.forEach((k, v) -> matching.put(k, v));
                matching.put("items", pairs.pairs().stream().map(QuizExporter.Pair::item).filter(i -> !i.isEmpty())
                        .collect(Collectors.joining(" | ")));
                return order(matching);
            }
            default -> {
            }
        }
        return order(f);
    }

    /** Every field of a question as text, for a readable diff. */
    static Map<String, String> fields(Question q) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", q.id());
        f.put("type", q.kind().label());
        f.put("difficulty", q.difficulty().label());
        f.put("prompt", q.prompt());
        f.put("material", q.material().map(Material::title).orElse(""));
        f.put("hints", String.join(" | ", q.hints()));
        f.put("attempts", String.valueOf(q.attempts()));
        f.put("solution", q.solution().toString());
        f.put("mistakes", String.join(" | ", q.mistakes()));
        switch (q.kind()) {
            case CHOICE -> {
                options(f, q.options());
                f.put("answer", ((QuestionType.Choice) q.type()).answer());
            }
            case MULTI -> {
                options(f, q.options());
                f.put("answer", String.join(" ", ((QuestionType.MultipleResponse) q.type()).answer()));
            }
            case BLANKS -> {
                QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                f.put("language", b.language());
                f.put("code", b.code());
                options(f, b.options());
                f.put("answer", String.join(" ", b.answer()));
            }
            case MATCHING -> {
                QuestionType.Matching m = (QuestionType.Matching) q.type();
                f.put("items", String.join(" | ", m.items()));
                options(f, m.options());
                f.put("answer", String.join(" ", m.answer()));
            }
            case TRUEFALSE -> {
                QuestionType.TrueFalse t = (QuestionType.TrueFalse) q.type();
                f.put("answer", String.valueOf(t.answer()));
                f.put("feedbackTrue", t.feedbackTrue());
                f.put("feedbackFalse", t.feedbackFalse());
            }
            case SHORT -> {
                QuestionType.ShortAnswer s = (QuestionType.ShortAnswer) q.type();
                f.put("accepted", String.join(" | ", s.accepted()));
                f.put("typos", String.valueOf(s.typos()));
                f.put("known", new TreeMap<>(s.known().stream().collect(Collectors.toMap(
                        QuestionType.KnownAnswer::answer, QuestionType.KnownAnswer::feedback))).toString());
            }
            case NUMERIC -> {
                QuestionType.Numeric n = (QuestionType.Numeric) q.type();
                f.put("accepted", n.accepted().stream()
                        .map(r -> QuestionType.NumberRange.plain(r.min()) + ".." + QuestionType.NumberRange.plain(r.max()))
                        .collect(Collectors.joining(" | ")));
                f.put("written", n.accepted().stream().map(QuestionType.NumberRange::written).collect(Collectors.joining(" | ")));
                f.put("unit", n.unit());
                f.put("known", new TreeMap<>(n.known().stream().collect(Collectors.toMap(
                        k -> QuestionType.NumberRange.plain(k.value()), QuestionType.KnownNumber::feedback))).toString());
            }
        }
        return order(f);
    }

    private static void options(Map<String, String> f, List<Option> options) {
        f.put("options", options.stream().map(Option::label).collect(Collectors.joining(" | ")));
        f.put("optionFeedback", options.stream().filter(Option::hasFeedback)
                .map(o -> o.letter() + ": " + o.feedback()).collect(Collectors.joining(" | ")));
    }

    /** Sorted by field name, so two maps built in different orders compare and print alike. */
    private static Map<String, String> order(Map<String, String> f) {
        return new TreeMap<>(f);
    }

    static boolean kind(Question q, QuestionKind kind) {
        return q.kind() == kind;
    }
}
