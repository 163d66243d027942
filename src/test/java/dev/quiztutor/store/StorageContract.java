package dev.quiztutor.store;

import dev.quiztutor.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.DueReveal;
import dev.quiztutor.schedule.Failures;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.Pause;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.RevealAfter;
import dev.quiztutor.schedule.RevealClaim;
import dev.quiztutor.schedule.RevealState;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduleStore;
import dev.quiztutor.schedule.Slot;
import dev.quiztutor.schedule.SlotClaim;
import dev.quiztutor.schedule.SlotRecord;
import dev.quiztutor.schedule.SlotState;
import dev.quiztutor.schedule.Timetable;
import dev.quiztutor.store.Figures.DifficultyTotals;
import dev.quiztutor.store.Figures.Leaderboard;
import dev.quiztutor.store.Figures.Period;
import dev.quiztutor.store.Figures.Progress;
import dev.quiztutor.store.Figures.Standing;
import dev.quiztutor.store.Figures.Streak;
import dev.quiztutor.store.Figures.TopicTotals;
import dev.quiztutor.store.Figures.Totals;
import dev.quiztutor.store.TopicTestStore.DifficultyTally;
import dev.quiztutor.store.TopicTestStore.SavedTest;
import dev.quiztutor.store.TopicTestStore.TestId;
import dev.quiztutor.store.TopicTestStore.TestResult;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.tutor.Verdict;
import dev.quiztutor.tutor.stats.RecordedAttempt;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage tests every database must pass; {@link SqliteStorageTest} and
 * {@link PostgresStorageTest} run them. They drive the real tutor ({@link Tutor} over
 * {@link LiveAttempts} over the SQL journal), as the bot does, and "restart" by opening the same
 * database again.
 */
abstract class StorageContract {
    static final long GUILD = 111;
    static final long OTHER_GUILD = 222;
    static final long USER = 42;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A new, empty database for one test. */
    abstract StorageSettings newDatabase();

    /** Called after the test closed every storage it opened. */
    void forget(StorageSettings settings) {
    }

    StorageSettings settings;
    TestClock clock;
    Storage storage;
    private final List<Storage> opened = new ArrayList<>();

    /** The tutor as the bot wires it, over one storage. */
    record Bot(Tutor tutor, LiveAttempts attempts) {
    }

    @BeforeEach
    void openDatabase() {
        clock = new TestClock("2025-03-10T12:00:00Z");
        settings = newDatabase();
        storage = reopen();
    }

    @AfterEach
    void closeDatabase() {
        opened.forEach(Storage::close);
        forget(settings);
    }

    /** The same database opened again, as after a restart. */
    Storage reopen() {
        Storage again = Storage.open(settings, clock);
        opened.add(again);
        return again;
    }

    Bot bot(Storage over) {
        LiveAttempts attempts = new LiveAttempts(over.journal(), LiveAttempts.Settings.DEFAULT);
        Tutor tutor = new Tutor(TestQuiz.BANK, attempts, over.history(), ScoringPolicy.DEFAULT, clock,
                RandomGenerator.of("L64X128MixRandom"));
        return new Bot(tutor, attempts);
    }

    static Question q(String topic, String id) {
        return TestQuiz.question(topic, id);
    }

    // ------------------------------------------------------------------ statistics (/stats)

    @Test
    void aTopicsAttemptsComeGroupedPerAttemptWithTestAnswersBySitting() {
        Bot bot = bot(storage);
        Question c1 = q("alpha", "c1");
        Question c2 = q("alpha", "c2");
        Place post = new Place(GUILD, 5001);
        bot.tutor().answer(post, USER, c1, Response.of("A"));
        clock.advance(Duration.ofSeconds(5));
        bot.tutor().hint(post, USER, c1);
        clock.advance(Duration.ofSeconds(5));
        bot.tutor().answer(post, USER, c1, Response.of("B"));
        bot.tutor().answer(post, USER + 1, c1, Response.of("C"));
        bot.tutor().giveUp(Place.lesson(GUILD, 5002), USER, c2);
        bot.tutor().answer(new Place(OTHER_GUILD, 5003), USER, c1, Response.of("B"));
        bot.tutor().answer(post, USER, q("beta", "c1"), Response.of("B"));
        // A topic test of two questions: c2 answered right, c1 skipped.
        TopicTest.Paper paper = new TopicTest.Paper("alpha", "Topic alpha", List.of(c2, c1), 2);
        TopicTest test = TopicTest.start(paper);
        TopicTest answered = test.answer(Response.of("B"));
        bot.tutor().recordTest(GUILD, USER, 6001, test, answered);
        bot.tutor().recordTest(GUILD, USER, 6001, answered, answered.skip());

        SqlTopicAttempts attempts = new SqlTopicAttempts(reopen().database());
        List<RecordedAttempt> inGuild = attempts.of(OptionalLong.of(GUILD), "alpha");
        // Two members at the post, the lesson, and the two test questions; not the other guild, not beta.
        assertEquals(5, inGuild.size());
        RecordedAttempt.Sitting sitting = new RecordedAttempt.Sitting(GUILD, USER, 6001);
        List<RecordedAttempt> tested = inGuild.stream().filter(a -> a.test().isPresent()).toList();
        assertEquals(List.of(sitting, sitting), tested.stream().map(a -> a.test().orElseThrow()).toList());
        assertEquals(Set.of(c1.ref(), c2.ref()), tested.stream().map(RecordedAttempt::question).collect(java.util.stream.Collectors.toSet()));
        RecordedAttempt skipped = tested.stream().filter(a -> a.question().equals(c1.ref())).findFirst().orElseThrow();
        assertInstanceOf(AttemptEvent.GaveUp.class, skipped.events().get(0));
        // The first member's post attempt: answer, hint, answer, in order, as one attempt.
        RecordedAttempt mine = inGuild.stream().filter(a -> a.test().isEmpty() && a.events().size() == 3).findFirst()
                .orElseThrow();
        assertEquals(List.of(AttemptEvent.Answered.class, AttemptEvent.HintShown.class, AttemptEvent.Answered.class),
                mine.events().stream().map(Object::getClass).toList());
        assertEquals(6, attempts.of(OptionalLong.empty(), "alpha").size(), "every guild: the other guild's one too");
    }

    // ------------------------------------------------------------------ attempts

    @Test
    void aCacheMissOrARestartReplaysTheAttemptAndTriesAreNotRegained() {
        Bot bot = bot(storage);
        Place place = new Place(GUILD, 1001);
        Question question = q("alpha", "c1");
        AttemptKey key = new AttemptKey(place, USER, question.ref());

        assertInstanceOf(Feedback.Incorrect.class, bot.tutor().answer(place, USER, question, Response.of("A")).feedback());
        clock.advance(Duration.ofSeconds(3));
        assertInstanceOf(Feedback.Hint.class, bot.tutor().hint(place, USER, question).feedback());
        clock.advance(Duration.ofMillis(1500));
        assertInstanceOf(Feedback.Incorrect.class, bot.tutor().answer(place, USER, question, Response.of("C")).feedback());
        Attempt before = bot.attempts().get(key, question);

        bot.attempts().invalidateAll();
        Attempt replayed = bot.attempts().get(key, question);
        assertEquals(before.events(), replayed.events());
        assertEquals(Attempt.Status.OPEN, replayed.status());
        assertEquals(1, replayed.triesLeft());
        assertEquals(1, replayed.hintsShown());

        Bot restarted = bot(reopen());
        Feedback.Progress progress = restarted.tutor().progress(place, USER, question);
        assertEquals(1, progress.triesLeft());
        assertEquals(1, progress.hintsShown());
        Feedback last = restarted.tutor().answer(place, USER, question, Response.of("C")).feedback();
        assertInstanceOf(Feedback.OutOfTries.class, last, "the two tries used before the restart still count");
        restarted.attempts().invalidateAll();
        assertInstanceOf(Feedback.AlreadyEnded.class,
                restarted.tutor().answer(place, USER, question, Response.of("B")).feedback());

        Totals totals = storage.figures().progress(GUILD, USER).overall();
        assertEquals(new Totals(1, 0, 0), totals);
    }

    @Test
    void aSolvedQuestionIsNotAnsweredAgainForPoints() {
        Bot bot = bot(storage);
        Place place = new Place(GUILD, 1002);
        Question question = q("alpha", "c2");
        Feedback first = bot.tutor().answer(place, USER, question, Response.of("B")).feedback();
        assertInstanceOf(Feedback.Correct.class, first);

        bot.attempts().invalidateAll();
        assertInstanceOf(Feedback.AlreadyEnded.class, bot.tutor().answer(place, USER, question, Response.of("B")).feedback());
        Bot restarted = bot(reopen());
        assertInstanceOf(Feedback.AlreadyEnded.class,
                restarted.tutor().answer(place, USER, question, Response.of("B")).feedback());
        assertInstanceOf(Feedback.AlreadyEnded.class, restarted.tutor().giveUp(place, USER, question).feedback());

        assertEquals(new Totals(1, 1, 1.0), storage.figures().progress(GUILD, USER).overall());
        assertEquals(1, countRows("SELECT COUNT(*) FROM attempt_event"));
    }

