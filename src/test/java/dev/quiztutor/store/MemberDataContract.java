package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.Timetable;
import dev.quiztutor.store.Figures.Period;
import dev.quiztutor.store.Figures.Totals;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's data on request and the retention of attempt events, on every database:
 * {@link SqliteMemberDataTest} and {@link PostgresMemberDataTest} run these.
 */
abstract class MemberDataContract {
    static final long GUILD = 111;
    static final long OTHER_GUILD = 222;
    static final long ANA = 42;
    static final long BEN = 43;

    abstract StorageSettings newDatabase();

    void forget(StorageSettings settings) {
    }

    StorageSettings settings;
    TestClock clock;
    Storage storage;
    Tutor tutor;

    @BeforeEach
    void open() {
        clock = new TestClock("2025-03-10T12:00:00Z");
        settings = newDatabase();
        storage = Storage.open(settings, clock);
        tutor = new Tutor(TestQuiz.BANK, new LiveAttempts(storage.journal(), LiveAttempts.Settings.DEFAULT),
                storage.history(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
        forget(settings);
    }

    private void answer(long guild, long post, long user, String question, String... letters) {
        for (String letter : letters) {
            tutor.answer(new Place(guild, post), user, TestQuiz.question("alpha", question), Response.of(letter));
        }
    }

    private long rows(String sql) {
        return storage.database().read("count", session -> {
            try (Statement statement = session.connection().createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Everything a member makes, in two servers: answers, a hint, figures, tests, a name, an upload, a schedule. */
    private void history(long user) {
        answer(GUILD, 1, user, "c1", "B");                      // right
        answer(GUILD, 2, user, "c2", "A", "B");                 // wrong, then right
        tutor.hint(new Place(GUILD, 3), user, TestQuiz.question("alpha", "c3"));
        answer(OTHER_GUILD, 4, user, "c1", "B");
        tutor.pick(user, Tutor.Selection.of(QuestionKind.PRACTICE));
        TopicTest test = TopicTest.start(TopicTest.draw(TestQuiz.BANK.topic("beta").orElseThrow(), 3,
                RandomGenerator.of("L64X128MixRandom")));
        storage.tests().save(new TopicTestStore.TestId(GUILD, user, 1), test);
        storage.tests().finish(new TopicTestStore.TestId(OTHER_GUILD, user, 2), test.finish().report());
        SqlMemberNames names = new SqlMemberNames(storage.database());
        names.remember(GUILD, user, "Member " + user);
        names.remember(OTHER_GUILD, user, "Member " + user);
        storage.serverTopics().put(GUILD, "own-" + user, "{}", new ServerTopicStore.Uploader(user, "Member " + user),
                clock.instant(), false);
        storage.suggestions().add(GUILD, new SuggestionStore.Person(user, "Member " + user), "own-" + user,
                new dev.quiztutor.bank.SuggestedQuestion("Which?", List.of("this", "that"), "A", "",
                        dev.quiztutor.bank.Difficulty.MEDIUM), clock.instant());
        storage.schedules().create(new NewSchedule(GUILD, 7001, new Timetable(LocalTime.of(18, 0),
                ZoneId.of("Europe/Berlin"), Days.EVERY_DAY), new QuestionChoice(Optional.empty(), Optional.empty(),
                QuestionKind.CHOICE), Optional.empty(), Optional.empty(), user));
    }

    @Test
    void forgettingAMemberDeletesEverythingOfTheirsInEveryServerAndNothingOfAnyoneElse() {
        history(ANA);
        history(BEN);
        MemberData.Records bens = storage.members().inventory(BEN);
        MemberData.Records expected = new MemberData.Records(4, 1, 2, 1, 1, 1, 2, 3, 1, 1, 1);
        assertEquals(expected, storage.members().inventory(ANA));
        assertEquals(expected, bens);

        assertEquals(expected, storage.members().forget(ANA), "says exactly what it deleted");
        assertEquals(MemberData.Records.NONE, storage.members().inventory(ANA));
        assertEquals(bens, storage.members().inventory(BEN), "another member keeps everything");
        assertEquals(0, rows("SELECT COUNT(*) FROM attempt_event WHERE user_id = " + ANA));
        assertEquals(0, rows("SELECT COUNT(*) FROM test_in_progress_question WHERE user_id = " + ANA));
        assertEquals(0, rows("SELECT COUNT(*) FROM test_result_difficulty WHERE user_id = " + ANA));
        assertEquals(0, rows("SELECT COUNT(*) FROM review_card WHERE user_id = " + ANA));
        assertEquals(0, rows("SELECT COUNT(*) FROM suggestion WHERE author_id = " + ANA));
        assertEquals(1, rows("SELECT COUNT(*) FROM suggestion WHERE author_id = " + BEN));
        for (long guild : new long[] {GUILD, OTHER_GUILD}) {
            assertEquals(Totals.NONE, storage.figures().progress(guild, ANA).overall());
            assertEquals(List.of(), storage.figures().progress(guild, ANA).recentTests());
            for (Period period : Period.values()) {
                Figures.Leaderboard board = storage.figures().leaderboard(guild, period, ZoneOffset.UTC, 10, ANA);
                assertEquals(List.of(BEN), board.top().stream().map(Figures.Standing::user).toList(), period + " in " + guild);
                assertEquals(Optional.empty(), board.caller());
            }
        }
        List<ServerTopicStore.StoredTopic> topics = storage.serverTopics().live();
        assertEquals(2, topics.size(), "the server keeps the topic Ana uploaded");
        assertEquals(new ServerTopicStore.Uploader(0, MemberData.FORMER_MEMBER),
                topics.stream().filter(t -> t.topicId().equals("own-" + ANA)).findFirst().orElseThrow().uploader());
        assertEquals(2, storage.schedules().list(GUILD).size(), "and the schedule Ana created");

        assertInstanceOf(Feedback.Correct.class, tutor.answer(new Place(GUILD, 99), ANA, TestQuiz.question("alpha", "c1"),
                Response.of("B")).feedback(), "a member forgotten can start again");
        assertEquals(new MemberData.Records(1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0), storage.members().forget(ANA),
                "forgetting again deletes what was made since");
    }

    @Test
    void oldAttemptEventsGoWholeWhileTheFiguresTheyMadeStay() {
        clock.set("2025-01-05T10:00:00Z");
        answer(GUILD, 1, ANA, "c1", "B");
        answer(GUILD, 2, ANA, "c2", "A");                         // a wrong try in January...
        clock.set("2025-02-20T10:00:00Z");
        answer(GUILD, 2, ANA, "c2", "B");                         // ... and the right one in February
        answer(GUILD, 3, BEN, "c1", "B");
        for (long post = 100; post < 112; post++) {
            tutor.hint(new Place(OTHER_GUILD, post), BEN, TestQuiz.question("alpha", "c3"));
        }
        clock.set("2025-03-10T12:00:00Z");
        answer(GUILD, 4, ANA, "c1", "B");
        Figures.Progress ana = storage.figures().progress(GUILD, ANA);
        assertEquals(new Totals(3, 3, 2.667), ana.overall());
        Figures.Leaderboard allTime = storage.figures().leaderboard(GUILD, Period.ALL_TIME, ZoneOffset.UTC, 10, ANA);
        Figures.Leaderboard march = storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, ANA);
        assertEquals(new Totals(1, 1, 1.0), march.caller().orElseThrow().totals());

        long cards = rows("SELECT COUNT(*) FROM review_card");
        assertEquals(3, cards, "Ana's c1 and c2, Ben's c1; a hint alone makes no card");
        EventRetention retention = new EventRetention(storage.database(), Duration.ofDays(32), clock, 5);
        assertEquals(1, retention.deleteOld(), "only the attempt whose newest event is older than 32 days");
        assertEquals(16, rows("SELECT COUNT(*) FROM attempt_event"));
        assertEquals(ana, storage.figures().progress(GUILD, ANA), "the figures stay");
        assertEquals(allTime, storage.figures().leaderboard(GUILD, Period.ALL_TIME, ZoneOffset.UTC, 10, ANA));
        assertEquals(march, storage.figures().leaderboard(GUILD, Period.THIS_MONTH, ZoneOffset.UTC, 10, ANA),
                "this month's events are all there");
        Tutor restarted = new Tutor(TestQuiz.BANK, new LiveAttempts(storage.journal(), LiveAttempts.Settings.DEFAULT),
                storage.history(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
        Feedback.Progress kept = restarted.progress(new Place(GUILD, 2), ANA, TestQuiz.question("alpha", "c2"));
        assertEquals(2, kept.triesUsed(), "an attempt older in part is kept whole: its wrong try still counts");
        assertEquals(dev.quiztutor.tutor.Attempt.Status.SOLVED, kept.status());
        assertEquals(0, retention.deleteOld(), "nothing more is old");

        clock.set("2025-03-25T12:00:00Z");
        assertEquals(15, retention.deleteOld(), "February's attempts, in batches of 5");
        assertEquals(1, rows("SELECT COUNT(*) FROM attempt_event"));
        assertEquals(cards, rows("SELECT COUNT(*) FROM review_card"), "the review cards the events made stay");
        assertEquals(ana.overall(), storage.figures().progress(GUILD, ANA).overall());
        assertEquals(allTime.top(), storage.figures().leaderboard(GUILD, Period.ALL_TIME, ZoneOffset.UTC, 10, ANA).top());
        assertThrows(IllegalArgumentException.class,
                () -> new EventRetention(storage.database(), Duration.ofDays(31), clock));
    }
}
