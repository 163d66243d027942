package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every transition of a practice attempt, "interactive with multiple tries". */
class PracticeTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Practice practice = new Practice(ScoringPolicy.DEFAULT);
    private final Question question = Fixtures.choice("B");

    @Test
    void rightOnTheFirstTryScoresFullMarksAndRevealsTheSolution() {
        Practice.Outcome outcome = practice.answer(question, Attempt.start(question), Response.of("B"), NOW);
        Feedback.Correct correct = assertInstanceOf(Feedback.Correct.class, outcome.feedback());
        assertEquals(Attempt.Status.SOLVED, correct.progress().status());
        assertEquals(1.0, correct.progress().score());
        assertTrue(correct.revealsSolution());
        assertEquals(Optional.of(new AttemptEvent.Answered(NOW, Response.of("B"), new Grade(1, 1))), outcome.recorded());
    }

    @Test
    void aWrongTrySaysSoAndHowManyTriesAreLeft() {
        Practice.Outcome outcome = practice.answer(question, Attempt.start(question), Response.of("A"), NOW);
        Feedback.Incorrect wrong = assertInstanceOf(Feedback.Incorrect.class, outcome.feedback());
        assertEquals(2, wrong.progress().triesLeft());
        assertFalse(wrong.revealsSolution(), "no solution while tries are left");
        assertTrue(wrong.progress().moreHints());
    }

    @Test
    void eachWrongTryCostsAThird() {
        Attempt attempt = Attempt.start(question);
        attempt = practice.answer(question, attempt, Response.of("A"), NOW).attempt();
        Practice.Outcome second = practice.answer(question, attempt, Response.of("B"), NOW);
        assertEquals(0.667, second.feedback().progress().score());
        attempt = Attempt.start(question);
        attempt = practice.answer(question, attempt, Response.of("A"), NOW).attempt();
        attempt = practice.answer(question, attempt, Response.of("C"), NOW).attempt();
        Practice.Outcome third = practice.answer(question, attempt, Response.of("B"), NOW);
        assertInstanceOf(Feedback.Correct.class, third.feedback());
        assertEquals(0.333, third.feedback().progress().score());
    }

    @Test
    void threeWrongTriesEndTheAttemptAndRevealTheSolution() {
        Attempt attempt = Attempt.start(question);
        attempt = practice.answer(question, attempt, Response.of("A"), NOW).attempt();
        Practice.Outcome second = practice.answer(question, attempt, Response.of("C"), NOW);
        assertEquals(1, second.feedback().progress().triesLeft());
        Practice.Outcome third = practice.answer(question, second.attempt(), Response.of("D"), NOW);
        Feedback.OutOfTries out = assertInstanceOf(Feedback.OutOfTries.class, third.feedback());
        assertEquals(0, out.progress().triesLeft());
        assertEquals(0.0, out.progress().score());
        assertTrue(out.revealsSolution());
    }

    @Test
    void hintsComeOneAtATimeAndAreCounted() {
        Practice.Outcome first = practice.hint(question, Attempt.start(question), NOW);
        Feedback.Hint hint = assertInstanceOf(Feedback.Hint.class, first.feedback());
        assertEquals("First hint", hint.text());
        assertEquals(1, hint.number());
        Practice.Outcome second = practice.hint(question, first.attempt(), NOW);
        assertEquals("Second hint", ((Feedback.Hint) second.feedback()).text());
        Practice.Outcome none = practice.hint(question, second.attempt(), NOW);
        assertInstanceOf(Feedback.NoMoreHints.class, none.feedback());
        assertTrue(none.recorded().isEmpty(), "asking again records nothing");
        assertEquals(2, none.attempt().hintsShown());
        assertEquals(3, none.feedback().progress().triesLeft(), "hints cost no tries");
    }

    @Test
    void eachHintLowersTheScoreByThePenalty() {
        Attempt attempt = practice.hint(question, Attempt.start(question), NOW).attempt();
        attempt = practice.hint(question, attempt, NOW).attempt();
        Practice.Outcome right = practice.answer(question, attempt, Response.of("B"), NOW);
        assertEquals(0.8, right.feedback().progress().score());
        Practice custom = new Practice(new ScoringPolicy(1.0 / 3, 0.5));
        Attempt hinted = custom.hint(question, Attempt.start(question), NOW).attempt();
        hinted = custom.hint(question, hinted, NOW).attempt();
        hinted = custom.answer(question, hinted, Response.of("A"), NOW).attempt();
        assertEquals(0.0, custom.answer(question, hinted, Response.of("B"), NOW).feedback().progress().score(),
                "never below zero");
    }

    @Test
    void givingUpRevealsTheSolutionForNoPoints() {
        Practice.Outcome outcome = practice.giveUp(question, Attempt.start(question), NOW);
        Feedback.GaveUp gaveUp = assertInstanceOf(Feedback.GaveUp.class, outcome.feedback());
        assertEquals(Attempt.Status.GAVE_UP, gaveUp.progress().status());
        assertEquals(0.0, gaveUp.progress().score());
        assertTrue(gaveUp.revealsSolution());
    }

    @Test
    void anAnswerAfterTheEndIsNotCountedAgainAndShowsTheResultAgain() {
        Attempt solved = practice.answer(question, Attempt.start(question), Response.of("B"), NOW).attempt();
        for (Practice.Outcome again : List.of(
                practice.answer(question, solved, Response.of("B"), NOW),
                practice.answer(question, solved, Response.of("A"), NOW),
                practice.hint(question, solved, NOW),
                practice.giveUp(question, solved, NOW))) {
            Feedback.AlreadyEnded ended = assertInstanceOf(Feedback.AlreadyEnded.class, again.feedback());
            assertTrue(again.recorded().isEmpty());
            assertEquals(1.0, ended.progress().score(), "the first result stands");
            assertEquals(1, ended.progress().triesUsed());
            assertTrue(ended.revealsSolution());
        }
        Attempt gaveUp = practice.giveUp(question, Attempt.start(question), NOW).attempt();
        Practice.Outcome late = practice.answer(question, gaveUp, Response.of("B"), NOW);
        assertEquals(0.0, late.feedback().progress().score(), "no points after seeing the solution");
    }

    @Test
    void aBlanksTaskSaysHowManyBlanksAreRightButNotWhich() {
        Question task = Fixtures.blanks("b", Difficulty.HARD, "A", "B", "C");
        Practice.Outcome outcome = practice.answer(task, Attempt.start(task), Response.of("A", "C", "C"), NOW);
        Feedback.Incorrect wrong = assertInstanceOf(Feedback.Incorrect.class, outcome.feedback());
        assertEquals(new Grade(2, 3), wrong.grade());
        assertEquals(2, wrong.progress().triesLeft());
        Practice.Outcome right = practice.answer(task, outcome.attempt(), Response.of("A", "B", "C"), NOW);
        assertInstanceOf(Feedback.Correct.class, right.feedback());
    }

    @Test
    void anOptionMayFillSeveralBlanks() {
        Question task = Fixtures.blanks("b", Difficulty.EASY, "A", "A");
        assertTrue(Grade.of(task, Response.of("A", "A")).correct());
    }

    @Test
    void replayingTheEventsGivesTheSameAttempt() {
        Attempt attempt = Attempt.start(question);
        attempt = practice.hint(question, attempt, NOW).attempt();
        attempt = practice.answer(question, attempt, Response.of("A"), NOW).attempt();
        attempt = practice.answer(question, attempt, Response.of("B"), NOW).attempt();
        Attempt replayed = Attempt.replay(question, attempt.events());
        assertEquals(attempt.status(), replayed.status());
        assertEquals(attempt.triesUsed(), replayed.triesUsed());
        assertEquals(attempt.hintsShown(), replayed.hintsShown());
        assertEquals(ScoringPolicy.DEFAULT.score(attempt), ScoringPolicy.DEFAULT.score(replayed));
        assertEquals(0.567, ScoringPolicy.DEFAULT.score(replayed), "one wrong try and one hint");
    }

    @Test
    void aQuestionWithoutHintsSaysSo() {
        Question bare = new Question(question.ref(), Difficulty.EASY, "?",
                new QuestionType.Choice(question.options(), "A"), List.of(), 1, Fixtures.SOLUTION, List.of());
        Practice.Outcome outcome = practice.hint(bare, Attempt.start(bare), NOW);
        assertEquals(0, assertInstanceOf(Feedback.NoMoreHints.class, outcome.feedback()).progress().hintsTotal());
        assertInstanceOf(Feedback.OutOfTries.class,
                practice.answer(bare, Attempt.start(bare), Response.of("B"), NOW).feedback(), "one try only");
    }
}
