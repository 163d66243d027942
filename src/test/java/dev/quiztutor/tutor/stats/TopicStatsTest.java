package dev.quiztutor.tutor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Statistics on a crafted history where every figure is computed by hand (in the comments). Topic "t":
 * c (choice, A right, options A-D, 3 tries), tf (true/false, true right), d (choice, A right), e (choice,
 * A right), s (a typed answer nobody tried). Thresholds: 5 attempts for a facility, 5 tests for a
 * discrimination, 8 answered attempts before an unused distractor is flagged.
 *
 * <p>Six topic tests, each asking c, tf and d (1 = right, 0 = wrong or skipped):
 * <pre>
 *        c  tf  d   total
 *   T1   1  0   1   2
 *   T2   1  0   1   2
 *   T3   1  1   0   2
 *   T4   0  1   0   1      c answered B, d answered B
 *   T5   0  1   0   1      c answered C, d answered B
 *   T6   -  -   -   0      every question skipped (a give-up)
 * </pre>
 */
public class TopicStatsTest {
    public static final Thresholds THRESHOLDS = new Thresholds(5, 5, 8, 0.9, 0.2);
    private static final Question C = Fixtures.choice("c", Difficulty.EASY, "A");
    private static final Question TF = new Question(new QuestionRef("t", "tf"), Difficulty.MEDIUM, "True?",
            new QuestionType.TrueFalse(true, "", ""), List.of(), 3, Fixtures.SOLUTION, List.of());
    private static final Question D = Fixtures.choice("d", Difficulty.HARD, "A");
    private static final Question E = Fixtures.choice("e", Difficulty.EASY, "A");
    private static final Question S = new Question(new QuestionRef("t", "s"), Difficulty.HARD, "Name it.",
            new QuestionType.ShortAnswer(List.of("drift"), 0, List.of()), List.of(), 3, Fixtures.SOLUTION, List.of());
    public static final Topic TOPIC = Fixtures.topic("t", List.of(C, TF, D, E, S));

    private long clock;