    @Test
    void aLessonsAnswersAreKeptButScoreNothing() {
        Bot bot = bot(storage);
        Question question = q("alpha", "c2");
        for (long lessonMessage = 3001; lessonMessage <= 3005; lessonMessage++) {
            Feedback right = bot.tutor().answer(Place.lesson(GUILD, lessonMessage), USER, question, Response.of("B"))
                    .feedback();
            assertInstanceOf(Feedback.Correct.class, right, "graded as practice is");
        }
        assertEquals(5, countRows("SELECT COUNT(*) FROM attempt_event WHERE place_kind = 'lesson'"),
                "every answer is kept");
        Bot restarted = bot(reopen());
        assertInstanceOf(Feedback.AlreadyEnded.class, restarted.tutor()
                .answer(Place.lesson(GUILD, 3001), USER, question, Response.of("B")).feedback(), "replayed after a restart");

        assertEquals(new Totals(0, 0, 0), storage.figures().progress(GUILD, USER).overall(), "no figures, no points");
        assertEquals(List.of(), storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, USER).top());
        assertEquals(List.of(), storage.figures().leaderboard(GUILD, Period.ALL_TIME, ZoneOffset.UTC, 10, USER).top());

        restarted.tutor().answer(new Place(GUILD, 3006), USER, question, Response.of("B"));
        assertEquals(new Totals(1, 1, 1.0), storage.figures().progress(GUILD, USER).overall(), "a post still counts");
        for (Period period : Period.values()) {
            Leaderboard board = storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 10, USER);
            assertEquals(new Totals(1, 1, 1.0), board.caller().orElseThrow().totals(), period.toString());
        }
    }

    @Test
    void aTopicTestsAndAReviewsAnswersAreKeptButScoreNothing() {
        Bot bot = bot(storage);
        Question question = q("alpha", "c2");
        TopicTest test = TopicTest.start(new TopicTest.Paper("alpha", "Alpha", List.of(question, q("alpha", "c1"),
                q("alpha", "c3")), 3));
        TopicTest answered = test.answer(Response.of("B"));
        bot.tutor().recordTest(GUILD, USER, 4001, test, answered);
        TopicTest wrong = answered.answer(Response.of("C"));
        bot.tutor().recordTest(GUILD, USER, 4001, answered, wrong);
        bot.tutor().recordTest(GUILD, USER, 4001, wrong, wrong.skip());
        bot.tutor().answer(Place.review(GUILD, 4002), USER, question, Response.of("A"));
        bot.tutor().giveUp(Place.review(GUILD, 4002), USER, question);
        assertEquals(3, countRows("SELECT COUNT(*) FROM attempt_event WHERE place_kind = 'test' AND post_id = 4001"));
        assertEquals(2, countRows("SELECT COUNT(*) FROM attempt_event WHERE place_kind = 'review'"));
        Bot restarted = bot(reopen());
        assertInstanceOf(Feedback.AlreadyEnded.class, restarted.tutor()
                .answer(Place.test(GUILD, 4001), USER, question, Response.of("B")).feedback(), "replayed after a restart");

        assertEquals(new Totals(0, 0, 0), storage.figures().progress(GUILD, USER).overall(), "no figures, no points");
        assertEquals(Streak.NONE, storage.figures().progress(GUILD, USER).streak(), "no streak");
        for (Period period : Period.values()) {
            assertEquals(List.of(), storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 10, USER).top(),
                    period.toString());
        }
    }

    @Test
    void aPostsFiguresAreRebuiltFromTheEvents() {
        Bot bot = bot(storage);
        Place post = new Place(GUILD, 2001);
        Question question = q("alpha", "c2");
        bot.tutor().answer(post, 1, question, Response.of("B"));
        bot.tutor().answer(post, 2, question, Response.of("A"));
        bot.tutor().answer(post, 2, question, Response.of("B"));
        bot.tutor().answer(post, 3, question, Response.of("A"));
        bot.tutor().hint(post, 4, question);
        bot.tutor().answer(new Place(GUILD, 2002), 5, question, Response.of("B"));
        PlaceSummary summary = reopen().journal().summary(post);
        assertEquals(Set.of(1L, 2L, 3L), summary.answered(), "a hint alone is not an answer");
        assertEquals(Set.of(1L, 2L), summary.right(), "right on any try");
        assertEquals(PlaceSummary.EMPTY, storage.journal().summary(new Place(GUILD + 1, 2001)), "another guild");
    }

    @Test
    void eventsRoundTripExactlyInOrderPerAttempt() {
        QuestionRef task = new QuestionRef("alpha", "k1");
        AttemptKey key = new AttemptKey(new Place(GUILD, 5), USER, task);
        List<AttemptEvent> events = List.of(
                new AttemptEvent.Answered(Instant.parse("2025-03-10T12:00:00.123456789Z"), Response.of("A", "B"),
                        new Grade(1, 2)),
                new AttemptEvent.HintShown(Instant.parse("2025-03-10T12:00:01.000000001Z"), 1),
                new AttemptEvent.Answered(Instant.parse("2025-03-10T12:00:02Z"), Response.of("A", "C"),
                        new Grade(2, 2)));
        List<Attempt.Status> statuses = List.of(Attempt.Status.OPEN, Attempt.Status.OPEN, Attempt.Status.SOLVED);
        List<Double> scores = List.of(0.0, 0.0, 0.567);
        for (int i = 0; i < events.size(); i++) {
            storage.journal().append(new RecordedEvent(key, Difficulty.MEDIUM, QuestionKind.BLANKS, events.get(i),
                    statuses.get(i), scores.get(i)));
        }
        AttemptKey gaveUp = new AttemptKey(new Place(GUILD, 6), USER, task);
        AttemptEvent giving = new AttemptEvent.GaveUp(Instant.parse("1969-12-31T23:59:59.5Z"));
        storage.journal().append(new RecordedEvent(gaveUp, Difficulty.MEDIUM, QuestionKind.BLANKS, giving,
                Attempt.Status.GAVE_UP, 0));

        assertEquals(events, reopen().journal().load(key));
        assertEquals(List.of(giving), storage.journal().load(gaveUp));
        assertEquals(List.of(), storage.journal().load(new AttemptKey(new Place(GUILD, 5), USER + 1, task)));
        assertEquals(List.of(), storage.journal().load(new AttemptKey(new Place(OTHER_GUILD, 5), USER, task)));
        assertEquals(new Totals(2, 1, 0.567), storage.figures().progress(GUILD, USER).overall());
    }

    // ------------------------------------------------------------------ figures

    @Test
    void figuresPerTopicAndDifficultyAndTheWeakestTopic() {
        Bot bot = bot(storage);
        long post = 2000;
        play(bot, post++, "alpha", "c1", "B");                       // easy, right: 1
        play(bot, post++, "alpha", "c2", "A", "B");                  // medium, second try: 0.667
        Place gaveUp = new Place(GUILD, post++);
        bot.tutor().giveUp(gaveUp, USER, q("alpha", "c3"));          // hard, gave up: 0
        play(bot, post++, "alpha", "k1", "A B", "B C");              // medium task, out of tries: 0
        play(bot, post++, "alpha", "c4", "B");                       // easy, right: 1
        Place hinted = new Place(GUILD, post++);
        bot.tutor().hint(hinted, USER, q("beta", "c1"));
        bot.tutor().answer(hinted, USER, q("beta", "c1"), Response.of("B"));  // easy, one hint: 0.9
        play(bot, post++, "beta", "c2", "A");                        // still open: not counted
        bot.tutor().answer(new Place(OTHER_GUILD, post), USER, q("beta", "c3"), Response.of("B"));  // elsewhere

        Progress progress = storage.figures().progress(GUILD, USER);
        assertTotals(6, 4, 3.567, progress.overall());
        assertEquals(List.of("alpha", "beta"), progress.byTopic().stream().map(TopicTotals::topicId).toList());
        assertTotals(5, 3, 2.667, progress.byTopic().get(0).totals());
        assertTotals(1, 1, 0.9, progress.byTopic().get(1).totals());
        List<DifficultyTotals> byDifficulty = progress.byDifficulty();
        assertEquals(List.of(Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD),
                byDifficulty.stream().map(DifficultyTotals::difficulty).toList());
        assertTotals(3, 3, 2.9, byDifficulty.get(0).totals());
        assertTotals(2, 1, 0.667, byDifficulty.get(1).totals());
        assertTotals(1, 0, 0, byDifficulty.get(2).totals());
        assertEquals(Optional.of("alpha"), progress.weakestTopic().map(TopicTotals::topicId),
                "alpha has 5 answered (the minimum) at 3/5; beta has too few to judge");

        Progress elsewhere = storage.figures().progress(OTHER_GUILD, USER);
        assertTotals(1, 1, 1.0, elsewhere.overall());
        assertEquals(Optional.empty(), elsewhere.weakestTopic());
        Progress nobody = storage.figures().progress(GUILD, 999);
        assertEquals(Totals.NONE, nobody.overall());
        assertEquals(Streak.NONE, nobody.streak());
        assertEquals(3, nobody.byDifficulty().size());
    }

    @Test
    void theDayStreakCountsConsecutiveUtcDays() {
        Bot bot = bot(storage);
        clock.set("2025-03-10T08:00:00Z");
        play(bot, 1, "alpha", "c1", "B");
        play(bot, 2, "alpha", "c2", "B");
        assertEquals(new Streak(1, 1, Optional.of(LocalDate.parse("2025-03-10"))), streak());

        clock.set("2025-03-11T23:59:59Z");
        play(bot, 3, "alpha", "c3", "A", "A", "A");                  // out of tries still counts for the streak
        clock.set("2025-03-12T00:00:01Z");
        bot.tutor().giveUp(new Place(GUILD, 4), USER, q("alpha", "c4"));
        assertEquals(new Streak(3, 3, Optional.of(LocalDate.parse("2025-03-12"))), streak());

        clock.set("2025-03-12T10:00:00Z");
        play(bot, 5, "alpha", "c5", "A");                            // an open attempt is no activity
        clock.set("2025-03-13T22:00:00Z");
        assertEquals(3, streak().current(), "yesterday counts until today is over");
        clock.set("2025-03-14T00:00:00Z");
        assertEquals(new Streak(0, 3, Optional.of(LocalDate.parse("2025-03-12"))), streak());

        play(bot, 6, "alpha", "c6", "B");
        assertEquals(new Streak(1, 3, Optional.of(LocalDate.parse("2025-03-14"))), streak());
        clock.set("2025-03-15T12:00:00Z");
        play(bot, 7, "beta", "c1", "B");
        clock.set("2025-03-16T12:00:00Z");
        play(bot, 8, "beta", "c2", "B");
        clock.set("2025-03-17T12:00:00Z");
        play(bot, 9, "beta", "c3", "B");
        assertEquals(new Streak(4, 4, Optional.of(LocalDate.parse("2025-03-17"))), streak());
    }

    private Streak streak() {
        return storage.figures().progress(GUILD, USER).streak();
    }

    // ------------------------------------------------------------------ leaderboard

    @Test
    void theLeaderboardRanksByPointsThenRightThenEarliestAndShowsTheCaller() {
        Bot bot = bot(storage);
        clock.set("2025-03-10T10:00:00Z");
        long u1 = 1, u2 = 2, u3 = 3, u4 = 4, u5 = 5;
        playAs(bot, u1, 10, "alpha", "c1", "B");                     // 2.0 points, 2 right, reached first
        playAs(bot, u1, 11, "alpha", "c2", "B");
        clock.advance(Duration.ofMinutes(1));
        playAs(bot, u2, 12, "alpha", "c1", "B");                     // 2.0 points, 2 right, reached later
        playAs(bot, u2, 13, "alpha", "c2", "B");
        clock.advance(Duration.ofMinutes(1));
        playAs(bot, u3, 14, "alpha", "c1", "B");                     // 1 + 0.667 + 0.333 = 2.0 points, 3 right
        playAs(bot, u3, 15, "alpha", "c2", "A", "B");
        playAs(bot, u3, 16, "alpha", "c3", "A", "A", "B");
        playAs(bot, u4, 17, "alpha", "c1", "B");                     // 1.0
        bot.tutor().giveUp(new Place(GUILD, 18), u5, q("alpha", "c1"));  // 0, answered 1
        bot.tutor().answer(new Place(OTHER_GUILD, 19), 6, q("alpha", "c1"), Response.of("B"));

        for (Period period : Period.values()) {
            Leaderboard board = storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 3, u5);
            assertEquals(List.of(u3, u1, u2), board.top().stream().map(Standing::user).toList(), period.name());
            assertEquals(List.of(1, 2, 3), board.top().stream().map(Standing::rank).toList());
            assertTotals(3, 3, 2.0, board.top().get(0).totals());
            assertEquals(Optional.of(new Standing(5, u5, new Totals(1, 0, 0))), board.caller(), period.name());

            Leaderboard asTopMember = storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 3, u2);
            assertEquals(Optional.of(3), asTopMember.caller().map(Standing::rank));
            Leaderboard asStranger = storage.figures().leaderboard(GUILD, period, ZoneOffset.UTC, 3, 999);
            assertEquals(Optional.empty(), asStranger.caller());
            assertEquals(3, asStranger.top().size());
        }
        Leaderboard month = storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, u1);
        assertEquals(Optional.of(YearMonth.of(2025, 3)), month.month());
        assertEquals(5, month.top().size());
        assertEquals(1, storage.figures().leaderboard(OTHER_GUILD, Period.ALL_TIME, ZoneOffset.UTC, 10, 6).top().size());
    }

    @Test
    void thisMonthFollowsTheZoneAndTheClock() {
        Bot bot = bot(storage);
        long early = 1, late = 2;
        clock.set("2025-01-31T22:30:00Z");                           // Berlin: Jan 31, 23:30
        playAs(bot, early, 1, "alpha", "c1", "B");
        clock.set("2025-01-31T23:30:00Z");                           // Berlin: Feb 1, 00:30
        playAs(bot, late, 2, "alpha", "c1", "B");

        clock.set("2025-02-10T12:00:00Z");
        Leaderboard berlin = storage.figures().leaderboard(GUILD, Period.THIS_MONTH, BERLIN, 10, early);
        assertEquals(Optional.of(YearMonth.of(2025, 2)), berlin.month());
        assertEquals(List.of(late), berlin.top().stream().map(Standing::user).toList());
        assertEquals(Optional.empty(), berlin.caller(), "the early member played in January in Berlin");
        assertEquals(List.of(), storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, early).top(),
                "both played on January 31 in UTC");

        clock.set("2025-01-31T23:45:00Z");
        Leaderboard utcJanuary = storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, early);
        assertEquals(Optional.of(YearMonth.of(2025, 1)), utcJanuary.month());
        assertEquals(List.of(early, late), utcJanuary.top().stream().map(Standing::user).toList(),
                "equal figures: the earlier solver first");
        assertEquals(2, storage.figures().leaderboard(GUILD, Period.ALL_TIME, BERLIN, 10, early).top().size());
    }

    // ------------------------------------------------------------------ topic tests

    @Test
    void aTestInProgressSurvivesARestartAndItsResultIsKept() {
        TopicTestStore tests = storage.tests();
        TopicTest test = TopicTest.start(TopicTest.draw(TestQuiz.BANK.topic("alpha").orElseThrow(), 5,
                RandomGenerator.of("L64X128MixRandom")));
        TestId id = new TestId(GUILD, USER, 987_654_321_012L);
        tests.save(id, test);
        test = test.answer(answerFor(test, true));
        tests.save(id, test);
        test = test.skip();
        clock.advance(Duration.ofMinutes(2));
        tests.save(id, test);
        test = test.answer(answerFor(test, false));
        tests.save(id, test);

        TopicTestStore afterRestart = reopen().tests();
        SavedTest saved = afterRestart.find(id).orElseThrow();
        assertEquals(test.paper().questions().stream().map(Question::ref).toList(), saved.questions());
        assertEquals(test.answers(), saved.answers());
        assertEquals(Instant.parse("2025-03-10T12:00:00Z"), saved.started(), "started when first saved");
        assertEquals(List.of(saved), afterRestart.inProgress(GUILD, USER));
        assertEquals(List.of(), afterRestart.inProgress(OTHER_GUILD, USER));
        assertEquals(Optional.empty(), afterRestart.find(new TestId(GUILD, USER, 1)));

        TopicTest resumed = saved.resume(TestQuiz.BANK).orElseThrow();
        assertEquals(test.paper(), resumed.paper());
        assertEquals(3, resumed.position());
        while (!resumed.finished()) {
            resumed = resumed.answer(answerFor(resumed, true));
        }
        TopicTest.Report report = resumed.report();
        clock.set("2025-03-11T09:00:00Z");
        TestResult result = afterRestart.finish(id, report);

        assertEquals(report.overall(), result.overall());
        assertEquals(report.verdict(), result.verdict());
        assertEquals(Instant.parse("2025-03-11T09:00:00Z"), result.finished());
        assertEquals(report.byDifficulty().size(), result.byDifficulty().size());
        for (DifficultyTally tally : result.byDifficulty()) {
            assertEquals(report.byDifficulty().get(tally.difficulty()), tally.tally());
        }
        assertEquals(Optional.empty(), afterRestart.find(id), "a finished test is no longer in progress");
        assertEquals(List.of(result), afterRestart.results(GUILD, USER, 10));
        assertEquals(List.of(result), storage.figures().progress(GUILD, USER).recentTests());

        clock.advance(Duration.ofHours(1));
        assertEquals(result, afterRestart.finish(id, report), "finishing twice keeps the first result");
        assertEquals(1, afterRestart.results(GUILD, USER, 10).size());
    }

    @Test
    void testResultsAreListedNewestFirstAndATestCanBeDiscarded() {
        TopicTestStore tests = storage.tests();
        for (int n = 1; n <= 7; n++) {
            TopicTest test = TopicTest.start(TopicTest.draw(TestQuiz.BANK.topic("beta").orElseThrow(), 3,
                    RandomGenerator.of("L64X128MixRandom")));
            for (int i = 0; i < 3; i++) {
                test = test.answer(answerFor(test, i < n % 4));
            }
            clock.advance(Duration.ofDays(1));
            tests.finish(new TestId(GUILD, USER, n), test.report());
        }
        List<TestResult> latest = tests.results(GUILD, USER, 3);
        assertEquals(List.of(7L, 6L, 5L), latest.stream().map(r -> r.id().test()).toList());
        assertEquals(new TopicTest.Tally(3, 3), latest.get(0).overall());
        assertEquals(Verdict.STRONG, latest.get(0).verdict());
        assertEquals(Verdict.NEEDS_PRACTICE, latest.get(2).verdict());
        assertEquals(Figures.RECENT_TESTS, storage.figures().progress(GUILD, USER).recentTests().size());

        TestId abandoned = new TestId(GUILD, USER, 99);
        tests.save(abandoned, TopicTest.start(TopicTest.draw(TestQuiz.BANK.topic("beta").orElseThrow(), 3,
                RandomGenerator.of("L64X128MixRandom"))));
        tests.discard(abandoned);
        assertEquals(Optional.empty(), tests.find(abandoned));
        assertEquals(0, countRows("SELECT COUNT(*) FROM test_in_progress_question"));
    }

    @Test
    void testsUntouchedForTooLongAreDiscardedWithTheirQuestions() {
        TopicTestStore tests = storage.tests();
        TopicTest test = TopicTest.start(TopicTest.draw(TestQuiz.BANK.topic("alpha").orElseThrow(), 3,
                RandomGenerator.of("L64X128MixRandom")));
        TestId walkedAway = new TestId(GUILD, USER, 1);
        TestId stillGoing = new TestId(GUILD, USER + 1, 2);
        TestId elsewhere = new TestId(OTHER_GUILD, USER, 3);
        tests.save(walkedAway, test);
        tests.save(stillGoing, test);
        clock.advance(Duration.ofDays(6));
        tests.save(stillGoing, test.answer(answerFor(test, true)));   // started 6 days ago, touched now
        tests.save(elsewhere, test);
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        assertEquals(1, tests.discardAbandoned(weekAgo));
        assertEquals(Optional.empty(), tests.find(walkedAway));
        assertEquals(1, tests.find(stillGoing).orElseThrow().answers().size(), "kept, answers and all");
        assertTrue(tests.find(elsewhere).isPresent());
        assertEquals(2L * test.size(), countRows("SELECT COUNT(*) FROM test_in_progress_question"),
                "the discarded test's questions went with it");
        assertEquals(0, reopen().tests().discardAbandoned(weekAgo), "nothing more to discard");

        assertEquals(2, tests.discardAbandoned(clock.instant().plusSeconds(1)));
        assertEquals(0, countRows("SELECT COUNT(*) FROM test_in_progress_question"));
    }

    /** The right letters for the current question, or wrong ones. */
    private static Response answerFor(TopicTest test, boolean right) {
        Question question = test.current().orElseThrow();
        List<String> letters = question.answerLetters();
        return new Response.Letters(right ? letters : letters.stream().map(l -> l.equals("A") ? "B" : "A").toList());
    }

    // ------------------------------------------------------------------ history, settings

    @Test
    void historyKeepsTheNewestQuestionsPerAudienceInOrder() {
        SqlHistory history = new SqlHistory(storage.database(), 3);
        QuestionRef q1 = new QuestionRef("alpha", "c1");
        QuestionRef q2 = new QuestionRef("alpha", "c2");
        QuestionRef q3 = new QuestionRef("beta", "c1");
        QuestionRef q4 = new QuestionRef("beta", "k1");
        for (QuestionRef q : List.of(q1, q2, q3, q4)) {
            history.seen(USER, q);
        }
        assertEquals(List.of(q2, q3, q4), history.recent(USER, 10));
        history.seen(USER, q2);
        assertEquals(List.of(q3, q4, q2), history.recent(USER, 10), "meeting a question again makes it newest");
        assertEquals(List.of(q4, q2), history.recent(USER, 2));
        assertEquals(List.of(), history.recent(USER + 1, 10));
        assertEquals(3, countRows("SELECT COUNT(*) FROM recent_question"));

        Bot bot = bot(reopen());
        long channel = 555;
        List<QuestionRef> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(bot.tutor().pick(channel, Tutor.Selection.of(QuestionKind.PRACTICE)).orElseThrow().ref());
        }
        assertEquals(picked, reopen().history().recent(channel, 6), "the tutor's picks are remembered across a restart");
        assertEquals(6, picked.stream().distinct().count(), "picking avoids what the channel met");
    }

    @Test
    void guildSettingsAreStoredAndReplaced() {
        GuildSettingsStore guilds = storage.guilds();
        assertEquals(GuildSettings.defaults(GUILD), guilds.get(GUILD));
        GuildSettings chosen = GuildSettings.defaults(GUILD)
                .withModeratorRole(Optional.of(1_234_567_890_123_456_789L))
                .withDefaultTopic(Optional.of("alpha"))
                .withDefaultDifficulty(Optional.of(Difficulty.HARD))
                .withTimeZone(Optional.of(BERLIN));
        guilds.put(chosen);
        assertEquals(chosen, reopen().guilds().get(GUILD));
        assertEquals(BERLIN, guilds.get(GUILD).zoneOrUtc());

        GuildSettings cleared = chosen.withModeratorRole(Optional.empty()).withTimeZone(Optional.empty());
        guilds.put(cleared);
        assertEquals(cleared, guilds.get(GUILD));
        assertEquals(ZoneId.of("UTC"), guilds.get(GUILD).zoneOrUtc());
        assertEquals(GuildSettings.defaults(OTHER_GUILD), guilds.get(OTHER_GUILD));
    }

    // ------------------------------------------------------------------ schedules

    static final long CHANNEL = 7001;
    static final long MODERATOR = 9001;

    NewSchedule newSchedule(long guild, long channel) {
        return new NewSchedule(guild, channel, new Timetable(LocalTime.of(18, 0), BERLIN, Days.EVERY_DAY),
                new QuestionChoice(Optional.empty(), Optional.empty(), QuestionKind.CHOICE), Optional.empty(),
                Optional.empty(), MODERATOR);
    }

    /** The 18:00 Berlin slot of a date in March 2025 (17:00 UTC). */
    static Slot slot(String date) {
        LocalDate day = LocalDate.parse(date);
        return new Slot(day, day.atTime(18, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void schedulesAreStoredWholeAndOnlyTheirGuildSeesThem() {
        ScheduleStore schedules = storage.schedules();
        NewSchedule full = new NewSchedule(GUILD, CHANNEL,
                new Timetable(LocalTime.of(6, 30), ZoneId.of("America/New_York"),
                        Days.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))),
                new QuestionChoice(Optional.of("alpha"), Optional.of(Difficulty.HARD), QuestionKind.BLANKS),
                Optional.of(1_234_567_890_123_456_789L), Optional.of(new RevealAfter(72)), MODERATOR);
        Schedule first = schedules.create(full);
        clock.advance(Duration.ofSeconds(1));
        Schedule second = schedules.create(newSchedule(GUILD, CHANNEL + 1));
        Schedule elsewhere = schedules.create(newSchedule(OTHER_GUILD, CHANNEL + 2));

        assertEquals(List.of(1L, 2L, 3L), List.of(first.id(), second.id(), elsewhere.id()), "small ids to type");
        assertEquals(full.timetable(), first.timetable());
        assertEquals(full.questions(), first.questions());
        assertEquals(Instant.parse("2025-03-10T12:00:00Z"), first.createdAt());
        assertEquals(first.createdAt(), first.activeSince());
        assertEquals(Failures.NONE, first.failures());

        ScheduleStore afterRestart = reopen().schedules();
        assertEquals(List.of(first, second), afterRestart.list(GUILD));
        assertEquals(List.of(elsewhere), afterRestart.list(OTHER_GUILD));
        assertEquals(Optional.of(first), afterRestart.get(GUILD, first.id()));
        assertEquals(Optional.empty(), afterRestart.get(OTHER_GUILD, first.id()), "another guild's schedule is not found");
        assertEquals(List.of(first, second, elsewhere), afterRestart.active());

        assertFalse(afterRestart.remove(OTHER_GUILD, first.id()));
        assertTrue(afterRestart.remove(GUILD, first.id()));
        assertFalse(afterRestart.remove(GUILD, first.id()));
        assertEquals(List.of(second), afterRestart.list(GUILD));
        assertTrue(schedules.remove(OTHER_GUILD, elsewhere.id()));
        assertEquals(4L, schedules.create(newSchedule(GUILD, CHANNEL)).id(), "a removed id is never reused");
    }

    @Test
    void pausingStopsClaimsAndResumingStartsAfreshFromNow() {
        ScheduleStore schedules = storage.schedules();
        Schedule schedule = schedules.create(newSchedule(GUILD, CHANNEL));
        clock.set("2025-03-10T16:00:00Z");
        Schedule paused = schedules.pause(GUILD, schedule.id(), MODERATOR).orElseThrow();
        assertEquals(Optional.of(new Pause.ByModerator(MODERATOR, Instant.parse("2025-03-10T16:00:00Z"))),
                paused.pause());
        assertEquals(Optional.empty(), schedules.pause(OTHER_GUILD, schedule.id(), MODERATOR));
        assertEquals(paused, schedules.pause(GUILD, schedule.id(), MODERATOR + 1).orElseThrow(),
                "pausing again keeps who paused it and when");
        assertEquals(List.of(), schedules.active());

        Instant now = Instant.parse("2025-03-10T17:00:00Z");
        assertEquals(Optional.empty(), schedules.claim(schedule.id(), slot("2025-03-10"), now, now.minusSeconds(600)),
                "a paused schedule's slot is never claimed");

        clock.set("2025-03-10T17:30:00Z");
        Schedule resumed = schedules.resume(GUILD, schedule.id()).orElseThrow();
        assertEquals(Optional.empty(), resumed.pause());
        assertEquals(Instant.parse("2025-03-10T17:30:00Z"), resumed.activeSince());
        assertEquals(Optional.empty(), resumed.latestSlot(clock.instant()), "the 17:00 UTC slot came while paused");
        assertEquals(resumed, schedules.resume(GUILD, schedule.id()).orElseThrow(), "resuming twice changes nothing");
        assertEquals(Optional.empty(), schedules.resume(OTHER_GUILD, schedule.id()));
        assertEquals(List.of(resumed), schedules.active());

        assertTrue(schedules.remove(GUILD, schedule.id()));
        assertEquals(Optional.empty(), schedules.claim(schedule.id(), slot("2025-03-11"),
                Instant.parse("2025-03-11T17:00:00Z"), Instant.parse("2025-03-11T16:50:00Z")),
                "a removed schedule's slot is never claimed");
    }

    @Test
    void aSlotIsClaimedOnceAndOnlyItsHolderRecordsTheOutcome() {
        ScheduleStore schedules = storage.schedules();
        Schedule schedule = schedules.create(newSchedule(GUILD, CHANNEL));
        Slot slot = slot("2025-03-10");
        Instant now = slot.due();
        Instant stale = now.minus(Duration.ofMinutes(10));

        SlotClaim claim = schedules.claim(schedule.id(), slot, now, stale).orElseThrow();
        assertEquals(1, claim.tries());
        assertEquals(Optional.empty(), reopen().schedules().claim(schedule.id(), slot, now, stale),
                "another process does not get it");
        SlotRecord claimed = schedules.slot(schedule.id(), slot.date()).orElseThrow();
        assertEquals(SlotState.CLAIMED, claimed.state());
        assertEquals(slot, claimed.slot());

        SlotClaim forged = new SlotClaim(claim.scheduleId(), slot, claim.token() + 1, 1, Optional.empty());
        QuestionRef question = new QuestionRef("alpha", "c1");
        assertFalse(schedules.posted(forged, 55, question, now, Optional.empty()));
        Instant postedAt = now.plusMillis(250);
        assertTrue(schedules.posted(claim, 55, question, postedAt, Optional.empty()));
        assertFalse(schedules.posted(claim, 56, question, postedAt, Optional.empty()), "an outcome is recorded once");
        assertFalse(schedules.skipped(claim, "late", postedAt));

        SlotRecord posted = reopen().schedules().slot(schedule.id(), slot.date()).orElseThrow();
        assertEquals(SlotState.POSTED, posted.state());
        assertEquals(Optional.of(new SlotRecord.PostedMessage(GUILD, CHANNEL, 55, question, postedAt)), posted.post());
        assertEquals(Optional.empty(), posted.reveal());
        Instant muchLater = now.plus(Duration.ofDays(2));
        assertEquals(Optional.empty(), schedules.claim(schedule.id(), slot, muchLater, muchLater),
                "a posted slot is never claimed again, however old");
    }

    @Test
    void anAbandonedClaimOrADueRetryIsTakenOverOnce() {
        ScheduleStore schedules = storage.schedules();
        Schedule schedule = schedules.create(newSchedule(GUILD, CHANNEL));
        Slot slot = slot("2025-03-10");
        Instant t0 = slot.due();
        Duration timeout = Duration.ofMinutes(10);
        SlotClaim crashed = schedules.claim(schedule.id(), slot, t0, t0.minus(timeout)).orElseThrow();

        Instant t9 = t0.plus(Duration.ofMinutes(9));
        assertEquals(Optional.empty(), schedules.claim(schedule.id(), slot, t9, t9.minus(timeout)));
        Instant t11 = t0.plus(Duration.ofMinutes(11));
        SlotClaim takeover = schedules.claim(schedule.id(), slot, t11, t11.minus(timeout)).orElseThrow();
        assertEquals(2, takeover.tries());
        assertEquals(Optional.empty(), takeover.lastFailure());
        assertEquals(Optional.empty(), reopen().schedules().claim(schedule.id(), slot, t11, t11.minus(timeout)));
        assertFalse(schedules.posted(crashed, 1, new QuestionRef("alpha", "c1"), t11, Optional.empty()),
                "the old claim's holder can no longer record");

        Instant t12 = t0.plus(Duration.ofMinutes(12));
        assertTrue(schedules.retryLater(takeover, "Discord is unavailable (503)", t12, t12.plus(Duration.ofMinutes(5))));
        SlotRecord waiting = schedules.slot(schedule.id(), slot.date()).orElseThrow();
        assertEquals(SlotState.RETRY, waiting.state());
        assertEquals(Optional.of("Discord is unavailable (503)"), waiting.reason());
        Schedule noted = schedules.get(GUILD, schedule.id()).orElseThrow();
        assertEquals(0, noted.failures().consecutive(), "a failure that may pass is not counted");
        assertEquals(Optional.of(new Failures.Failure(t12, "Discord is unavailable (503)")), noted.failures().last());

        Instant t16 = t0.plus(Duration.ofMinutes(16));
        assertEquals(Optional.empty(), schedules.claim(schedule.id(), slot, t16, t16.minus(timeout)), "not before its time");
        Instant t17 = t0.plus(Duration.ofMinutes(17));
        SlotClaim retry = schedules.claim(schedule.id(), slot, t17, t17.minus(timeout)).orElseThrow();
        assertEquals(3, retry.tries());
        assertEquals(Optional.of("Discord is unavailable (503)"), retry.lastFailure());
        assertTrue(schedules.skipped(retry, "too late", t17));
        assertEquals(Optional.of("too late"), schedules.slot(schedule.id(), slot.date()).orElseThrow().reason());
    }

    @Test
    void failedSlotsCountInARowPauseTheScheduleAndAPostResetsTheCount() {
        ScheduleStore schedules = storage.schedules();
        Schedule schedule = schedules.create(newSchedule(GUILD, CHANNEL));
        String refused = "Missing permission: Send Messages in #quiz";
        assertEquals(1, failSlot(schedules, schedule, "2025-03-11", refused).failures().consecutive());
        assertEquals(2, failSlot(schedules, schedule, "2025-03-12", refused).failures().consecutive());
        Slot third = slot("2025-03-13");
        SlotClaim ok = schedules.claim(schedule.id(), third, third.due(), third.due().minusSeconds(600)).orElseThrow();
        assertTrue(schedules.posted(ok, 77, new QuestionRef("alpha", "c2"), third.due(), Optional.empty()));
        Schedule reset = schedules.get(GUILD, schedule.id()).orElseThrow();
        assertEquals(0, reset.failures().consecutive());
        assertEquals(Optional.of(refused), reset.failures().last().map(Failures.Failure::reason),
                "the last error stays visible");

        failSlot(schedules, schedule, "2025-03-14", refused);
        failSlot(schedules, schedule, "2025-03-15", refused);
        Schedule paused = failSlot(schedules, schedule, "2025-03-16", refused);
        assertEquals(Optional.of(new Pause.AfterFailures(3, refused, slot("2025-03-16").due())), paused.pause());
        assertEquals(List.of(), schedules.active());
        assertEquals(paused, reopen().schedules().get(GUILD, schedule.id()).orElseThrow());
        List<SlotRecord> recent = schedules.recentSlots(schedule.id(), 4);
        assertEquals(List.of("2025-03-16", "2025-03-15", "2025-03-14", "2025-03-13"),
                recent.stream().map(r -> r.slot().date().toString()).toList());
        assertEquals(List.of(SlotState.FAILED, SlotState.FAILED, SlotState.FAILED, SlotState.POSTED),
                recent.stream().map(SlotRecord::state).toList());
        assertEquals(Optional.of(refused), recent.get(0).reason());

        Schedule resumed = schedules.resume(GUILD, schedule.id()).orElseThrow();
        assertEquals(0, resumed.failures().consecutive(), "resuming starts the count again");
    }

    private Schedule failSlot(ScheduleStore schedules, Schedule schedule, String date, String reason) {
        Slot slot = slot(date);
        SlotClaim claim = schedules.claim(schedule.id(), slot, slot.due(), slot.due().minusSeconds(600)).orElseThrow();
        return schedules.failed(claim, reason, slot.due(), 3).orElseThrow();
    }

    @Test
    void aPostedAnswerIsRevealedOnceAtItsTimeEvenAfterItsScheduleIsRemoved() {
        ScheduleStore schedules = storage.schedules();
        Schedule schedule = schedules.create(newSchedule(GUILD, CHANNEL));
        Slot slot = slot("2025-03-10");
        Duration timeout = Duration.ofMinutes(10);
        SlotClaim claim = schedules.claim(schedule.id(), slot, slot.due(), slot.due().minus(timeout)).orElseThrow();
        Instant postedAt = slot.due().plusMillis(300);
        Instant revealAt = postedAt.plus(Duration.ofHours(3));
        QuestionRef question = new QuestionRef("beta", "c3");
        assertTrue(schedules.posted(claim, 4242, question, postedAt, Optional.of(revealAt)));
        assertTrue(schedules.remove(GUILD, schedule.id()));

        Instant early = revealAt.minusSeconds(1);
        assertEquals(List.of(), schedules.dueReveals(early, early.minus(timeout)));
        Instant now = Instant.ofEpochSecond(revealAt.getEpochSecond() + 1);
        List<DueReveal> due = schedules.dueReveals(now, now.minus(timeout));
        assertEquals(List.of(new DueReveal(schedule.id(), slot.date(), GUILD, CHANNEL, 4242, question,
                Instant.ofEpochSecond(revealAt.getEpochSecond() + 1), 0)), due, "due time rounded up to the second");

        RevealClaim won = schedules.claimReveal(due.get(0), now, now.minus(timeout)).orElseThrow();
        assertEquals(1, won.tries());
        assertEquals(Optional.empty(), reopen().schedules().claimReveal(due.get(0), now, now.minus(timeout)));
        assertEquals(List.of(), schedules.dueReveals(now, now.minus(timeout)), "claimed and not stale");

        Instant retryAt = now.plus(Duration.ofMinutes(5));
        assertTrue(schedules.revealRetryLater(won, "Discord is unavailable (502)", now, retryAt));
        assertEquals(List.of(), schedules.dueReveals(retryAt.minusSeconds(1), now));
        DueReveal again = schedules.dueReveals(retryAt, retryAt.minus(timeout)).get(0);
        RevealClaim second = schedules.claimReveal(again, retryAt, retryAt.minus(timeout)).orElseThrow();
        assertEquals(2, second.tries());
        assertFalse(schedules.revealed(won, retryAt), "the first claim is no longer held");
        assertTrue(schedules.revealed(second, retryAt));
        Instant tomorrow = retryAt.plus(Duration.ofDays(1));
        assertEquals(List.of(), schedules.dueReveals(tomorrow, tomorrow));

        SlotRecord.RevealRecord reveal = schedules.slot(schedule.id(), slot.date()).orElseThrow().reveal().orElseThrow();
        assertEquals(RevealState.REVEALED, reveal.state());
        assertEquals(2, reveal.tries());
        assertEquals(Optional.of(retryAt), reveal.changed());
    }

    /**
     * Two "processes" (two storages on one database), four threads each, claiming the same slots at
     * once: every slot has exactly one winner.
     */
    @Test
    void concurrentClaimsFromTwoProcessesHaveOneWinnerPerSlot() throws Exception {
        List<ScheduleStore> processes = List.of(storage.schedules(), reopen().schedules());
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            schedules.add(storage.schedules().create(newSchedule(GUILD, CHANNEL + i)));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int day = 0; day < 5; day++) {
                Slot slot = slot(LocalDate.parse("2025-03-11").plusDays(day).toString());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<SlotClaim>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ScheduleStore store = processes.get(t % 2);
                    results.add(pool.submit(() -> {
                        start.await();
                        List<SlotClaim> won = new ArrayList<>();
                        for (Schedule schedule : schedules) {
                            store.claim(schedule.id(), slot, slot.due(), slot.due().minusSeconds(600)).ifPresent(won::add);
                        }
                        return won;
                    }));
                }
                start.countDown();
                List<Long> winners = new ArrayList<>();
                for (Future<List<SlotClaim>> result : results) {
                    result.get().forEach(claim -> winners.add(claim.scheduleId()));
                }
                assertEquals(schedules.stream().map(Schedule::id).sorted().toList(), winners.stream().sorted().toList(),
                        "one winner per schedule on " + slot.date());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(15, countRows("SELECT COUNT(*) FROM schedule_slot"));
    }

    // ------------------------------------------------------------------ the database

    @Test
    void migrationsRunOnceAndOpeningAgainKeepsEverything() {
        storage.guilds().put(GuildSettings.defaults(GUILD).withDefaultTopic(Optional.of("beta")));
        reopen();
        Storage third = reopen();
        assertEquals(Optional.of("beta"), third.guilds().get(GUILD).defaultTopic());
        // The scripts both databases run, and those of this database's own dialect.
        long scripts = 0;
        String own = storage.database().dialect() == Database.Dialect.SQLITE ? "sqlite" : "postgresql";
        for (String folder : java.util.List.of("migration", own)) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db", folder))) {
                scripts += files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertEquals(scripts, countRows("SELECT COUNT(*) FROM flyway_schema_history WHERE success = "
                + (storage.database().dialect() == Database.Dialect.SQLITE ? "1" : "true") + " AND version IS NOT NULL"),
                "each migration ran once");
        assertTrue(storage.database().migrationsApplied(),
                "the history matches the shipped scripts, so that a start can skip Flyway");
    }

    @Test
    void sixteenThreadsAppendingConcurrentlyLoseNothing() throws Exception {
        Bot bot = bot(storage);
        int threads = 16;
        int attemptsEach = 20;
        int users = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    long user = thread % users;
                    for (int i = 0; i < attemptsEach; i++) {
                        Place place = new Place(GUILD, 100_000L * thread + i);
                        Question question = q(i % 2 == 0 ? "alpha" : "beta", "c" + (1 + i % 6));
                        bot.tutor().answer(place, user, question, Response.of("A"));
                        bot.tutor().answer(place, user, question, Response.of("B"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * attemptsEach * 2L, countRows("SELECT COUNT(*) FROM attempt_event"));
        long perUser = (long) threads / users * attemptsEach;
        Leaderboard board = storage.figures().leaderboard(GUILD, Period.ALL_TIME, ZoneOffset.UTC, users, 0);
        assertEquals(users, board.top().size());
        for (Standing standing : board.top()) {
            assertTotals(perUser, perUser, perUser * 0.667, standing.totals());
            Progress progress = storage.figures().progress(GUILD, standing.user());
            assertTotals(perUser, perUser, perUser * 0.667, progress.overall());
        }
        Leaderboard month = storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, users, 0);
        assertEquals(board.top(), month.top());

        bot.attempts().invalidateAll();
        Place place = new Place(GUILD, 100_000L * 5 + 3);
        Question question = q("beta", "c4");
        assertEquals(Attempt.Status.SOLVED, bot.attempts().get(new AttemptKey(place, 5 % users, question.ref()),
                question).status());
    }

    /**
     * A rough form of the benchmark: appending (half the events end an attempt and update figures)
     * must reach half the rate of a plain JDBC loop inserting the same rows, one auto-committed insert
     * each, into a table with the same primary key. The two alternate in small chunks so that a burst
     * of slow fsyncs on a busy machine hits both alike; best of three rounds after a warm-up.
     */
    @Test
    void appendKeepsUpWithAPlainInsertLoop() {
        storage.database().write("create the plain table", session -> {
            try (Statement s = session.connection().createStatement()) {
                s.execute("""
                        CREATE TABLE plain_event (guild_id BIGINT, post_id BIGINT, user_id BIGINT, topic_id TEXT,
                            question_id TEXT, seq INTEGER, kind TEXT, difficulty TEXT, at_second BIGINT,
                            at_nano INTEGER, event TEXT, response TEXT, grade_right INTEGER, grade_of INTEGER,
                            hint_number INTEGER, status_after TEXT, score_milli INTEGER,
                            PRIMARY KEY (guild_id, post_id, user_id, topic_id, question_id, seq))""");
            }
            return null;
        });
        int chunks = 20;
        int chunk = 10;
        double bestRatio = 0;
        StringBuilder rates = new StringBuilder();
        for (int round = 0; round < 4; round++) {
            long plainNanos = 0;
            long appendNanos = 0;
            for (int c = 0; c < chunks; c++) {
                long base = 1_000_000L * (round + 1) + 1000L * c;
                plainNanos += insertPlainly(base, chunk);
                long t0 = System.nanoTime();
                for (int i = 0; i < chunk; i++) {
                    boolean ends = i % 2 == 1;
                    AttemptKey key = new AttemptKey(new Place(GUILD, base + i / 2), USER, new QuestionRef("alpha", "c1"));
                    storage.journal().append(new RecordedEvent(key, Difficulty.EASY, QuestionKind.CHOICE,
                            new AttemptEvent.Answered(clock.instant(), Response.of(ends ? "B" : "A"),
                                    new Grade(ends ? 1 : 0, 1)),
                            ends ? Attempt.Status.SOLVED : Attempt.Status.OPEN, ends ? 0.667 : 0));
                }
                appendNanos += System.nanoTime() - t0;
            }
            double ratio = (double) plainNanos / appendNanos;
            if (round > 0) {
                bestRatio = Math.max(bestRatio, ratio);
            }
            int n = chunks * chunk;
            rates.append(String.format("round %d%s: plain %.0f/s, append %.0f/s (%.2f); ", round,
                    round == 0 ? " (warm-up)" : "", n * 1e9 / plainNanos, n * 1e9 / appendNanos, ratio));
        }
        System.out.println(getClass().getSimpleName() + " append rate: " + rates);
        // A guard against a gross regression (a review card's write once made PostgreSQL 0.12x), not the
        // target: "at least half the plain insert" is measured by the storage benchmark (BENCHMARKS.md),
        // where the machine's noise is accounted for; a test run shares the machine with everything else.
        assertTrue(bestRatio >= 0.3, "append reached " + bestRatio + " of the plain insert rate: " + rates);
    }

    /** Inserts {@code n} event rows with plain JDBC, each its own auto-committed statement; returns the nanoseconds. */
    private long insertPlainly(long base, int n) {
        return storage.database().read("insert plainly", session -> {
            try (PreparedStatement insert = session.connection().prepareStatement(
                    "INSERT INTO plain_event VALUES (?, ?, ?, ?, ?, ?, 'choice', 'easy', ?, ?, 'answered', ?, ?, 1,"
                            + " NULL, ?, ?)")) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    boolean ends = i % 2 == 1;
                    Instant at = clock.instant();
                    insert.setLong(1, GUILD);
                    insert.setLong(2, base + i / 2);
                    insert.setLong(3, USER);
                    insert.setString(4, "alpha");
                    insert.setString(5, "c1");
                    insert.setInt(6, i % 2);
                    insert.setLong(7, at.getEpochSecond());
                    insert.setInt(8, at.getNano());
                    insert.setString(9, ends ? "B" : "A");
                    insert.setInt(10, ends ? 1 : 0);
                    insert.setString(11, ends ? "solved" : "open");
                    insert.setInt(12, ends ? 667 : 0);
                    insert.executeUpdate();
                }
                return System.nanoTime() - t0;
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Answers one question in order with each response (letters separated by spaces) on a fresh post. */
    private void play(Bot bot, long post, String topic, String question, String... responses) {
        playAs(bot, USER, post, topic, question, responses);
    }

    private void playAs(Bot bot, long user, long post, String topic, String question, String... responses) {
        Place place = new Place(GUILD, post);
        for (String response : responses) {
            bot.tutor().answer(place, user, q(topic, question), new Response.Letters(List.of(response.split(" "))));
        }
    }

    private static void assertTotals(long answered, long right, double points, Totals totals) {
        assertEquals(answered, totals.answered(), "answered in " + totals);
        assertEquals(right, totals.right(), "right in " + totals);
        assertEquals(points, totals.points(), 1e-9, "points in " + totals);
    }

    long countRows(String sql) {
        return storage.database().read("count", c -> {
            try (Statement s = c.connection().createStatement(); ResultSet row = s.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    // ------------------------------------------------------------------ server topics (/bank)

    /** A valid topic file with another id: the shipped drift topic, renamed. */
    static String serverTopicJson(String id) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("quizzes/model-monitoring-drift.json"))
                    .replaceFirst("\"id\": \"model-monitoring-drift\"", "\"id\": \"" + id + "\"");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aServerTopicIsStoredVersionedRemovedAndSurvivesARestart() {
        ServerTopicStore.Uploader mod = new ServerTopicStore.Uploader(USER, "Mod Name");
        long before = storage.serverTopics().changes();
        assertEquals(new ServerTopicStore.Stored(1), storage.serverTopics().put(GUILD, "own", serverTopicJson("own"), mod,
                clock.instant(), false));
        assertNotEquals(before, storage.serverTopics().changes(), "a change moves the counter");
        assertEquals(new ServerTopicStore.AlreadyThere(1), storage.serverTopics().put(GUILD, "own", "{}", mod,
                clock.instant(), false), "replacing needs asking for it");
        assertEquals(new ServerTopicStore.Stored(2), storage.serverTopics().put(GUILD, "own", serverTopicJson("own"), mod,
                clock.instant(), true));
        storage.serverTopics().put(OTHER_GUILD, "own", serverTopicJson("own"), mod, clock.instant(), false);

        Storage again = reopen();
        List<ServerTopicStore.StoredTopic> live = again.serverTopics().live();
        assertEquals(2, live.size());
        ServerTopicStore.StoredTopic first = live.stream().filter(t -> t.guild() == GUILD).findFirst().orElseThrow();
        assertEquals(2, first.version());
        assertEquals("Mod Name", first.uploader().name());
        assertEquals(serverTopicJson("own"), first.json());

        assertTrue(again.serverTopics().remove(GUILD, "own"));
        assertFalse(again.serverTopics().remove(GUILD, "own"), "gone already");
        assertEquals(List.of(OTHER_GUILD), again.serverTopics().live().stream().map(ServerTopicStore.StoredTopic::guild).toList());
        assertEquals(new ServerTopicStore.Stored(3), again.serverTopics().put(GUILD, "own", serverTopicJson("own"), mod,
                clock.instant(), false), "an upload after a removal continues the versions and needs no replace");
    }

    @Test
    void serverTopicsReachTheBanksOfTheirServerOnlyAndAChangeByAnotherProcessArrivesOnItsNextRead() {
        dev.quiztutor.bank.LiveBanks mine = new dev.quiztutor.bank.LiveBanks(TestQuiz.BANK);
        dev.quiztutor.bank.LiveBanks theirs = new dev.quiztutor.bank.LiveBanks(TestQuiz.BANK);
        ServerTopics here = new ServerTopics(storage.serverTopics(), mine);
        ServerTopics there = new ServerTopics(reopen().serverTopics(), theirs);
        here.refresh();
        there.refresh();
        dev.quiztutor.bank.Topic topic = dev.quiztutor.bank.BankLoader.read(java.nio.file.Path.of("own.json"),
                serverTopicJson("own").getBytes(java.nio.charset.StandardCharsets.UTF_8)).topic().orElseThrow();
        here.put(GUILD, topic, serverTopicJson("own"), new ServerTopicStore.Uploader(USER, "Mod"), clock.instant(), false);
        assertTrue(mine.forGuild(GUILD).topic("own").isPresent(), "live here at once");
        assertTrue(mine.forGuild(OTHER_GUILD).topic("own").isEmpty(), "never in another server");
        assertTrue(theirs.forGuild(GUILD).topic("own").isEmpty(), "the other process has not read yet");
        there.refresh();
        assertTrue(theirs.forGuild(GUILD).topic("own").isPresent(), "the other process read the change");
        assertEquals(TestQuiz.BANK.topics().size() + 1, theirs.forGuild(GUILD).topics().size());
        here.remove(GUILD, "own");
        there.refresh();
        assertTrue(theirs.forGuild(GUILD).topic("own").isEmpty(), "a removal arrives too");
    }

    /** The server topics of a store, counting whose JSON is read, with a hook run right after a listing. */
    private static final class WatchedTopics implements ServerTopicStore {
        final ServerTopicStore store;
        final List<String> jsonRead = new ArrayList<>();
        Runnable afterListing = () -> { };

        WatchedTopics(ServerTopicStore store) {
            this.store = store;
        }

        @Override
        public Put put(long guild, String topicId, String json, Uploader uploader, Instant at, boolean replace) {
            return store.put(guild, topicId, json, uploader, at, replace);
        }

        @Override
        public Put putIfVersion(long guild, String topicId, int read, String json, Uploader uploader, Instant at) {
            return store.putIfVersion(guild, topicId, read, json, uploader, at);
        }

        @Override
        public boolean remove(long guild, String topicId) {
            return store.remove(guild, topicId);
        }

        @Override
        public List<StoredTopic> live() {
            List<StoredTopic> live = store.live();
            live.forEach(t -> jsonRead.add(t.topicId()));
            return live;
        }

        @Override
        public List<Entry> entries() {
            List<Entry> entries = store.entries();
            Runnable hook = afterListing;
            afterListing = () -> { };
            hook.run();
            return entries;
        }

        @Override
        public Optional<String> json(long guild, String topicId, int version) {
            jsonRead.add(topicId + " v" + version);
            return store.json(guild, topicId, version);
        }

        @Override
        public long changes() {
            return store.changes();
        }
    }

    @Test
    void theServerTopicsAreListedWithoutTheirJsonAndAVersionsJsonIsReadOnlyWhileItIsLive() {
        ServerTopicStore topics = storage.serverTopics();
        ServerTopicStore.Uploader mod = new ServerTopicStore.Uploader(USER, "Mod Name");
        topics.put(GUILD, "own", serverTopicJson("own"), mod, clock.instant(), false);
        topics.put(OTHER_GUILD, "own", serverTopicJson("own"), mod, clock.instant().plusSeconds(1), false);
        topics.put(GUILD, "second", serverTopicJson("second"), mod, clock.instant().plusSeconds(2), false);
        assertEquals(topics.live().stream().map(t -> new ServerTopicStore.Entry(t.guild(), t.topicId(), t.version(),
                t.uploader(), t.uploaded())).toList(), topics.entries(), "the same topics in the same order");
        assertEquals(Optional.of(serverTopicJson("own")), topics.json(GUILD, "own", 1));
        topics.put(GUILD, "own", serverTopicJson("own").replace("\"title\": \"", "\"title\": \"New: "), mod,
                clock.instant(), true);
        assertEquals(Optional.empty(), topics.json(GUILD, "own", 1), "replaced by version 2");
        assertTrue(topics.json(GUILD, "own", 2).orElseThrow().contains("New: "));
        topics.remove(GUILD, "own");
        assertEquals(Optional.empty(), topics.json(GUILD, "own", 2), "removed");
        assertEquals(List.of("second"), topics.entries().stream().filter(e -> e.guild() == GUILD)
                .map(ServerTopicStore.Entry::topicId).toList());
    }

    @Test
    void aReReadFetchesOnlyTheJsonOfVersionsItDoesNotHoldAndTheUploaderReadsNoneOfItsOwnBack() {
        dev.quiztutor.bank.LiveBanks mine = new dev.quiztutor.bank.LiveBanks(TestQuiz.BANK);
        dev.quiztutor.bank.LiveBanks theirs = new dev.quiztutor.bank.LiveBanks(TestQuiz.BANK);
        WatchedTopics hereStore = new WatchedTopics(storage.serverTopics());
        WatchedTopics thereStore = new WatchedTopics(reopen().serverTopics());
        ServerTopics here = new ServerTopics(hereStore, mine);
        ServerTopics there = new ServerTopics(thereStore, theirs);
        here.refresh();
        there.refresh();
        upload(here, serverTopicJson("own"));
        upload(here, serverTopicJson("second"));
        assertEquals(List.of(), hereStore.jsonRead, "what this process stored is live from its upload's reading");
        there.refresh();
        assertEquals(List.of("own v1", "second v1"), thereStore.jsonRead);
        assertTrue(theirs.forGuild(GUILD).topic("second").isPresent());

        upload(here, retitled("Own again: "));
        there.refresh();
        assertEquals(List.of("own v1", "second v1", "own v2"), thereStore.jsonRead, "only the new version is read");
        assertTrue(theirs.forGuild(GUILD).topic("own").orElseThrow().title().startsWith("Own again: "));

        // Replaced again between the listing and the read of its JSON: the version held stays until the next read.
        thereStore.afterListing = () -> upload(here, serverTopicJson("own"));
        upload(here, retitled("Own third: "));
        there.refresh();
        assertEquals("own v3", thereStore.jsonRead.get(thereStore.jsonRead.size() - 1));
        assertTrue(theirs.forGuild(GUILD).topic("own").orElseThrow().title().startsWith("Own again: "),
                "the version it had, not a gap");
        assertTrue(theirs.forGuild(GUILD).topic("second").isPresent());
        there.refresh();
        assertEquals("own v4", thereStore.jsonRead.get(thereStore.jsonRead.size() - 1), "read next time");
        assertEquals(serverTopic(serverTopicJson("own")).title(), theirs.forGuild(GUILD).topic("own").orElseThrow().title());
        assertEquals(List.of(), hereStore.jsonRead);
    }

    private void upload(ServerTopics topics, String json) {
        topics.put(GUILD, serverTopic(json), json, new ServerTopicStore.Uploader(USER, "Mod"), clock.instant(), true);
    }

    private static String retitled(String prefix) {
        return serverTopicJson("own").replaceFirst("\"title\": \"", "\"title\": \"" + prefix);
    }

    private static dev.quiztutor.bank.Topic serverTopic(String json) {
        return dev.quiztutor.bank.BankLoader.read(java.nio.file.Path.of("topic.json"),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).topic().orElseThrow();
    }

    @Test
    void aSuggestionIsDecidedOnceCountedPerMemberAndDayAndForgottenWithItsAuthor() {
        SuggestionStore suggestions = storage.suggestions();
        dev.quiztutor.bank.SuggestedQuestion question = new dev.quiztutor.bank.SuggestedQuestion("Which one?",
                List.of("This", "That"), "B", "Because.", dev.quiztutor.bank.Difficulty.MEDIUM);
        SuggestionStore.Person author = new SuggestionStore.Person(USER, "Ana");
        SuggestionStore.Person mod = new SuggestionStore.Person(7, "Mod");
        java.time.Instant dayStart = clock.instant().minus(Duration.ofHours(1));
        suggestions.saveDraft(GUILD, USER, new SuggestionStore.Draft("suggestions",
                new dev.quiztutor.bank.SuggestedQuestion.Typed("Which one?", "This", "", "", "")), clock.instant());
        long first = suggestions.add(GUILD, author, "suggestions", question, clock.instant());
        long second = suggestions.add(GUILD, author, "suggestions", question.withDifficulty(dev.quiztutor.bank.Difficulty.HARD),
                clock.instant());
        assertNotEquals(first, second);
        assertTrue(suggestions.draft(GUILD, USER).isEmpty(), "sending removes the draft");
        assertEquals(2, suggestions.countSince(GUILD, USER, dayStart));
        assertEquals(0, suggestions.countSince(OTHER_GUILD, USER, dayStart), "counted per server");
        assertEquals(0, suggestions.countSince(GUILD, USER, clock.instant().plusSeconds(1)), "counted from the day's start");

        assertTrue(suggestions.decide(first, SuggestionStore.State.APPROVED, mod, clock.instant()));
        assertFalse(suggestions.decide(first, SuggestionStore.State.REJECTED, mod, clock.instant()), "decided once");
        assertFalse(suggestions.update(first, question), "a decided suggestion is not edited");
        assertTrue(suggestions.update(second, question));

        Storage again = reopen();
        SuggestionStore.Suggestion approved = again.suggestions().get(first).orElseThrow();
        assertEquals(SuggestionStore.State.APPROVED, approved.state());
        assertEquals("Mod", approved.decision().orElseThrow().moderator().name());
        assertEquals(question, approved.question());
        assertEquals(dev.quiztutor.bank.Difficulty.MEDIUM, again.suggestions().get(second).orElseThrow().question().difficulty(),
                "the edit is kept");

        again.suggestions().deleteMember(USER);
        assertTrue(again.suggestions().get(second).isEmpty(), "a pending suggestion of a forgotten member is deleted");
        SuggestionStore.Suggestion kept = again.suggestions().get(first).orElseThrow();
        assertEquals(new SuggestionStore.Person(0, ""), kept.author(), "an approved one keeps no id or name");
        assertEquals(0, again.suggestions().countSince(GUILD, USER, dayStart));
        again.suggestions().deleteMember(7);
        assertEquals("", again.suggestions().get(first).orElseThrow().decision().orElseThrow().moderator().name());
    }
}
