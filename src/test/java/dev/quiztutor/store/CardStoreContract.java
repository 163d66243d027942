package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.store.Figures.Period;
import dev.quiztutor.store.Figures.Totals;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.tutor.review.Card;
import dev.quiztutor.tutor.review.CardStore;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.FsrsScheduler;
import dev.quiztutor.tutor.review.InMemoryCardStore;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review cards kept in the database, on every database: after a crafted history, the stored cards equal
 * the deck rebuilt from the stored events ({@link Deck#of} over {@link CardStore#attempts}) and the deck
 * the in-memory store derives from the same actions played on a second tutor; they survive a restart and
 * the deletion of old events; due counts follow an injected clock across days and zones.
 */
abstract class CardStoreContract {
    static final long GUILD = 111;
    static final long ANNA = 42;
    static final long BEN = 43;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");

    abstract StorageSettings newDatabase();

    void forget(StorageSettings settings) {
    }

    private final FsrsScheduler scheduler = FsrsScheduler.tutor(FsrsScheduler.DEFAULT_RETENTION);
    private final TestClock clock = new TestClock("2026-11-30T08:00:00Z");  // a Monday
    private final List<Storage> opened = new ArrayList<>();
    private StorageSettings settings;
    private Storage storage;
    private Tutor sql;
    private Tutor memory;
    private InMemoryCardStore reference;

    @BeforeEach
    void open() {
        settings = newDatabase();
        storage = reopen();
        sql = tutor(storage.journal());
        InMemoryAttemptJournal journal = new InMemoryAttemptJournal();
        memory = tutor(journal);
        reference = new InMemoryCardStore(journal, scheduler);
    }

    @AfterEach
    void close() {
        opened.forEach(Storage::close);
        forget(settings);
    }

    private Storage reopen() {
        Storage again = Storage.open(settings, clock, scheduler);
        opened.add(again);
        return again;
    }

    private Tutor tutor(dev.quiztutor.tutor.AttemptJournal journal) {
        return new Tutor(TestQuiz.BANK, new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT), new InMemoryHistory(),
                ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
    }

    /** Plays one action on both tutors: the database's and the in-memory reference's. */
    private void both(Consumer<Tutor> action) {
        action.accept(sql);
        action.accept(memory);
    }

    private void later(Duration duration) {
        clock.advance(duration);
    }

    private static Question q(String topic, String id) {
        return TestQuiz.question(topic, id);
    }

    private Map<QuestionRef, Card> stored(long user) {
        return storage.cards().deck(GUILD, user).cards();
    }

    private Map<QuestionRef, Card> rebuilt(long user) {
        return Deck.of(scheduler, storage.cards().attempts(GUILD, user, Optional.empty())).cards();
    }

    /** A mix of every kind of place over three weeks, with attempts interleaved and left open. */
    private void craftedHistory() {
        Question c1 = q("alpha", "c1");
        Question c2 = q("alpha", "c2");
        Question c3 = q("alpha", "c3");
        Question b1 = q("beta", "c1");
        // Monday: a practice post answered wrong and left open; a scheduled post (a post too) right at once.
        both(t -> t.answer(new Place(GUILD, 1001), ANNA, c1, Response.of("A")));
        later(Duration.ofMinutes(5));
        both(t -> t.answer(new Place(GUILD, 1002), ANNA, c2, Response.of("B")));
        both(t -> t.answer(new Place(GUILD, 1002), BEN, c2, Response.of("C")));
        // A lesson's question solved after a hint.
        later(Duration.ofMinutes(5));
        both(t -> t.hint(Place.lesson(GUILD, 2001), ANNA, b1));
        both(t -> t.answer(Place.lesson(GUILD, 2001), ANNA, b1, Response.of("B")));
        // Tuesday: c1 again on another post, right, while the Monday attempt is still open.
        later(Duration.ofDays(1));
        both(t -> t.answer(new Place(GUILD, 1003), ANNA, c1, Response.of("B")));
        // Wednesday: a topic test with a right, a wrong and a skipped answer, and a finish leaving one unseen.
        later(Duration.ofDays(1));
        TopicTest test = TopicTest.start(new TopicTest.Paper("alpha", "Alpha", List.of(c2, c3, c1, b1), 4));
        TopicTest right = test.answer(Response.of("B"));
        both(t -> t.recordTest(GUILD, ANNA, 3001, test, right));
        later(Duration.ofMinutes(1));
        TopicTest wrong = right.answer(Response.of("C"));
        both(t -> t.recordTest(GUILD, ANNA, 3001, right, wrong));
        later(Duration.ofMinutes(1));
        TopicTest skipped = wrong.skip();
        both(t -> t.recordTest(GUILD, ANNA, 3001, wrong, skipped));
        later(Duration.ofMinutes(1));
        both(t -> t.recordTest(GUILD, ANNA, 3001, skipped, skipped.finish()));
        // Friday: the Monday attempt at c1, open all along, is solved (Again becomes Hard, now);
        // a review of c3 wrong twice then given up.
        later(Duration.ofDays(2));
        both(t -> t.answer(new Place(GUILD, 1001), ANNA, c1, Response.of("C")));
        later(Duration.ofMinutes(2));
        both(t -> t.answer(new Place(GUILD, 1001), ANNA, c1, Response.of("B")));
        both(t -> t.answer(Place.review(GUILD, 4001), ANNA, c3, Response.of("A")));
        both(t -> t.answer(Place.review(GUILD, 4001), ANNA, c3, Response.of("C")));
        both(t -> t.giveUp(Place.review(GUILD, 4001), ANNA, c3));
        // Two weeks on: Ben's scheduled post missed, left open, then c2 right elsewhere, then the open one given up.
        later(Duration.ofDays(14));
        both(t -> t.answer(new Place(GUILD, 1004), BEN, c2, Response.of("A")));
        later(Duration.ofHours(3));
        both(t -> t.answer(new Place(GUILD, 1005), BEN, c2, Response.of("B")));
        later(Duration.ofHours(3));
        both(t -> t.giveUp(new Place(GUILD, 1004), BEN, c2));
        // Anna leaves an attempt open at the end: its Again is pending.
        both(t -> t.answer(new Place(GUILD, 1006), ANNA, c2, Response.of("A")));
    }

    @Test
    void storedCardsEqualTheCardsRebuiltFromTheEvents() {
        craftedHistory();
        for (long user : List.of(ANNA, BEN)) {
            Map<QuestionRef, Card> stored = stored(user);
            assertEquals(rebuilt(user), stored, "rebuilt from the stored events, user " + user);
            assertEquals(reference.deck(GUILD, user).cards(), stored, "as the in-memory store derives them, user " + user);
        }
        assertEquals(4, stored(ANNA).size(), "alpha c1, c2, c3 and beta c1; the test's unseen question is not one");
        assertEquals(1, stored(BEN).size());
        // The attempt open since Monday counts once, as Hard when solved on Friday, not as Again on Monday.
        Card c1 = stored(ANNA).get(new QuestionRef("alpha", "c1"));
        assertEquals(3, c1.reps(), "Tuesday's Good, the test's skip (Again), Friday's Hard");
    }

    @Test
    void aRestartKeepsTheCardsAndTheyNeedNoOldEvents() {
        craftedHistory();
        Map<QuestionRef, Card> before = stored(ANNA);
        storage = reopen();
        assertEquals(before, stored(ANNA), "after a restart");
        // Old events deleted (as storage.keepEventsDays will): the cards stay, and go on from where they were.
        storage.database().write("delete events", session -> {
            try (Statement s = session.connection().createStatement()) {
                return s.executeUpdate("DELETE FROM attempt_event");
            }
        });
        assertEquals(before, stored(ANNA));
        assertEquals(List.of(), storage.cards().attempts(GUILD, ANNA, Optional.empty()));
        sql = tutor(storage.journal());
        later(Duration.ofDays(3));
        both(t -> t.answer(new Place(GUILD, 1007), ANNA, q("alpha", "c2"), Response.of("B")));
        both(t -> t.answer(new Place(GUILD, 1008), ANNA, q("alpha", "c3"), Response.of("B")));
        assertEquals(reference.deck(GUILD, ANNA).cards(), stored(ANNA), "new reviews continue the stored cards");
    }

    @Test
    void aMemberSeesTheirOwnAttemptsOfOneTopicOrAll() {
        craftedHistory();
        List<Deck.Attempted> all = storage.cards().attempts(GUILD, ANNA, Optional.empty());
        List<Deck.Attempted> beta = storage.cards().attempts(GUILD, ANNA, Optional.of("beta"));
        assertEquals(reference.attempts(GUILD, ANNA, Optional.empty()).size(), all.size());
        assertEquals(10, all.size(), "posts 1001, 1002, 1003, 1006, lesson 2001, the test's four seen, review 4001");
        assertEquals(2, beta.size(), "the lesson's and the test's skipped question");
        assertTrue(beta.stream().allMatch(a -> a.question().topicId().equals("beta")));
        assertEquals(List.of(), storage.cards().attempts(GUILD + 1, ANNA, Optional.empty()));
    }

    @Test
    void dueCountsAndListsFollowTheClockAcrossDaysAndZones() {
        Question c1 = q("alpha", "c1");
        Question c2 = q("alpha", "c2");
        // Monday 23:30 UTC (00:30 on Tuesday in Berlin, 13:30 on Monday in Honolulu): Anna misses c1 (Again:
        // due a day later), Ben solves c2 (Good).
        clock.set(Instant.parse("2026-11-30T23:30:00Z"));
        both(t -> t.answer(new Place(GUILD, 1), ANNA, c1, Response.of("A")));
        both(t -> t.giveUp(new Place(GUILD, 1), ANNA, c1));
        both(t -> t.answer(new Place(GUILD, 2), BEN, c2, Response.of("B")));
        Card anna = stored(ANNA).get(c1.ref());
        Card ben = stored(BEN).get(c2.ref());
        assertEquals(Instant.parse("2026-12-01T23:30:00Z"), anna.due(), "FSRS: a first Again is due in a day");
        assertTrue(ben.due().isAfter(anna.due()));

        LocalDate monday = LocalDate.of(2026, 11, 30);
        LocalDate tuesday = monday.plusDays(1);
        LocalDate wednesday = tuesday.plusDays(1);
        assertEquals(0, storage.cards().membersWithDue(GUILD, monday, ZoneOffset.UTC));
        assertEquals(1, storage.cards().membersWithDue(GUILD, tuesday, ZoneOffset.UTC), "23:30 UTC on Tuesday");
        assertEquals(0, storage.cards().membersWithDue(GUILD, tuesday, BERLIN), "00:30 on Wednesday in Berlin");
        assertEquals(1, storage.cards().membersWithDue(GUILD, wednesday, BERLIN));
        assertEquals(1, storage.cards().membersWithDue(GUILD, tuesday, HONOLULU), "13:30 on Tuesday in Honolulu");
        assertEquals(0, storage.cards().membersWithDue(GUILD, monday, HONOLULU));
        LocalDate benDay = ben.dueDay(ZoneOffset.UTC);
        assertEquals(1, storage.cards().membersWithDue(GUILD, benDay.minusDays(1), ZoneOffset.UTC));
        assertEquals(2, storage.cards().membersWithDue(GUILD, benDay, ZoneOffset.UTC));
        assertEquals(0, storage.cards().membersWithDue(GUILD + 1, benDay, ZoneOffset.UTC), "another guild");
        for (LocalDate day = monday; !day.isAfter(benDay.plusDays(1)); day = day.plusDays(1)) {
            for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN, HONOLULU)) {
                assertEquals(reference.membersWithDue(GUILD, day, zone), storage.cards().membersWithDue(GUILD, day, zone),
                        day + " " + zone);
            }
        }

        // Anna's due list on the day in her zone, most overdue first.
        clock.set(Instant.parse("2026-12-05T10:00:00Z"));
        both(t -> t.answer(new Place(GUILD, 3), ANNA, c2, Response.of("A")));
        Deck deck = storage.cards().deck(GUILD, ANNA);
        assertEquals(List.of(c1.ref()), deck.dueToday(clock.instant(), BERLIN), "c2 was missed today: due tomorrow");
        assertEquals(List.of(c1.ref(), c2.ref()), deck.dueBy(LocalDate.of(2026, 12, 6), BERLIN));
    }

    @Test
    void answersOfOneMemberAtOneQuestionOnManyPostsAtOnceAllCount() throws Exception {
        Question c1 = q("alpha", "c1");
        int posts = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(posts);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            long post = 5000 + i;
            // A second process's tutor writes to the same database (PostgreSQL: a second process).
            Tutor tutor = i % 2 == 0 ? sql : tutor(reopen().journal());
            done.add(pool.submit(() -> {
                start.await();
                return tutor.answer(new Place(GUILD, post), ANNA, c1, Response.of("B"));
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        Card card = stored(ANNA).get(c1.ref());
        assertEquals(posts, card.reps(), "no review lost to a race on the card");
        assertEquals(rebuilt(ANNA), stored(ANNA));
    }

    @Test
    void aCardAnotherProcessChangedSinceThisOneWroteItKeepsThatProcesssReview() {
        Question c1 = q("alpha", "c1");
        Tutor other = tutor(reopen().journal());
        sql.answer(new Place(GUILD, 7001), ANNA, c1, Response.of("B"));
        later(Duration.ofDays(2));
        // Another process (sharing the database) reviews the same card: this one's idea of the row is now old.
        other.answer(new Place(GUILD, 7002), ANNA, c1, Response.of("B"));
        later(Duration.ofDays(3));
        sql.answer(new Place(GUILD, 7003), ANNA, c1, Response.of("B"));
        assertEquals(3, stored(ANNA).get(c1.ref()).reps(), "the other process's review is not written over");
        assertEquals(rebuilt(ANNA), stored(ANNA));
    }

    @Test
    void theGuildsDueCountAndAMembersCardsAndAttemptsAreReadOverIndexes() {
        boolean sqlite = storage.database().dialect() == Database.Dialect.SQLITE;
        String explain = sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        String due = plan(explain + "SELECT COUNT(DISTINCT user_id) FROM review_card WHERE guild_id = 1 AND due_second < 5");
        String deck = plan(explain + "SELECT * FROM review_card WHERE guild_id = 1 AND user_id = 2");
        String attempts = plan(explain + "SELECT * FROM attempt_event WHERE guild_id = 1 AND user_id = 2 AND topic_id = 'a'"
                + " ORDER BY question_id, post_id, seq");
        assertTrue(due.contains("review_card_due"), due);
        assertTrue(deck.contains(sqlite ? "sqlite_autoindex_review_card_1" : "review_card_pkey"), deck);
        assertTrue(attempts.contains("attempt_event_member"), attempts);
    }

    /** The plan of a query; on PostgreSQL with sequential scans off, as its planner prefers them on tiny tables. */
    private String plan(String explain) {
        return storage.database().read("explain", session -> {
            try (Statement s = session.connection().createStatement()) {
                if (storage.database().dialect() == Database.Dialect.POSTGRESQL) {
                    s.execute("SET enable_seqscan = off");
                }
                StringBuilder text = new StringBuilder();
                try (var rows = s.executeQuery(explain)) {
                    while (rows.next()) {
                        text.append(rows.getString(rows.getMetaData().getColumnCount())).append('\n');
                    }
                }
                if (storage.database().dialect() == Database.Dialect.POSTGRESQL) {
                    s.execute("RESET enable_seqscan");
                }
                return text.toString();
            }
        });
    }

    @Test
    void aTopicTestsEventsLeaveFiguresAndLeaderboardsAlone() {
        Question c2 = q("alpha", "c2");
        both(t -> t.answer(new Place(GUILD, 1), BEN, c2, Response.of("B")));
        Totals ben = storage.figures().progress(GUILD, BEN).overall();
        TopicTest test = TopicTest.start(new TopicTest.Paper("alpha", "Alpha", List.of(c2, q("alpha", "c3")), 2));
        TopicTest answered = test.answer(Response.of("B"));
        sql.recordTest(GUILD, ANNA, 77, test, answered);
        sql.recordTest(GUILD, ANNA, 77, answered, answered.skip());
        sql.recordTest(GUILD, BEN, 78, test, answered);
        assertEquals(2, stored(ANNA).size(), "the test's answers are reviews");
        assertEquals(new Totals(0, 0, 0), storage.figures().progress(GUILD, ANNA).overall());
        assertEquals(ben, storage.figures().progress(GUILD, BEN).overall());
        for (Period period : Period.values()) {
            var board = storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 10, ANNA);
            assertEquals(1, board.top().size(), period + ": Ben alone, with his post");
            assertFalse(board.caller().isPresent() && board.caller().get().totals().answered() > 0, period.toString());
        }
    }
}
