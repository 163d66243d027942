package dev.quiztutor.tutor.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The console's card store: cards derived from the journal's events as the tutor recorded them, equal to
 * the deck of the same attempts played by hand.
 */
class InMemoryCardStoreTest {
    private static final long GUILD = 7;
    private static final long ANNA = 1;
    private static final long BEN = 2;

    private final TestClock clock = new TestClock("2026-11-30T09:00:00Z");
    private final InMemoryAttemptJournal journal = new InMemoryAttemptJournal();
    private final FsrsScheduler scheduler = FsrsScheduler.tutor(FsrsScheduler.DEFAULT_RETENTION);
    private final CardStore cards = new InMemoryCardStore(journal, scheduler);
    private final QuizBank bank = Fixtures.twoTopics(3, List.of("Think."));
    private final Question q1 = bank.question(new QuestionRef("alpha", "c1")).orElseThrow();
    private final Question q2 = bank.question(new QuestionRef("beta", "c2")).orElseThrow();
    private final Tutor tutor = new Tutor(bank,
            new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT), new InMemoryHistory(), ScoringPolicy.DEFAULT,
            clock, RandomGenerator.of("L64X128MixRandom"));

    @Test
    void cardsAreTheDeckOfTheAttemptsTheTutorRecorded() {
        Instant monday = clock.instant();
        tutor.answer(new Place(GUILD, 100), ANNA, q1, Response.of("A"));      // wrong, left open: Again
        tutor.answer(Place.test(GUILD, 200), ANNA, q2, Response.of("B"));     // right at once in a test: Good
        clock.advance(Duration.ofHours(2));
        Instant later = clock.instant();
        tutor.answer(Place.lesson(GUILD, 300), ANNA, q2, Response.of("C"));
        tutor.giveUp(Place.lesson(GUILD, 300), ANNA, q2);                     // gave up: Again
        tutor.answer(new Place(GUILD, 100), BEN, q1, Response.of("B"));       // another member

        Deck byHand = Deck.of(scheduler, List.of(
                new Deck.Attempted(q1.ref(), Attempt.replay(q1, List.of(wrong(monday)))),
                new Deck.Attempted(q2.ref(), Attempt.replay(q2, List.of(right(monday)))),
                new Deck.Attempted(q2.ref(), Attempt.replay(q2, List.of(wrong(later), new AttemptEvent.GaveUp(later))))));
        assertEquals(byHand.cards(), cards.deck(GUILD, ANNA).cards());
        assertEquals(3, cards.attempts(GUILD, ANNA, Optional.empty()).size());
        assertEquals(List.of(q1.ref()), cards.attempts(GUILD, ANNA, Optional.of("alpha")).stream()
                .map(Deck.Attempted::question).filter(q1.ref()::equals).distinct().toList());
        assertEquals(List.of(), cards.attempts(GUILD, ANNA, Optional.of("other")));
        assertTrue(cards.deck(GUILD + 1, ANNA).cards().isEmpty(), "another guild's cards are its own");

        // Solving the open attempt later turns its Again into a Hard at the solving answer.
        clock.advance(Duration.ofHours(1));
        tutor.answer(new Place(GUILD, 100), ANNA, q1, Response.of("B"));
        Card solved = cards.deck(GUILD, ANNA).card(q1.ref()).orElseThrow();
        assertEquals(scheduler.review(Card.fresh(clock.instant()), Rating.HARD, clock.instant()), solved);
    }

    @Test
    void membersWithDueCountsThoseWithACardDueByTheEndOfTheDayInTheirZone() {
        tutor.answer(new Place(GUILD, 100), ANNA, q1, Response.of("A"));      // Again on Monday 09:00 UTC
        tutor.answer(new Place(GUILD, 100), BEN, q1, Response.of("B"));       // Good
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertEquals(0, cards.membersWithDue(GUILD, monday, ZoneOffset.UTC), "nothing due the day it was missed");
        Instant annaDue = cards.deck(GUILD, ANNA).card(q1.ref()).orElseThrow().due();
        Instant benDue = cards.deck(GUILD, BEN).card(q1.ref()).orElseThrow().due();
        assertTrue(annaDue.isBefore(benDue), "a miss comes back sooner than a right answer");
        LocalDate annaDay = annaDue.atZone(ZoneOffset.UTC).toLocalDate();
        assertEquals(1, cards.membersWithDue(GUILD, annaDay, ZoneOffset.UTC));
        assertEquals(0, cards.membersWithDue(GUILD + 1, annaDay, ZoneOffset.UTC));
        // 09:00 UTC is still the day before in Honolulu (UTC-10): due a day earlier there.
        assertEquals(1, cards.membersWithDue(GUILD, annaDay.minusDays(1), ZoneId.of("Pacific/Honolulu")));
        assertEquals(0, cards.membersWithDue(GUILD, annaDay.minusDays(1), ZoneOffset.UTC));
        assertEquals(1, cards.membersWithDue(GUILD, benDue.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1),
                ZoneOffset.UTC));
        assertEquals(2, cards.membersWithDue(GUILD, benDue.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC));
    }

    private static AttemptEvent wrong(Instant at) {
        return new AttemptEvent.Answered(at, Response.of("A"), Grade.of(0, 1));
    }

    private static AttemptEvent right(Instant at) {
        return new AttemptEvent.Answered(at, Response.of("B"), Grade.of(1, 1));
    }
}
