package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every question type of the shipped drift topic, answered as a learner would. */
class QuestionTypesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Practice practice = new Practice(ScoringPolicy.DEFAULT);

    private static Question q(String id) {
        return Fixtures.shippedBank().question(new QuestionRef("model-monitoring-drift", id)).orElseThrow();
    }

    @Test
    void theShippedTopicUsesEveryType() {
        EnumSet<QuestionKind> kinds = EnumSet.noneOf(QuestionKind.class);
        Fixtures.shippedBank().topic("model-monitoring-drift").orElseThrow().questions().forEach(x -> kinds.add(x.kind()));
        assertEquals(EnumSet.allOf(QuestionKind.class), kinds);
    }

    @Test
    void trueFalseGivesTheFeedbackOfTheAnswerGiven() {
        Question tf = q("labels-delay-accuracy");
        Feedback wrong = practice.answer(tf, Attempt.start(tf), valid(tf, "true"), NOW).feedback();
        Feedback.Incorrect incorrect = assertInstanceOf(Feedback.Incorrect.class, wrong);
        assertTrue(incorrect.said().startsWith("Accuracy compares predictions with labels"), incorrect.said());
        assertInstanceOf(Feedback.Correct.class, practice.answer(tf, Attempt.start(tf), valid(tf, "F"), NOW).feedback());
        assertEquals("Answer true or false.", invalid(tf, "maybe"));
    }

    @Test
    void multipleResponseIsRightOnlyWithTheExactSetAndSaysHowManyPicksAreRight() {
        Question multi = q("early-warning-signals");  // A, B and D
        Grade some = Grade.of(multi, valid(multi, "A C"));
        assertEquals(1, some.right(), "one of the two picks is right");
        assertTrue(!some.correct());
        Grade subset = Grade.of(multi, valid(multi, "a b"));
        assertEquals(2, subset.right());
        assertTrue(!subset.correct(), "right picks but not all of them");
        assertTrue(Grade.of(multi, valid(multi, "D,B,A")).correct(), "any order");
        assertTrue(!Grade.of(multi, valid(multi, "ABDE")).correct(), "one too many");
        assertEquals("Name each option once; options are A, B, C, D or E.", invalid(multi, "A A"));
        Feedback.Incorrect wrong = assertInstanceOf(Feedback.Incorrect.class,
                practice.answer(multi, Attempt.start(multi), valid(multi, "C"), NOW).feedback());
        assertEquals("", wrong.said(), "per-option feedback would tell which pick is wrong: it waits for the solution");
    }

    @Test
    void shortAnswersForgiveCaseSpacingPunctuationAndTheAllowedTypos() {
        Question shortQ = q("concept-drift-name");  // typos: 2
        assertTrue(Grade.of(shortQ, valid(shortQ, "  Concept   DRIFT. ")).correct());
        assertTrue(Grade.of(shortQ, valid(shortQ, "concpt drift")).correct(), "one typo");
        assertTrue(Grade.of(shortQ, valid(shortQ, "concept shift")).correct(), "another accepted answer");
        assertTrue(!Grade.of(shortQ, valid(shortQ, "data drift")).correct(), "a known wrong answer, however close");
        Feedback.Incorrect wrong = assertInstanceOf(Feedback.Incorrect.class,
                practice.answer(shortQ, Attempt.start(shortQ), valid(shortQ, "Data drift!"), NOW).feedback());
        assertTrue(wrong.said().startsWith("Data drift is a change in the inputs"), wrong.said());
        assertEquals("Type an answer.", invalid(shortQ, "   "));
    }

    @Test
    void numbersAreReadWithACommaOrAPointAndGradedWithTheirTolerance() {
        Question psi = q("psi-two-bins");  // 0.041 ± 0.002
        assertTrue(Grade.of(psi, valid(psi, "0,041")).correct());
        assertTrue(Grade.of(psi, valid(psi, "0.0405")).correct());
        assertTrue(!Grade.of(psi, valid(psi, "0.05")).correct());
        Feedback.Incorrect wrong = assertInstanceOf(Feedback.Incorrect.class,
                practice.answer(psi, Attempt.start(psi), valid(psi, "0.018"), NOW).feedback());
        assertTrue(wrong.said().startsWith("That is the first bin alone"), wrong.said());
        assertTrue(invalid(psi, "about 0.04").contains("is not a number"));
        assertEquals("0.041 ± 0.002", psi.answerKey());
    }

    @Test
    void matchingIsGradedItemByItem() {
        Question match = q("match-drift-kinds");  // A B C D
        Grade grade = Grade.of(match, valid(match, "A B D C"));
        assertEquals(2, grade.right());
        assertEquals(4, grade.of());
        assertTrue(Grade.of(match, valid(match, "ABCD")).correct());
        assertTrue(invalid(match, "A B").startsWith("Answer with 4 letters, one per item in order"));
    }

    @Test
    void aStoredAnswerOfAnotherShapeCountsAsWrongNotAsACrash() {
        // A question edited from choice to short keeps its id; an old stored answer no longer fits it.
        Question shortQ = q("concept-drift-name");
        assertEquals(Grade.of(0, 1), Grade.of(shortQ, Response.of("B")));
        assertEquals("", AnswerFeedback.of(shortQ, Response.of("B")));
    }

    private static Response valid(Question q, String text) {
        return assertInstanceOf(Response.Valid.class, Response.parse(q, text), text).response();
    }

    private static String invalid(Question q, String text) {
        return assertInstanceOf(Response.Invalid.class, Response.parse(q, text), text).reason();
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
