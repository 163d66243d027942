package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.format.Imported;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "done when": Moodle's own GIFT fixtures and a Moodle XML export with every supported type
 * import, load with no problem, and play, each imported type answered as a learner would, wrong
 * answers getting the feedback their author wrote in Moodle.
 */
class ImportedBanksPlayTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Practice practice = new Practice(ScoringPolicy.DEFAULT);

    @TempDir
    Path dir;

    private QuizBank imported() {
        Imported run = Imported.run(dir.resolve("out"), Imported.fixture("gift", "moodle-questions.gift.txt"),
                Imported.fixture("gift", "moodle-questions-in-category.gift.txt"),
                Imported.fixture("moodlexml", "moodle-export.xml"));
        // Imported.run has loaded the written files with BankLoader: no problem, every question loaded.
        assertEquals("imported 18 questions into 4 topics; skipped 6", run.outcome().summary(), run.notices().toString());
        return run.report().bank();
    }

    private static Question q(QuizBank bank, String topic, String id) {
        return bank.question(new QuestionRef(topic, id)).orElseThrow(() -> new AssertionError(topic + "/" + id));
    }

    @Test
    void everyTypeMoodleHasThatWePlayIsImported() {
        EnumSet<QuestionKind> kinds = EnumSet.noneOf(QuestionKind.class);
        imported().topics().forEach(t -> t.questions().forEach(x -> kinds.add(x.kind())));
        assertEquals(EnumSet.complementOf(EnumSet.of(QuestionKind.BLANKS)), kinds, "all but our own code blanks");
    }

    @Test
    void choiceTellsWhyTheDistractorIsWrong() {
        Question q = q(imported(), "moodle-questions", "q2");
        assertEquals("wrong, it's yellow", said(q, "B"));
        assertCorrect(q, "a");
    }

    @Test
    void trueFalseTellsEachAnswerItsOwnFeedback() {
        QuizBank bank = imported();
        Question gift = q(bank, "moodle-questions", "q1");
        assertEquals("42 is the Ultimate Answer.", said(gift, "true"));
        assertEquals("You gave the right answer.", AnswerFeedback.of(gift, valid(gift, "false")));
        assertCorrect(gift, "f");
        // The general feedback is the solution: one step with the answer in words, then the feedback.
        assertEquals(1, gift.solution().steps().size());
        assertEquals("False", gift.solution().answer());
        assertTrue(gift.solution().steps().get(0).text().endsWith(
                "This is, of course, a Hitchiker's Guide to the Galaxy reference."), gift.solution().toString());
        Question xml = q(bank, "truefalse", "moodle-acronym-false");
        assertEquals("Your answer is incorrect.", said(xml, "true"));
    }

    @Test
    void multipleResponseNeedsTheExactSetAndShowsEachPicksFeedbackInTheReveal() {
        Question q = q(imported(), "moodle-questions", "colours");
        Response yellowAndRed = valid(q, "A B");
        Grade grade = Grade.of(q, yellowAndRed);
        assertFalse(grade.correct());
        assertEquals(1, grade.right());
        assertEquals(List.of("A: right; good!", "B: wrong"), AnswerFeedback.picked(q, yellowAndRed));
        assertCorrect(q, "C A");
    }

    @Test
    void aTypedAnswerIsGradedAndAKnownWrongOneGetsItsFeedback() {
        QuizBank bank = imported();
        Question gift = q(bank, "moodle-questions", "shortanswer");
        assertEquals("What is it with Moodlers and cats?", said(gift, "cat"));
        assertCorrect(gift, " FROG. ");
        Question xml = q(bank, "multichoice", "short-answer-question");
        assertEquals("", said(xml, "Alpha"), "Moodle's \"*\" feedback is not kept (the import says so)");
        assertCorrect(xml, "beta");
    }

    @Test
    void aNumberIsGradedWithItsToleranceAndAKnownWrongOneGetsItsFeedback() {
        QuizBank bank = imported();
        Question xml = q(bank, "multichoice", "numerical-question");
        assertEquals("What were you thinking?!", said(xml, "13"));
        assertCorrect(xml, "42,0005");
        Question gift = q(bank, "moodle-questions", "q5");
        assertCorrect(gift, "1");
        assertInstanceOf(Feedback.Incorrect.class, answer(gift, "6"));
    }

    @Test
    void matchingIsGradedItemByItem() {
        QuizBank bank = imported();
        Question gift = q(bank, "moodle-questions", "moodle-activities");
        assertEquals(2, Grade.of(gift, valid(gift, "B A C D")).right());
        assertCorrect(gift, "A B C D");
        Question xml = q(bank, "multichoice", "matching-question");
        assertCorrect(xml, "A B C");
        assertFalse(Grade.of(xml, valid(xml, "A B D")).correct(), "the extra answer d matches no item");
    }

    private Feedback answer(Question q, String text) {
        return practice.answer(q, Attempt.start(q), valid(q, text), NOW).feedback();
    }

    /** What a wrong try is told, whether or not tries are left. */
    private String said(Question q, String text) {
        Feedback feedback = answer(q, text);
        if (feedback instanceof Feedback.OutOfTries out) {
            return out.said();
        }
        return assertInstanceOf(Feedback.Incorrect.class, feedback, text).said();
    }

    private void assertCorrect(Question q, String text) {
        assertInstanceOf(Feedback.Correct.class, answer(q, text), text);
        assertTrue(Grade.of(q, valid(q, text)).correct());
    }

    private static Response valid(Question q, String text) {
        return assertInstanceOf(Response.Valid.class, Response.parse(q, text), text).response();
    }
}
