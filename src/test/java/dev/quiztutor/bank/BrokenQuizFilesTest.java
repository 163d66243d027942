package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/quizzes-broken} is wrong in one known way; its problems must
 * name the exact line, column and field, and say what is allowed.
 */
class BrokenQuizFilesTest {

    /** One expected problem: where it is, the field path, and words the message must contain. */
    record Expected(int line, int column, String field, String says) {
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                file("material-not-in-lesson.json", new Expected(14, 20, "questions[0].material.table",
                        "the lesson has no table titled \"Level\" (did you mean \"Levels\"?); its tables are \"Levels\"")),
                file("syntax-error.json", new Expected(4, 3, "", "was expecting comma")),
                file("unknown-field.json", new Expected(12, 7, "questions[0].hnits", "did you mean \"hints\"")),
                file("missing-required.json", new Expected(5, 5, "questions[0]", "missing required field \"solution\"")),
                file("duplicate-ids.json", new Expected(15, 7, "questions[1].id", "duplicate question id 'same' (first used at line 5)")),
                file("bad-answer-letter.json", new Expected(11, 7, "questions[0].answer", "\"E\" is not an option of this question; options are A, B, C, D")),
                file("blank-without-answer.json", new Expected(12, 7, "questions[0].answer",
                        "blank [3] has no answer: the code has 3 blanks but the answer has 2 letters; give exactly one "
                                + "letter per blank (if [3] is code, such as list indexing, write \\\\[3] in the JSON string)")),
                file("answer-without-blank.json", new Expected(14, 9, "questions[0].answer[1]", "answer [2] has no blank")),
                file("blank-twice.json",
                        new Expected(10, 29, "questions[0].code", "blank [1] appears again at line 2, column 5 of the code"),
                        new Expected(10, 38, "questions[0].code", "[3] at line 3, column 5 of the code is not a blank")),
                // Each marker is found at its own column of the file: escapes (\" and \n) count as one character
                // of the code but two of the file, and a non-ASCII letter as one column.
                file("stray-blank-marker.json", new Expected(10, 55, "questions[0].code",
                        "[0] at line 2, column 14 of the code is not a blank: blanks are numbered from [1]; if it is "
                                + "code (list indexing, for example), write \\\\[0] in the JSON string for a literal [0]")),
                // The value on the line after its name; the answer's three letters are not reported as well.
                file("blank-gap.json", new Expected(11, 32, "questions[0].code",
                        "[4] at line 3, column 5 of the code is not a blank: blanks are numbered [1], [2], ... without "
                                + "gaps and [3] is missing; renumber it, or write \\\\[4]")),
                // One mistake, one problem: the question is still a question for lesson.quiz and for duplicate ids.
                file("broken-question-in-lesson-quiz.json", new Expected(15, 7, "questions[0].answer",
                        "\"b\" is not an option of this question; options are A, B (did you mean \"B\"?")),
                file("duplicate-id-of-broken-question.json",
                        new Expected(8, 7, "questions[0].difficulty", "\"Hard\" is not a difficulty; did you mean \"hard\"?"),
                        new Expected(15, 7, "questions[1].id", "duplicate question id 'same' (first used at line 5)")),
                // Every problem of a question at once, not only the first: the code is read despite the difficulty.
                file("blanks-task-with-two-problems.json",
                        new Expected(8, 7, "questions[0].difficulty", "did you mean \"easy\"?"),
                        new Expected(10, 27, "questions[0].code", "[0] at line 1, column 12 of the code is not a blank")),
                file("capitalised-difficulty.json", new Expected(8, 7, "questions[0].difficulty",
                        "\"Medium\" is not a difficulty; did you mean \"medium\"? Difficulties are lower case")),
                file("null-field.json",
                        new Expected(4, 3, "category", "is null; give it a value, or leave the field out"),
                        new Expected(13, 7, "questions[0].hints", "is null")),
                file("blank-text.json", new Expected(4, 3, "summary", "must not be empty")),
                file("options-swapped.json", new Expected(10, 19, "questions[0].options.B", "expected \"A\" here, not \"B\"")),
                file("too-many-choice-options.json", new Expected(10, 7, "questions[0].options",
                        "has 21 options; a choice question has 2 to 20")),
                file("bad-difficulty.json", new Expected(8, 7, "questions[0].difficulty", "use \"easy\", \"medium\" or \"hard\"")),
                file("too-many-options.json", new Expected(10, 7, "questions[0].options", "has 26 options; a blanks question has 2 to 25")),
                file("long-button-label.json", new Expected(11, 9, "questions[0].options.A", "is 81 characters as a button label")),
                file("long-select-option.json", new Expected(11, 9, "questions[0].options.A", "is 101 characters as a select-menu entry")),
                file("post-too-long.json", new Expected(9, 7, "questions[0].prompt", "a Discord embed holds 4096")),
                file("long-id.json", new Expected(6, 7, "questions[0].id", "is 44 characters; an id has at most 32")),
                file("too-many-blanks.json", new Expected(29, 7, "questions[0].code", "has 5 blanks; a task has at most 4")),
                file("options-out-of-order.json", new Expected(12, 9, "questions[0].options.C", "expected \"B\" here, not \"C\"")),
                file("lesson-problems.json",
                        new Expected(12, 11, "lesson.tables[0].rows[1]", "has 1 cell but the table has 2 columns"),
                        new Expected(16, 20, "lesson.quiz[1]", "no question 'q2' in this topic")),
                file("lesson-quiz-too-many-rows.json", new Expected(6, 24, "lesson.quiz[1]",
                        "question 'wide' needs 6 rows of components on its lesson quiz page")),
                file("duplicate-field.json", new Expected(12, 7, "questions[0].answer", "appears twice in the same object")),
                file("wrong-types.json",
                        new Expected(3, 3, "title", "must be text (a JSON string), not a number"),
                        new Expected(7, 7, "questions[0].type", "\"multiple\" is not a question type"),
                        new Expected(9, 7, "questions[0].prompt", "must not be empty"),
                        new Expected(10, 7, "questions[0].options", "must be an object of lettered options"),
                        new Expected(12, 7, "questions[0].attempts", "use a whole number from 1 to 10"),
                        new Expected(13, 7, "questions[0].hints", "must be a list"),
                        new Expected(14, 20, "questions[0].solution.steps", "must have at least 1 item")),
                file("empty.json", new Expected(1, 1, "", "the file is empty")),
                file("not-an-object.json", new Expected(1, 1, "", "must be a topic { ... }, not a list")));
    }

    private static Arguments file(String name, Expected... expected) {
        return Arguments.of(name, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsEachProblemAtItsPlace(String name, List<Expected> expected) {
        Path file = Fixtures.BROKEN.resolve(name);
        BankLoader.Report report = BankLoader.load(file);
        assertTrue(report.bank().isEmpty(), "a broken file adds no topic");
        List<Problem> problems = report.problems();
        assertEquals(expected.size(), problems.size(), "problems: " + problems);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            Problem got = problems.get(i);
            assertEquals(file, got.file());
            assertEquals(want.line(), got.line(), got.toString());
            assertEquals(want.column(), got.column(), got.toString());
            assertEquals(want.field(), got.field(), got.toString());
            assertTrue(got.message().contains(want.says()), got + " should say: " + want.says());
            assertTrue(got.toString().startsWith(file + ":" + want.line() + ":" + want.column() + ": "), got.toString());
        }
    }

    @Test
    void everyBrokenFileIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.BROKEN)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            List<String> covered = brokenFiles().map(a -> (String) a.get()[0]).sorted().toList();
            assertEquals(names, covered);
        }
    }

    @Test
    void aFolderReportsEveryFileAndKeepsTheValidOnes(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.SHIPPED.resolve("mlops-maturity-levels.json"), dir.resolve("a-good.json"));
        Files.copy(Fixtures.BROKEN.resolve("bad-answer-letter.json"), dir.resolve("b-bad.json"));
        Files.copy(Fixtures.BROKEN.resolve("wrong-types.json"), dir.resolve("c-worse.json"));
        Files.writeString(dir.resolve("notes.txt"), "not a quiz");
        BankLoader.Report report = BankLoader.load(dir);
        assertEquals(List.of("mlops-maturity-levels"), report.bank().topics().stream().map(Topic::id).toList());
        assertEquals(3, report.files().size(), "notes.txt is not a quiz file");
        assertEquals(2, report.invalid().size());
        assertEquals(8, report.problems().size(), "every problem of every file, not just the first");
    }

    @Test
    void aTopicIdUsedTwiceKeepsTheFirstFile(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        Files.copy(Fixtures.SHIPPED.resolve("mlops-maturity-levels.json"), first);
        Files.copy(Fixtures.SHIPPED.resolve("mlops-maturity-levels.json"), second);
        BankLoader.Report report = BankLoader.load(dir);
        assertEquals(1, report.bank().topics().size());
        Problem duplicate = report.problems().get(0);
        assertEquals(second, duplicate.file());
        assertEquals(3, duplicate.line(), "the id line of the second file");
        assertTrue(duplicate.message().contains("already used by " + first), duplicate.toString());
    }

    @Test
    void aMissingPathIsAProblemNotACrash() {
        Path missing = Path.of("no/such/folder");
        BankLoader.Report report = BankLoader.load(missing);
        assertEquals("no/such/folder:1:1: no such file or folder", report.problems().get(0).toString());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertTrue(BankLoader.load(latin1).problems().get(0).message().contains("not UTF-8"));
    }
}
