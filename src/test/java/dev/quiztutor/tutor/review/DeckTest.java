package dev.quiztutor.tutor.review;

import static dev.quiztutor.tutor.review.ReviewTest.right;
import static dev.quiztutor.tutor.review.ReviewTest.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A member's deck rebuilt from their attempts, with the clock moved by hand across days and the member's
 * zone given. The due times asserted here were computed independently with py-fsrs 6.3.1
 * ({@code Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)}, the tutor's setting)
 * for the same reviews: they are not from its test suite, but its arithmetic.
 */
class DeckTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private final FsrsScheduler scheduler = FsrsScheduler.tutor(FsrsScheduler.DEFAULT_RETENTION);
    private final Question q1 = Fixtures.choice("q1", Difficulty.EASY, "B");
    private final Question q2 = Fixtures.choice("q2", Difficulty.MEDIUM, "B");
    private final Question q3 = Fixtures.choice("q3", Difficulty.HARD, "B");
    private final Question q4 = Fixtures.choice("q4", Difficulty.EASY, "B");
    private final List<Deck.Attempted> attempts = new ArrayList<>();

    /** 2026-11-30 is a Monday; day 1 is Tuesday. */
    private static Instant berlin(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 11, 30, hour, minute).plusDays(day).atZone(BERLIN).toInstant();
    }

    private void attempt(Question question, AttemptEvent... events) {
        attempts.add(new Deck.Attempted(question.ref(), Attempt.replay(question, List.of(events))));
    }

    private Deck deck() {
        return Deck.of(scheduler, attempts);
    }

    private List<QuestionRef> refs(Question... questions) {
        return java.util.Arrays.stream(questions).map(Question::ref).toList();
    }

    @Test
    void threeQuestionsMissedOnMondayComeBackOnTheDaysFsrsSays() {
        TestClock clock = new TestClock(berlin(0, 8, 0));
        // Monday: out of tries on a practice post, gave up on a scheduled post, a wrong topic-test answer;
        // and one question right on the first try.
        attempt(q1, wrong(berlin(0, 9, 3)), wrong(berlin(0, 9, 4)), wrong(berlin(0, 9, 5)));
        attempt(q4, right(berlin(0, 10, 0)));
        attempt(q2, new AttemptEvent.HintShown(berlin(0, 12, 29), 1), new AttemptEvent.GaveUp(berlin(0, 12, 30)));
        attempt(q3, wrong(berlin(0, 21, 40)));

        clock.set(berlin(0, 23, 0));
        assertEquals(List.of(), deck().dueToday(clock.instant(), BERLIN), "nothing comes back the day it was missed");
        assertEquals(berlin(1, 9, 5), deck().card(q1.ref()).orElseThrow().due(), "a miss comes back a day later");
        assertEquals(berlin(2, 10, 0), deck().card(q4.ref()).orElseThrow().due(), "a first-try answer in 2 days");

        clock.set(berlin(1, 8, 0));
        assertEquals(refs(q1, q2, q3), deck().dueToday(clock.instant(), BERLIN),
                "Tuesday morning: exactly the three misses, the earliest missed first");
        assertEquals(refs(q4), deck().dueBetween(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 6), BERLIN),
                "the rest of the week");

        // Tuesday evening's review session: q1 right at once, q2 right after a wrong try, q3 missed again.
        attempt(q1, right(berlin(1, 19, 0)));
        attempt(q2, wrong(berlin(1, 19, 1)), right(berlin(1, 19, 2)));
        attempt(q3, wrong(berlin(1, 19, 3)), wrong(berlin(1, 19, 3)), wrong(berlin(1, 19, 4)));
        Deck tuesday = deck();
        assertEquals(berlin(3, 19, 0), tuesday.card(q1.ref()).orElseThrow().due());
        assertEquals(berlin(2, 19, 2), tuesday.card(q2.ref()).orElseThrow().due());
        assertEquals(berlin(2, 19, 4), tuesday.card(q3.ref()).orElseThrow().due());
        clock.set(berlin(1, 19, 30));
        assertEquals(List.of(), tuesday.dueToday(clock.instant(), BERLIN), "nothing left for Tuesday");

        clock.set(berlin(2, 8, 0));
        assertEquals(refs(q4, q2, q3), deck().dueToday(clock.instant(), BERLIN), "Wednesday");
        attempt(q3, right(berlin(2, 20, 0)));
        assertEquals(berlin(3, 20, 0), deck().card(q3.ref()).orElseThrow().due());

        clock.set(berlin(3, 8, 0));
        assertEquals(refs(q4, q2, q1, q3), deck().dueToday(clock.instant(), BERLIN),
                "Thursday: the two left from Wednesday first, most overdue first");
        attempt(q1, right(berlin(3, 19, 0)));
        attempt(q2, right(berlin(4, 8, 0)));
        Deck friday = deck();
        assertEquals(berlin(9, 19, 0), friday.card(q1.ref()).orElseThrow().due());
        assertEquals(berlin(8, 8, 0), friday.card(q2.ref()).orElseThrow().due());

        clock.set(berlin(7, 12, 0));
        assertEquals(refs(q4, q3), friday.dueToday(clock.instant(), BERLIN), "next Monday");
        clock.set(berlin(8, 12, 0));
        assertEquals(refs(q4, q3, q2), friday.dueToday(clock.instant(), BERLIN), "next Tuesday");
        clock.set(berlin(9, 12, 0));
        assertEquals(refs(q4, q3, q2, q1), friday.dueToday(clock.instant(), BERLIN), "next Wednesday");
    }

    /**
     * A card is due at an instant; the day it is due on is the member's. Missed at 23:30 on Monday in New
     * York (04:30 UTC on Tuesday), it is due at 23:30 on Tuesday there: due on Tuesday in New York,
     * on Wednesday in UTC, and on Wednesday in Auckland, where Tuesday 13:00 UTC is already Wednesday.
     */
    @Test
    void dueTodayIsTheMembersDay() {
        Instant missed = LocalDateTime.of(2026, 11, 30, 23, 30).atZone(NEW_YORK).toInstant();
        attempt(q1, new AttemptEvent.GaveUp(missed));
        Deck deck = deck();
        Card card = deck.card(q1.ref()).orElseThrow();
        assertEquals(Instant.parse("2026-12-02T04:30:00Z"), card.due());
        assertEquals(LocalDate.of(2026, 12, 1), card.dueDay(NEW_YORK));
        assertEquals(LocalDate.of(2026, 12, 2), card.dueDay(ZoneOffset.UTC));

        TestClock clock = new TestClock(missed.plusSeconds(15 * 60));
        assertEquals(List.of(), deck.dueToday(clock.instant(), NEW_YORK), "still Monday in New York");
        clock.set("2026-12-01T13:00:00Z");
        assertEquals(refs(q1), deck.dueToday(clock.instant(), NEW_YORK), "08:00 on Tuesday in New York");
        assertEquals(List.of(), deck.dueToday(clock.instant(), ZoneOffset.UTC), "Tuesday in UTC: due tomorrow");
        assertEquals(refs(q1), deck.dueToday(clock.instant(), AUCKLAND), "02:00 on Wednesday in Auckland");
        clock.set("2026-12-02T00:00:00Z");
        assertEquals(refs(q1), deck.dueToday(clock.instant(), ZoneOffset.UTC), "Wednesday in UTC");
    }

    /** Practice, scheduled posts and topic tests of one question are one card, whatever order the rows come in. */
    @Test
    void attemptsAtOneQuestionAreReviewsInTimeOrderWhateverTheirOrder() {
        attempt(q1, wrong(berlin(0, 9, 0)));
        attempt(q1, right(berlin(5, 9, 0)));
        attempt(q1, wrong(berlin(1, 9, 0)), right(berlin(1, 9, 1)));
        attempt(q2, new AttemptEvent.GaveUp(berlin(2, 9, 0)));
        attempt(q1, new AttemptEvent.HintShown(berlin(3, 9, 0), 1));
        Deck deck = deck();

        Card inOrder = Card.fresh(berlin(0, 9, 0));
        inOrder = scheduler.review(inOrder, Rating.AGAIN, berlin(0, 9, 0));
        inOrder = scheduler.review(inOrder, Rating.HARD, berlin(1, 9, 1));
        inOrder = scheduler.review(inOrder, Rating.GOOD, berlin(5, 9, 0));
        assertEquals(inOrder, deck.card(q1.ref()).orElseThrow(), "the hint-only attempt is no review");
        assertEquals(3, inOrder.reps());

        for (long seed = 1; seed <= 5; seed++) {
            List<Deck.Attempted> shuffled = new ArrayList<>(attempts);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(deck.cards(), Deck.of(scheduler, shuffled).cards());
        }
    }

    @Test
    void aQuestionNeverReviewedHasNoCardAndIsNotRecalled() {
        attempt(q1, new AttemptEvent.HintShown(berlin(0, 9, 0), 1));
        Deck deck = deck();
        assertTrue(deck.cards().isEmpty());
        assertEquals(List.of(), deck.dueToday(berlin(30, 9, 0), BERLIN));
        assertEquals(0, deck.retrievability(q1.ref(), berlin(1, 9, 0)));
    }

    /**
     * Recall probability, in whole days since the last review as the scheduler counts them: certain on
     * the day, then falling; a first-try answer (stability 2.3065 days) is due after 2 days, when recall
     * is still above the retention. The numbers are py-fsrs's get_card_retrievability for the same card.
     */
    @Test
    void recallFallsWithTheDaysSinceTheReview() {
        attempt(q4, right(berlin(0, 10, 0)));
        Deck deck = deck();
        assertEquals(1.0, deck.retrievability(q4.ref(), berlin(0, 23, 0)));
        assertEquals(1.0, deck.retrievability(q4.ref(), berlin(1, 9, 59)), "not yet a whole day");
        assertEquals(0.9468474993825461, deck.retrievability(q4.ref(), berlin(1, 10, 0)), 1e-12);
        assertEquals(0.9468474993825461, deck.retrievability(q4.ref(), berlin(2, 9, 59)), 1e-12);
        assertEquals(0.9094932559773545, deck.retrievability(q4.ref(), berlin(2, 10, 0)), 1e-12);
        assertEquals(0.6675263338730357, deck.retrievability(q4.ref(), berlin(30, 10, 0)), 1e-12);
    }

    /**
     * A question missed, then missed again a year later: FSRS caps stability after a lapse at the
     * stability before it (divided by e^(w17·w18)); py-fsrs gives 0.20176633585888237 days here.
     */
    @Test
    void aLapseNeverRaisesStability() {
        attempt(q1, new AttemptEvent.GaveUp(berlin(0, 9, 0)));
        attempt(q1, new AttemptEvent.GaveUp(berlin(365, 9, 0)));
        Card card = deck().card(q1.ref()).orElseThrow();
        assertEquals(0.20176633585888237, card.stability(), 1e-12);
        assertEquals(berlin(366, 9, 0), card.due());
        assertEquals(1, card.lapses(), "without learning steps a card is in review from its first miss on");
    }

    /** A lower retention asks less often: the same first-try answer comes back later. */
    @Test
    void theRetentionSetsHowSoonQuestionsComeBack() {
        attempt(q4, right(berlin(0, 10, 0)));
        Card at90 = deck().card(q4.ref()).orElseThrow();
        Card at80 = Deck.of(FsrsScheduler.tutor(0.8), attempts).card(q4.ref()).orElseThrow();
        Card at95 = Deck.of(FsrsScheduler.tutor(0.95), attempts).card(q4.ref()).orElseThrow();
        assertTrue(at95.due().isBefore(at90.due()) && at90.due().isBefore(at80.due()),
                at95.due() + " " + at90.due() + " " + at80.due());
    }
}