    @Test
    void everyFigureIsTheOneComputedByHand() {
        TopicStats stats = TopicStats.of(TOPIC, history(), ScoringPolicy.DEFAULT, THRESHOLDS);

        // 11 (c) + 6 (tf) + 11 (d) + 5 (e) attempts; 6 test sittings.
        assertEquals(33, stats.attempts());
        assertEquals(6, stats.tests());
        assertEquals(List.of("c", "tf", "d", "e", "s"), stats.questions().stream().map(q -> q.question().id()).toList());

        QuestionStats c = stats.questions().get(0);
        // Practice: P1 A (1), P2 hint then A (0.9), P3 B then A (1 - 1/3 = 0.667), P4 gave up (0), P5 only a
        // hint (no attempt), P6 B C D out of tries (0) then a late A (not counted). Tests: T1-T3 A (1 each),
        // T4 B, T5 C, T6 skipped (0). Attempts 5 + 6 = 11; answered: all but P4 and T6 = 9.
        assertEquals(11, c.attempts());
        assertEquals(9, c.answered());
        // Right on the first try without a hint: P1, T1, T2, T3 = 4 of 11.
        assertEquals(4, c.firstTryRight());
        assertFigure(4.0 / 11, c.firstTry());
        // (1 + 0.9 + 0.667 + 3) / 11 = 5.567 / 11 = 0.50609
        assertFigure(5.567 / 11, c.facility());
        // x = c's score per test (1,1,1,0,0,0), y = the rest (tf + d: 1,1,1,1,1,0). Means 1/2 and 5/6.
        // Sxy = 3(1/2)(1/6) + 2(-1/2)(1/6) + (-1/2)(-5/6) = 1/2; Sxx = 6/4 = 3/2; Syy = 5/36 + 25/36 = 5/6.
        // r = (1/2) / sqrt(3/2 * 5/6) = 1/sqrt(5) = 0.44721
        assertEquals(6, c.tests());
        assertFigure(1 / Math.sqrt(5), c.discrimination());
        // Picked in a counted try: A by P1 P2 P3 T1 T2 T3 = 6; B by P3 P6 T4 = 3; C by P6 T5 = 2; D by P6 = 1.
        assertEquals(List.of(new OptionPicks("A", "option A", true, 6), new OptionPicks("B", "option B", false, 3),
                new OptionPicks("C", "option C", false, 2), new OptionPicks("D", "option D", false, 1)), c.picks());
        assertEquals(1, c.hintsShown());
        assertEquals(1, c.withHints());
        assertEquals(2, c.gaveUp());
        assertEquals(List.of(), c.flags());

        QuestionStats tf = stats.questions().get(1);
        // Tests only: false, false, true, true, true, skipped. 3 right of 6.
        assertEquals(6, tf.attempts());
        assertEquals(5, tf.answered());
        assertFigure(0.5, tf.facility());
        // x = 0,0,1,1,1,0 (mean 1/2), y = c + d = 2,2,1,0,0,0 (mean 5/6).
        // Sxy = 2(-1/2)(7/6) + (1/2)(1/6) + 2(1/2)(-5/6) + (-1/2)(-5/6) = -3/2; Sxx = 3/2;
        // Syy = 2(49/36) + 1/36 + 3(25/36) = 29/6. r = -3/2 / sqrt(3/2 * 29/6) = -1.5 / sqrt(7.25) = -0.55709
        assertFigure(-1.5 / Math.sqrt(7.25), tf.discrimination());
        assertEquals(List.of(new OptionPicks("True", "True", true, 3), new OptionPicks("False", "False", false, 2)),
                tf.picks());
        assertEquals(List.of(Flag.NEGATIVE_DISCRIMINATION), tf.flags());

        QuestionStats d = stats.questions().get(2);
        // Tests: A, A, B, B, B, skipped; practice: Q1, Q2, Q4, Q5 B then gave up, Q3 B B B out of tries.
        // Attempts 6 + 5 = 11, answered 5 + 5 = 10, right 2: facility 2/11 = 0.1818 < 0.2: too hard.
        assertEquals(11, d.attempts());
        assertEquals(10, d.answered());
        assertFigure(2.0 / 11, d.facility());
        // x = 1,1,0,0,0,0 (mean 1/3), y = c + tf = 1,1,2,1,1,0 (mean 1): Sxy = -1/3 + 1/3 = 0, so r = 0
        // (not negative: no flag).
        assertFigure(0, d.discrimination());
        // A 2, B 3 + 5 = 8, C and D never, with 10 answered attempts (at least 8): unused distractors.
        assertEquals(List.of(2, 8, 0, 0), d.picks().stream().map(OptionPicks::attempts).toList());
        assertEquals(List.of("C", "D"), d.unusedDistractors().stream().map(OptionPicks::label).toList());
        assertEquals(5, d.gaveUp());
        assertEquals(List.of(Flag.TOO_HARD, Flag.UNUSED_DISTRACTOR), d.flags());

        QuestionStats e = stats.questions().get(3);
        // Five practice attempts, all A on the first try: facility 1 > 0.9, too easy. B, C and D are never
        // picked, but 5 answered attempts are fewer than 8: no distractor flag yet. Never in a test.
        assertEquals(5, e.attempts());
        assertFigure(1, e.facility());
        assertEquals(new Figure.TooFew(0, 5), e.discrimination());
        assertEquals(List.of(Flag.TOO_EASY), e.flags());

        QuestionStats s = stats.questions().get(4);
        assertEquals(0, s.attempts());
        assertEquals(new Figure.TooFew(0, 5), s.facility());
        assertEquals(List.of(), s.picks());
        assertEquals(List.of(), s.flags());

        assertEquals(List.of("tf", "d", "e"), stats.flagged().stream().map(q -> q.question().id()).toList());
    }

    @Test
    void tooFewAttemptsGiveNoFigureAndNoFlag() {
        // Two practice attempts at e, both right: a facility of 1 from 2 attempts says nothing yet.
        List<RecordedAttempt> two = List.of(practice(E, answer(E, "A")), practice(E, answer(E, "A")));
        QuestionStats e = TopicStats.of(TOPIC, two, ScoringPolicy.DEFAULT, Thresholds.DEFAULT).questions().get(3);
        assertEquals(new Figure.TooFew(2, 5), e.facility());
        assertEquals(new Figure.TooFew(2, 5), e.firstTry());
        assertEquals("too few (2 of 5)", e.facility().text());
        assertEquals(List.of(), e.flags());
    }

