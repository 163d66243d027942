package dev.quiztutor.tutor.review;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.tutor.review.Card.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * FSRS-6 against the reference implementations' own tests, same inputs, same numbers:
 * <ul>
 *   <li>py-fsrs 6.3.1 (open-spaced-repetition/py-fsrs, commit 3abe686), {@code tests/test_basic.py};</li>
 *   <li>ts-fsrs 5.4.1 (open-spaced-repetition/ts-fsrs, commit cdec8d2), {@code packages/fsrs/__tests__/FSRS-6.test.ts};</li>
 *   <li>fsrs-rs 6.6.1 (open-spaced-repetition/fsrs-rs, commit 0cbb9d3), the tests in {@code src/inference.rs},
 *       the implementation inside Anki.</li>
 * </ul>
 * Each test names the reference test it reproduces. The references run with fuzz off where their numbers
 * depend on it; {@link FsrsScheduler#reference()} is their default scheduler without fuzz.
 */
class FsrsReferenceTest {
    private static final Instant NOV_29_2022 = Instant.parse("2022-11-29T12:30:00Z");
    private static final Rating[] TEST_RATINGS_1 = {Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD,
            Rating.GOOD, Rating.AGAIN, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};

    private final FsrsScheduler reference = FsrsScheduler.reference();

    private static long wholeDays(Card card) {
        return Duration.between(card.lastReview().orElseThrow(), card.due()).toDays();
    }

    private static Duration wait(Card before, Card after) {
        return Duration.between(before.due(), after.due());
    }

    /** py-fsrs test_review_card (and test_custom_scheduler_args); ts-fsrs FSRS-6 'ivl_history'. */
    @Test
    void intervalsOfTheReferenceRatingSequence() {
        Card card = Card.fresh(NOV_29_2022);
        Instant at = NOV_29_2022;
        List<Long> intervals = new ArrayList<>();
        for (Rating rating : TEST_RATINGS_1) {
            card = reference.review(card, rating, at);
            intervals.add(wholeDays(card));
            at = card.due();
        }
        assertEquals(List.of(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L), intervals);
    }

    /**
     * py-fsrs test_memo_state, ts-fsrs FSRS-6 'memory state[short-term]', fsrs-rs test_memory_state: Again,
     * then Good after 0, 1, 3, 8 and 21 days; both within 1e-4 as there.
     */
    @Test
    void memoryStateAfterTheReferenceReviews() {
        Card card = memoryStateSequence(reference);
        assertEquals(53.62691, card.stability(), 1e-4);
        assertEquals(6.3574867, card.difficulty(), 1e-4);
    }

    /**
     * fsrs-rs test_memory_state with the same-day weights w17-w19 set to 0, which is also ts-fsrs's
     * 'memory state[long-term]': a same-day review then leaves stability as it was.
     */
    @Test
    void memoryStateWithSameDayWeightsFrozen() {
        double[] w = defaults();
        w[17] = 0;
        w[18] = 0;
        w[19] = 0;
        Card card = memoryStateSequence(scheduler(Parameters.of(w), 0.9));
        assertEquals(53.335106, card.stability(), 1e-4);
        assertEquals(6.3574867, card.difficulty(), 1e-4);
    }

    private static Card memoryStateSequence(FsrsScheduler scheduler) {
        Rating[] ratings = {Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        int[] daysBefore = {0, 0, 1, 3, 8, 21};
        Card card = Card.fresh(NOV_29_2022);
        Instant at = NOV_29_2022;
        for (int i = 0; i < ratings.length; i++) {
            at = at.plus(Duration.ofDays(daysBefore[i]));
            card = scheduler.review(card, ratings[i], at);
        }
        return card;
    }

    /** ts-fsrs FSRS-6 'first repeat': each rating of a new card, stability and difficulty to 8 decimals. */
    @Test
    void firstReviewOfANewCard() {
        Card fresh = Card.fresh(NOV_29_2022);
        List<Card> first = Arrays.stream(Rating.values()).map(r -> reference.review(fresh, r, NOV_29_2022)).toList();
        double[] stability = {0.212, 1.2931, 2.3065, 8.2956};
        double[] difficulty = {6.4133, 5.11217071, 2.11810397, 1};
        long[] scheduledDays = {0, 0, 0, 8};
        State[] states = {State.LEARNING, State.LEARNING, State.LEARNING, State.REVIEW};
        for (int i = 0; i < 4; i++) {
            Card card = first.get(i);
            assertEquals(stability[i], card.stability(), 1e-8, "stability after " + Rating.values()[i]);
            assertEquals(difficulty[i], card.difficulty(), 1e-8, "difficulty after " + Rating.values()[i]);
            assertEquals(scheduledDays[i], wholeDays(card));
            assertEquals(states[i], card.state());
            assertEquals(1, card.reps());
            assertEquals(0, card.lapses());
        }
    }

    /**
     * ts-fsrs FSRS-6 'get retrievability': a card reviewed at 04:05, taken at its due time; Easy's is due
     * in 8 days with stability 8.2956 (ts-fsrs rounds to 7 decimals, 0.9024733); the others are in
     * learning, minutes away, and still certain.
     */
    @Test
    void retrievabilityAtTheDueTimeOfEachFirstRating() {
        Card fresh = Card.fresh(Instant.parse("2023-12-01T04:00:00Z"));
        Instant at = Instant.parse("2023-12-01T04:05:00Z");
        double[] expected = {1, 1, 1, 0.9024733};
        for (Rating rating : Rating.values()) {
            Card card = reference.review(fresh, rating, at);
            assertEquals(expected[rating.ordinal()], reference.retrievability(card, card.due()), 5e-8, rating.name());
        }
    }

    /** ts-fsrs 'return 0.00% for new cards', py-fsrs test_retrievability: a card never reviewed is not known. */
    @Test
    void aNewCardIsNotRecalled() {
        assertEquals(0, reference.retrievability(Card.fresh(NOV_29_2022), NOV_29_2022));
    }

    /** fsrs-rs test_current_retrievability: stability 1 day and a decay of 0.2, after 0 to 3 days. */
    @Test
    void forgettingCurveWithDecayPointTwo() {
        double[] w = defaults();
        w[20] = 0.2;
        FsrsScheduler scheduler = scheduler(Parameters.of(w), 0.9);
        Card card = new Card(State.REVIEW, 0, 1.0, 5.0, NOV_29_2022, java.util.Optional.of(NOV_29_2022), 1, 0);
        double[] expected = {1.0, 0.9, 0.84028935, 0.7985001};
        for (int days = 0; days <= 3; days++) {
            assertEquals(expected[days], scheduler.retrievability(card, NOV_29_2022.plus(Duration.ofDays(days))), 1e-7);
        }
    }

    /**
     * fsrs-rs test_next_interval: a stability of 1 day for desired retentions 0.1 to 1.0. fsrs-rs computes
     * in 32-bit floats: at 0.1 its 3116766 days is 3 days (one millionth) short of the exact 3116769.
     */
    @Test
    void intervalForEachDesiredRetention() {
        int[] expected = {3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
        for (int i = 1; i <= 10; i++) {
            FsrsScheduler scheduler = new FsrsScheduler(new FsrsScheduler.Settings(Parameters.DEFAULT, i / 10.0,
                    List.of(), List.of(), Integer.MAX_VALUE));
            assertEquals(expected[i - 1], scheduler.intervalDays(1.0), i == 1 ? 5 : 0, "retention " + i / 10.0);
        }
    }

    /**
     * fsrs-rs test_next_states: with its test weights (19 of FSRS-5, filled with w19 = 0 and the FSRS-5
     * decay 0.5 as fsrs-rs fills them), reviews Again, then Good after 1, 3 and 8 days; then each rating
     * after 21 more days. fsrs-rs asserts its 32-bit results; these agree within 1e-4.
     */
    @Test
    void nextStatesWithFsrsRsTestWeights() {
        FsrsScheduler scheduler = scheduler(Parameters.of(0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233,
                0.64219797, 1.071918, 0.0025195254, 1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248,
                0.19542035, 3.201072, 0.18046261, 0.121442534, 0.0, 0.5), 0.9);
        Card card = Card.fresh(NOV_29_2022);
        Instant at = NOV_29_2022;
        Rating[] ratings = {Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        int[] daysBefore = {0, 1, 3, 8};
        for (int i = 0; i < ratings.length; i++) {
            at = at.plus(Duration.ofDays(daysBefore[i]));
            card = scheduler.review(card, ratings[i], at);
        }
        Instant later = at.plus(Duration.ofDays(21));
        double[][] expected = {{2.9691455, 8.000659}, {17.091452, 7.6913934}, {31.722992, 7.382128},
                {71.7502, 7.0728626}};
        for (Rating rating : Rating.values()) {
            Card next = scheduler.review(card, rating, later);
            assertEquals(expected[rating.ordinal()][0], next.stability(), 1e-4, "stability after " + rating);
            assertEquals(expected[rating.ordinal()][1], next.difficulty(), 1e-4, "difficulty after " + rating);
        }
    }

    /** py-fsrs test_repeated_correct_reviews: ten Easy reviews bring difficulty down to exactly 1. */
    @Test
    void repeatedEasyReviewsReachTheLowestDifficulty() {
        Card card = Card.fresh(NOV_29_2022);
        for (int i = 0; i < 10; i++) {
            card = reference.review(card, Rating.EASY, NOV_29_2022.plusNanos(1000L * i));
        }
        assertEquals(1.0, card.difficulty());
    }

    /** py-fsrs test_good_learning_steps: Good moves to the 10-minute step, Good again graduates. */
    @Test
    void goodWalksTheLearningSteps() {
        Card card = reference.review(Card.fresh(NOV_29_2022), Rating.GOOD, NOV_29_2022);
        assertEquals(State.LEARNING, card.state());
        assertEquals(1, card.step());
        assertEquals(Duration.ofMinutes(10), Duration.between(NOV_29_2022, card.due()));
        card = reference.review(card, Rating.GOOD, card.due());
        assertEquals(State.REVIEW, card.state());
        assertTrue(Duration.between(NOV_29_2022, card.due()).toHours() >= 24);
    }

    /** py-fsrs test_again_learning_steps, test_hard_learning_steps, test_easy_learning_steps. */
    @Test
    void againHardAndEasyOnANewCard() {
        Card fresh = Card.fresh(NOV_29_2022);
        Card again = reference.review(fresh, Rating.AGAIN, NOV_29_2022);
        Card hard = reference.review(fresh, Rating.HARD, NOV_29_2022);
        Card easy = reference.review(fresh, Rating.EASY, NOV_29_2022);
        assertAll(
                () -> assertEquals(State.LEARNING, again.state()),
                () -> assertEquals(0, again.step()),
                () -> assertEquals(Duration.ofMinutes(1), wait(fresh, again)),
                () -> assertEquals(State.LEARNING, hard.state()),
                () -> assertEquals(0, hard.step()),
                () -> assertEquals(Duration.ofSeconds(330), wait(fresh, hard), "the mean of 1 and 10 minutes"),
                () -> assertEquals(State.REVIEW, easy.state()),
                () -> assertTrue(wait(fresh, easy).toDays() >= 1));
    }

    /** py-fsrs test_review_state and test_relearning: a lapse goes to the 10-minute relearning step. */
    @Test
    void aLapseRelearnsThenGraduatesAgain() {
        Card card = Card.fresh(NOV_29_2022);
        for (int i = 0; i < 3; i++) {
            card = reference.review(card, Rating.GOOD, card.due());
        }
        assertEquals(State.REVIEW, card.state());
        Card lapsed = reference.review(card, Rating.AGAIN, card.due());
        assertEquals(State.RELEARNING, lapsed.state());
        assertEquals(0, lapsed.step());
        assertEquals(Duration.ofMinutes(10), wait(card, lapsed));
        assertEquals(1, lapsed.lapses());
        Card again = reference.review(lapsed, Rating.AGAIN, lapsed.due());
        assertEquals(State.RELEARNING, again.state());
        assertEquals(Duration.ofMinutes(10), wait(lapsed, again));
        assertEquals(1, again.lapses(), "forgetting while relearning is not another lapse");
        Card good = reference.review(again, Rating.GOOD, again.due());
        assertEquals(State.REVIEW, good.state());
        assertTrue(wait(again, good).toHours() >= 24);
        assertEquals(6, good.reps());
    }

    /** py-fsrs test_learning_card_rate_hard_one_learning_step and ..._second_learning_step. */
    @Test
    void hardRepeatsTheStep() {
        FsrsScheduler oneStep = steps(List.of(Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)));
        Card fresh = Card.fresh(NOV_29_2022);
        Card hard = oneStep.review(fresh, Rating.HARD, NOV_29_2022);
        assertEquals(State.LEARNING, hard.state());
        assertEquals(Duration.ofMinutes(15), wait(fresh, hard), "1.5 times the only step");

        Card good = reference.review(fresh, Rating.GOOD, NOV_29_2022);
        Card hardAtSecond = reference.review(good, Rating.HARD, good.due());
        assertEquals(1, hardAtSecond.step());
        assertEquals(Duration.ofMinutes(10), wait(good, hardAtSecond), "the second step again");
    }

    /**
     * py-fsrs test_relearning_card_rate_hard_one_relearning_step and ..._two_relearning_steps: Hard in
     * relearning waits 1.5 times a single step, the mean of the first two, or the current step again.
     */
    @Test
    void hardWhileRelearning() {
        FsrsScheduler one = steps(reference.settings().learningSteps(), List.of(Duration.ofMinutes(10)));
        Card lapsed = one.review(one.review(Card.fresh(NOV_29_2022), Rating.EASY, NOV_29_2022), Rating.AGAIN,
                NOV_29_2022.plus(Duration.ofDays(8)));
        assertEquals(State.RELEARNING, lapsed.state());
        Card hard = one.review(lapsed, Rating.HARD, lapsed.due());
        assertEquals(0, hard.step());
        assertEquals(Duration.ofMinutes(15), wait(lapsed, hard));

        FsrsScheduler two = steps(reference.settings().learningSteps(),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));
        Card card = two.review(two.review(Card.fresh(NOV_29_2022), Rating.EASY, NOV_29_2022), Rating.AGAIN,
                NOV_29_2022.plus(Duration.ofDays(8)));
        Card first = two.review(card, Rating.HARD, card.due());
        assertEquals(Duration.ofSeconds(330), wait(card, first));
        Card second = two.review(first, Rating.GOOD, first.due());
        assertEquals(1, second.step());
        Card hardAtSecond = two.review(second, Rating.HARD, second.due());
        assertEquals(1, hardAtSecond.step());
        assertEquals(Duration.ofMinutes(10), wait(second, hardAtSecond));
        assertEquals(State.REVIEW, two.review(hardAtSecond, Rating.EASY, second.due()).state());
    }

    /** py-fsrs test_no_learning_steps and test_no_relearning_steps: without steps, days from the start. */
    @Test
    void withoutStepsEveryCardIsInReview() {
        FsrsScheduler none = steps(List.of(), List.of());
        Card again = none.review(Card.fresh(NOV_29_2022), Rating.AGAIN, NOV_29_2022);
        assertEquals(State.REVIEW, again.state());
        assertTrue(wholeDays(again) >= 1);

        FsrsScheduler noRelearning = steps(reference.settings().learningSteps(), List.of());
        Card card = noRelearning.review(Card.fresh(NOV_29_2022), Rating.GOOD, NOV_29_2022);
        assertEquals(State.LEARNING, card.state());
        card = noRelearning.review(card, Rating.GOOD, card.due());
        card = noRelearning.review(card, Rating.AGAIN, card.due());
        assertEquals(State.REVIEW, card.state());
        assertTrue(wholeDays(card) >= 1);
    }

    /**
     * py-fsrs test_one_card_multiple_schedulers: a card in learning or relearning follows whichever steps
     * the scheduler reviewing it has, and graduates when that one has none.
     */
    @Test
    void aCardMovesBetweenSchedulersWithOtherSteps() {
        FsrsScheduler oneStep = steps(List.of(Duration.ofMinutes(1)), reference.settings().relearningSteps());
        FsrsScheduler noSteps = steps(List.of(), reference.settings().relearningSteps());
        FsrsScheduler twoRelearning = steps(reference.settings().learningSteps(),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));
        FsrsScheduler oneRelearning = steps(reference.settings().learningSteps(), List.of(Duration.ofMinutes(1)));
        FsrsScheduler noRelearning = steps(reference.settings().learningSteps(), List.of());
        Instant at = NOV_29_2022;
        Card card = reference.review(Card.fresh(at), Rating.GOOD, at);
        assertEquals(1, card.step());
        card = oneStep.review(card, Rating.AGAIN, at);
        assertEquals(State.LEARNING, card.state());
        assertEquals(0, card.step());
        card = noSteps.review(card, Rating.HARD, at);
        assertEquals(State.REVIEW, card.state());
        card = twoRelearning.review(card, Rating.AGAIN, at);
        assertEquals(State.RELEARNING, card.state());
        card = twoRelearning.review(card, Rating.GOOD, at);
        assertEquals(1, card.step());
        card = oneRelearning.review(card, Rating.AGAIN, at);
        assertEquals(State.RELEARNING, card.state());
        assertEquals(0, card.step());
        card = noRelearning.review(card, Rating.HARD, at);
        assertEquals(State.REVIEW, card.state());
    }

    /** py-fsrs test_maximum_interval: no interval beyond the scheduler's maximum. */
    @Test
    void intervalsStopAtTheMaximum() {
        FsrsScheduler capped = new FsrsScheduler(new FsrsScheduler.Settings(Parameters.DEFAULT, 0.9,
                reference.settings().learningSteps(), reference.settings().relearningSteps(), 100));
        Card card = Card.fresh(NOV_29_2022);
        for (Rating rating : List.of(Rating.EASY, Rating.GOOD, Rating.EASY, Rating.GOOD)) {
            card = capped.review(card, rating, card.due());
            assertTrue(wholeDays(card) <= 100, "interval " + wholeDays(card));
        }
    }

    /** py-fsrs test_stability_lower_bound: a thousand lapses never take stability below its minimum. */
    @Test
    void stabilityNeverFallsBelowItsMinimum() {
        Card card = Card.fresh(NOV_29_2022);
        for (int i = 0; i < 1000; i++) {
            card = reference.review(card, Rating.AGAIN, card.due().plus(Duration.ofDays(1)));
            assertTrue(card.stability() >= 0.001, "stability " + card.stability());
        }
    }

    /**
     * py-fsrs test_reschedule_card_different_desired_retention: the same reviews under a lower retention
     * give the same memory state and a later due time.
     */
    @Test
    void aLowerRetentionOnlyMovesTheDueTime() {
        Card card = Card.fresh(NOV_29_2022);
        List<Instant> times = new ArrayList<>();
        for (Rating rating : TEST_RATINGS_1) {
            times.add(card.due());
            card = reference.review(card, rating, card.due());
        }
        FsrsScheduler lower = new FsrsScheduler(new FsrsScheduler.Settings(Parameters.DEFAULT, 0.8,
                reference.settings().learningSteps(), reference.settings().relearningSteps(), 36_500));
        Card rescheduled = Card.fresh(NOV_29_2022);
        for (int i = 0; i < TEST_RATINGS_1.length; i++) {
            rescheduled = lower.review(rescheduled, TEST_RATINGS_1[i], times.get(i));
        }
        assertEquals(card.stability(), rescheduled.stability());
        assertEquals(card.difficulty(), rescheduled.difficulty());
        assertEquals(card.lastReview(), rescheduled.lastReview());
        assertTrue(card.due().isBefore(rescheduled.due()));
    }

    /** py-fsrs test_scheduler_parameter_validation: 21 weights, each within its bounds. */
    @Test
    void weightsAreCheckedAgainstTheirBounds() {
        double[] tooHigh = defaults();
        tooHigh[6] = 100;
        double[] tooLow = defaults();
        tooLow[10] = -42;
        double[] twoBad = defaults();
        twoBad[0] = 0;
        twoBad[3] = 101;
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(tooHigh));
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(tooLow));
        String message = assertThrows(IllegalArgumentException.class, () -> Parameters.of(twoBad)).getMessage();
        assertTrue(message.contains("w[0] = 0.0") && message.contains("w[3] = 101.0"), message);
        assertThrows(IllegalArgumentException.class, () -> Parameters.of());
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(Arrays.copyOf(defaults(), 20)));
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(Arrays.copyOf(defaults(), 24)));
        assertEquals(Parameters.DEFAULT, Parameters.of(defaults()));
    }

    private static double[] defaults() {
        return IntStream.range(0, Parameters.COUNT).mapToDouble(Parameters.DEFAULT::w).toArray();
    }

    private static FsrsScheduler scheduler(Parameters parameters, double retention) {
        return new FsrsScheduler(new FsrsScheduler.Settings(parameters, retention, List.of(Duration.ofMinutes(1),
                Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), 36_500));
    }

    private FsrsScheduler steps(List<Duration> learning, List<Duration> relearning) {
        return new FsrsScheduler(new FsrsScheduler.Settings(Parameters.DEFAULT, 0.9, learning, relearning, 36_500));
    }
}
