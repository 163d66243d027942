package dev.quiztutor.tutor.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A member's review across days, by an injected clock: which questions come back on which day (the
 * days FSRS-6 gives at retention 0.9 with the tutor's settings), most overdue first, graded like
 * practice, and what is due tomorrow and this week.
 */
class ReviewsTest {
    private static final long GUILD = 5;
    private static final long ANNA = 11;
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** Monday 30 November 2026, 10:00 UTC. */
    private final TestClock clock = new TestClock("2026-11-30T10:00:00Z");
    private final LiveBanks banks = new LiveBanks(Fixtures.twoTopics(3, List.of("A hint.")));
    private final InMemoryAttemptJournal journal = new InMemoryAttemptJournal();
    private final Tutor tutor = new Tutor(banks, new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT),
            new InMemoryHistory(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
    private final Reviews reviews = new Reviews(tutor, new InMemoryCardStore(journal, FsrsScheduler.tutor(0.9)));
    private long posts = 100;

    private Question question(String topic, String id) {
        return banks.global().question(new QuestionRef(topic, id)).orElseThrow();
    }

    private static final Response RIGHT = new Response.Letters(List.of("B"));
    private static final Response WRONG = new Response.Letters(List.of("A"));

    /** Anna answers {@code q} on a practice post of her guild: wrong {@code wrong} times, then right if tries are left. */
    private void practise(Question q, int wrong) {
        Place post = new Place(GUILD, ++posts);
        for (int i = 0; i < wrong; i++) {
            tutor.answer(post, ANNA, q, WRONG);
        }
        if (wrong < q.attempts()) {
            tutor.answer(post, ANNA, q, RIGHT);
        }
    }

    private ReviewSession session(Optional<String> topic) {
        return new ReviewSession(GUILD, ANNA, ++posts, topic);
    }

    private static List<String> ids(List<Question> questions) {
        return questions.stream().map(q -> q.ref().topicId() + "/" + q.ref().questionId()).toList();
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void threeQuestionsMissedOnMondayComeBackExactlyOnTheDaysFsrsSays() {
        Question c1 = question("alpha", "c1");
        Question c2 = question("alpha", "c2");
        Question c3 = question("beta", "c3");
        Question solved = question("alpha", "c4");
        practise(c2, 3);                        // out of tries at 10:00
        clock.advance(Duration.ofMinutes(5));
        practise(solved, 0);                    // right at once: Good, due in 2 days
        clock.advance(Duration.ofMinutes(5));
        practise(c1, 3);
        clock.advance(Duration.ofMinutes(5));
        Place post = new Place(GUILD, ++posts);
        tutor.answer(post, ANNA, c3, WRONG);
        tutor.giveUp(post, ANNA, c3);           // gave up at 10:15

        assertEquals(List.of(), reviews.due(session(Optional.empty()), UTC), "nothing is due on the day of the misses");
        assertEquals(new Outlook(0, 3, 4, Optional.of(day("2026-12-01"))), reviews.outlook(GUILD, ANNA, Optional.empty(), UTC),
                "Again brings a question back the next day; Good after two");

        clock.set("2026-12-01T00:30:00Z");      // Tuesday, long before the misses' hour: due all day all the same
        assertEquals(List.of("alpha/c2", "alpha/c1", "beta/c3"), ids(reviews.due(session(Optional.empty()), UTC)),
                "exactly the three misses, most overdue first");
        // A day after the misses (an earlier review counts as on the same day, which FSRS-6 treats apart).
        clock.set("2026-12-01T12:00:00Z");
        ReviewSession tuesday = session(Optional.empty());
        assertEquals(List.of("alpha/c2", "alpha/c1", "beta/c3"), ids(reviews.due(tuesday, UTC)));
        assertEquals(Optional.of(c2), reviews.next(tuesday, UTC, Set.of()));
        reviews.answer(tuesday, c2, RIGHT);                 // Good
        assertEquals(Optional.of(c1), reviews.next(tuesday, UTC, Set.of()), "an answered question leaves the session");
        reviews.hint(tuesday, c1);
        assertEquals(Attempt.Status.SOLVED, reviews.answer(tuesday, c1, RIGHT).attempt().status()); // Hard
        reviews.answer(tuesday, c3, WRONG);
        assertEquals(Attempt.Status.GAVE_UP, reviews.giveUp(tuesday, c3).attempt().status());       // Again
        assertEquals(Optional.empty(), reviews.next(tuesday, UTC, Set.of()));
        assertEquals(new Outlook(0, 3, 4, Optional.of(day("2026-12-02"))), reviews.outlook(GUILD, ANNA, Optional.empty(), UTC),
                "tomorrow: the hard one, the one given up again, and Monday's solved one");

        clock.set("2026-12-02T18:00:00Z");      // Wednesday
        assertEquals(List.of("alpha/c4", "alpha/c1", "beta/c3"), ids(reviews.due(session(Optional.empty()), UTC)));
        clock.set("2026-12-03T18:00:00Z");      // Thursday: c2, recalled on Tuesday a day after its miss, is back
        assertEquals(List.of("alpha/c4", "alpha/c1", "beta/c3", "alpha/c2"), ids(reviews.due(session(Optional.empty()), UTC)),
                "Wednesday's questions, not reviewed, are the most overdue");
    }

    @Test
    void reviewAnswersAreRecordedAtTheSessionsReviewPlaceAndMoveTheCardOn() {
        Question c1 = question("alpha", "c1");
        practise(c1, 3);
        clock.advance(Duration.ofDays(1));
        ReviewSession session = session(Optional.empty());
        reviews.answer(session, c1, RIGHT);
        assertEquals(Set.of(new Place(GUILD, session.id(), Place.Kind.REVIEW)),
                journal.recorded(key -> key.place().post() == session.id()).keySet().stream()
                        .map(key -> key.place()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(day("2026-12-03"), reviews.outlook(GUILD, ANNA, Optional.empty(), UTC).next().orElseThrow(),
                "Good after a day: due two days on");
    }

    @Test
    void oneTopicsReviewAsksOnlyThatTopic() {
        practise(question("alpha", "c1"), 3);
        practise(question("beta", "c1"), 3);
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of("beta/c1"), ids(reviews.due(session(Optional.of("beta")), UTC)));
        assertEquals(1, reviews.outlook(GUILD, ANNA, Optional.of("beta"), UTC).today());
        assertEquals(2, reviews.outlook(GUILD, ANNA, Optional.empty(), UTC).today());
    }

    @Test
    void questionsPassedOverStayDueButAreNotAskedAgainInTheSession() {
        practise(question("alpha", "c1"), 3);
        practise(question("alpha", "c2"), 3);
        clock.advance(Duration.ofDays(1));
        ReviewSession session = session(Optional.empty());
        assertEquals(Optional.of(question("alpha", "c2")),
                reviews.next(session, UTC, Set.of(new QuestionRef("alpha", "c1"))));
        assertEquals(Optional.empty(), reviews.next(session, UTC, Set.of(new QuestionRef("alpha", "c1"),
                new QuestionRef("alpha", "c2"))));
        assertEquals(2, reviews.outlook(GUILD, ANNA, Optional.empty(), UTC).today(), "passing over answers nothing");
    }

    @Test
    void aQuestionTheBankNoLongerHasIsSkippedAndNotCounted() {
        practise(question("alpha", "c1"), 3);
        practise(question("beta", "c1"), 3);
        clock.advance(Duration.ofDays(1));
        QuizBank before = banks.global();
        banks.replaceGlobal(new QuizBank(List.of(before.topic("beta").orElseThrow())));
        assertEquals(List.of("beta/c1"), ids(reviews.due(session(Optional.empty()), UTC)));
        assertEquals(new Outlook(1, 0, 0, Optional.empty()), reviews.outlook(GUILD, ANNA, Optional.empty(), UTC));
        banks.replaceGlobal(before);
        assertEquals(2, reviews.outlook(GUILD, ANNA, Optional.empty(), UTC).today(), "its card was kept: it is back");
    }

    @Test
    void todayIsTheDayInTheServersZone() {
        // Missed late on Monday, UTC: due at 23:30 UTC on Tuesday.
        clock.set("2026-11-30T23:30:00Z");
        practise(question("alpha", "c1"), 3);
        ZoneId auckland = ZoneId.of("Pacific/Auckland");    // UTC+13 in December
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles"); // UTC-8

        clock.set("2026-12-01T10:30:00Z");  // Tuesday 10:30 in UTC, 23:30 in Auckland, 02:30 in Los Angeles
        assertEquals(1, reviews.due(session(Optional.empty()), UTC).size(), "UTC: due today, Tuesday");
        assertEquals(1, reviews.due(session(Optional.empty()), losAngeles).size(),
                "Los Angeles: due at 15:30 on Tuesday, so today");
        assertEquals(List.of(), reviews.due(session(Optional.empty()), auckland),
                "Auckland: due at 12:30 on Wednesday, which is tomorrow there");
        assertEquals(new Outlook(0, 1, 1, Optional.of(day("2026-12-02"))),
                reviews.outlook(GUILD, ANNA, Optional.empty(), auckland));

        clock.set("2026-12-01T11:00:00Z");  // midnight has passed in Auckland: Wednesday there
        assertEquals(1, reviews.due(session(Optional.empty()), auckland).size());
        assertEquals(1, reviews.outlook(GUILD, ANNA, Optional.empty(), auckland).today());
    }

    @Test
    void aMemberWhoMetNothingHasNothingComing() {
        Outlook outlook = reviews.outlook(GUILD, ANNA, Optional.empty(), UTC);
        assertTrue(outlook.none());
        assertEquals(Outlook.NOTHING, outlook);
    }

    @Test
    void membersWithDueCountsTheGuildsMembersOnTheDayInItsZone() {
        practise(question("alpha", "c1"), 3);
        tutor.answer(new Place(GUILD, ++posts), 12, question("alpha", "c2"), WRONG);
        tutor.answer(new Place(GUILD + 1, ++posts), 13, question("alpha", "c2"), WRONG);
        assertEquals(0, reviews.membersWithDue(GUILD, UTC));
        clock.advance(Duration.ofDays(1));
        assertEquals(2, reviews.membersWithDue(GUILD, UTC), "Anna and member 12; member 13 is in another guild");
    }
}
