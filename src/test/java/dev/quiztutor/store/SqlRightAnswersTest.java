package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.tutor.progress.RightAnswers.Solved;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress chart's right answers, read back from the events the real tutor stored, on SQLite and
 * PostgreSQL: each solved attempt once, when it was solved, with its difficulty; wherever it was solved
 * but in a lesson; only the member's, in the guild, from the given instant.
 */
class SqlRightAnswersTest {
    static final long GUILD = 111;
    static final long USER = 42;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void eachSolvedAttemptOnceWithWhenAndHowHard(String dialect) {
        StorageSettings settings = dialect.equals("sqlite") ? TestDatabases.sqlite(folder) : TestDatabases.postgres();
        TestClock clock = new TestClock("2026-11-02T09:00:00Z");
        try (Storage storage = Storage.open(settings, clock)) {
            Tutor tutor = new Tutor(TestQuiz.BANK, new LiveAttempts(storage.journal(), LiveAttempts.Settings.DEFAULT),
                    storage.history(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
            Question easy = TestQuiz.question("alpha", "c1");
            Question medium = TestQuiz.question("alpha", "c2");
            Question hard = TestQuiz.question("beta", "c3");
            assertEquals(Difficulty.HARD, hard.difficulty());

            tutor.answer(new Place(GUILD, 1), USER, easy, Response.of("B")); // before `since`: not read
            clock.set("2026-11-02T10:00:00.5Z");
            Instant since = clock.instant();
            tutor.answer(new Place(GUILD, 2), USER, easy, Response.of("B")); // right on the first try
            clock.set("2026-11-03T10:00:00Z");
            tutor.answer(new Place(GUILD, 3), USER, medium, Response.of("A"));
            clock.set("2026-11-03T10:01:00Z");
            tutor.answer(new Place(GUILD, 3), USER, medium, Response.of("B")); // right on the second try
            tutor.answer(new Place(GUILD, 3), USER, medium, Response.of("B")); // after the end: not an answer
            clock.set("2026-11-04T10:00:00Z");
            tutor.hint(new Place(GUILD, 4), USER, hard);
            tutor.giveUp(new Place(GUILD, 4), USER, hard); // ended, not right
            tutor.answer(new Place(GUILD, 5), USER, hard, Response.of("A")); // open, wrong
            tutor.answer(Place.lesson(GUILD, 6), USER, easy, Response.of("B")); // a lesson: never counted
            tutor.answer(Place.review(GUILD, 7), USER, hard, Response.of("B")); // a review: counted
            TopicTest test = TopicTest.start(new TopicTest.Paper("alpha", "Alpha", List.of(medium, easy), 2));
            TopicTest answered = test.answer(Response.of("B"));
            tutor.recordTest(GUILD, USER, 8, test, answered); // a test's right answer: counted
            tutor.recordTest(GUILD, USER, 8, answered, answered.answer(Response.of("A")));
            tutor.answer(new Place(GUILD + 1, 9), USER, easy, Response.of("B")); // another guild
            tutor.answer(new Place(GUILD, 9), USER + 1, easy, Response.of("B")); // another member

            List<Solved> solved = storage.rightAnswers().solvedSince(GUILD, USER, since).stream()
                    .sorted(Comparator.comparing(Solved::at).thenComparing(Solved::difficulty)).toList();
            assertEquals(List.of(
                    new Solved(Instant.parse("2026-11-02T10:00:00.5Z"), Difficulty.EASY),
                    new Solved(Instant.parse("2026-11-03T10:01:00Z"), Difficulty.MEDIUM),
                    new Solved(Instant.parse("2026-11-04T10:00:00Z"), Difficulty.MEDIUM),
                    new Solved(Instant.parse("2026-11-04T10:00:00Z"), Difficulty.HARD)), solved);
            assertEquals(List.of(), storage.rightAnswers().solvedSince(GUILD, USER, Instant.parse("2026-11-05T00:00:00Z")));
        } finally {
            if (dialect.equals("postgresql")) {
                TestDatabases.dropPostgres(settings);
            }
        }
    }
}