    @Test
    void aQuestionEveryTestScoresTheSameOnHasNoDiscrimination() {
        // Five tests where c is always right: its score has no spread, so no correlation exists.
        List<RecordedAttempt> tests = new ArrayList<>();
        for (int user = 1; user <= 5; user++) {
            tests.add(test(user, C, answer(C, "A")));
            tests.add(test(user, D, answer(D, user % 2 == 0 ? "A" : "B")));
        }
        QuestionStats c = TopicStats.of(TOPIC, tests, ScoringPolicy.DEFAULT, Thresholds.DEFAULT).questions().get(0);
        assertEquals(new Figure.NoSpread(), c.discrimination());
        // Always right, so too easy all the same, but not flagged for its discrimination.
        assertEquals(List.of(Flag.TOO_EASY), c.flags());
    }

    /** The crafted history of the class comment, plus attempts that must be left out. */
    public List<RecordedAttempt> history() {
        List<RecordedAttempt> all = new ArrayList<>();
        // c, practice
        all.add(practice(C, answer(C, "A")));                                           // P1
        all.add(practice(C, hint(1), answer(C, "A")));                                  // P2
        all.add(practice(C, answer(C, "B"), answer(C, "A")));                           // P3
        all.add(practice(C, gaveUp()));                                                 // P4
        all.add(practice(C, hint(1)));                                                  // P5: no attempt
        all.add(practice(C, answer(C, "B"), answer(C, "C"), answer(C, "D"), answer(C, "A"))); // P6
        // the six tests
        String[] cAnswers = {"A", "A", "A", "B", "C", null};
        Boolean[] tfAnswers = {false, false, true, true, true, null};
        String[] dAnswers = {"A", "A", "B", "B", "B", null};
        for (int i = 0; i < 6; i++) {
            int user = 100 + i;
            all.add(test(user, C, cAnswers[i] == null ? gaveUp() : answer(C, cAnswers[i])));
            all.add(test(user, TF, tfAnswers[i] == null ? gaveUp() : truth(tfAnswers[i])));
            all.add(test(user, D, dAnswers[i] == null ? gaveUp() : answer(D, dAnswers[i])));
        }
        // d, practice
        all.add(practice(D, answer(D, "B"), gaveUp()));                                 // Q1
        all.add(practice(D, answer(D, "B"), gaveUp()));                                 // Q2
        all.add(practice(D, answer(D, "B"), answer(D, "B"), answer(D, "B")));           // Q3
        all.add(practice(D, answer(D, "B"), gaveUp()));                                 // Q4
        all.add(practice(D, answer(D, "B"), gaveUp()));                                 // Q5
        // e, practice
        for (int i = 0; i < 5; i++) {
            all.add(practice(E, answer(E, "A")));
        }
        // left out: a question the topic no longer has, and another topic's question of the same id
        all.add(new RecordedAttempt(new QuestionRef("t", "gone"), Optional.empty(), List.of(answer(C, "A"))));
        all.add(new RecordedAttempt(new QuestionRef("other", "c"), Optional.empty(), List.of(answer(C, "B"))));
        return all;
    }

    private static RecordedAttempt practice(Question q, AttemptEvent... events) {
        return new RecordedAttempt(q.ref(), Optional.empty(), List.of(events));
    }

    private static RecordedAttempt test(long user, Question q, AttemptEvent event) {
        return new RecordedAttempt(q.ref(), Optional.of(new RecordedAttempt.Sitting(1, user, 9000 + user)), List.of(event));
    }

    private AttemptEvent answer(Question q, String letter) {
        Response response = new Response.Letters(List.of(letter));
        return new AttemptEvent.Answered(next(), response, Grade.of(q, response));
    }

    private AttemptEvent truth(boolean value) {
        Response response = Response.Truth.of(value);
        return new AttemptEvent.Answered(next(), response, Grade.of(TF, response));
    }

    private AttemptEvent hint(int number) {
        return new AttemptEvent.HintShown(next(), number);
    }

    private AttemptEvent gaveUp() {
        return new AttemptEvent.GaveUp(next());
    }

    private Instant next() {
        return Instant.ofEpochSecond(1_700_000_000L + clock++);
    }

    private static void assertFigure(double expected, Figure figure) {
        assertTrue(figure instanceof Figure.Value, () -> "a figure, not " + figure);
        assertEquals(expected, ((Figure.Value) figure).value(), 1e-9);
    }
}
