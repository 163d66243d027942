package dev.quiztutor.bench.engine;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cache miss: {@link LiveAttempts#get} of an attempt that is not cached (after a restart, or
 * evicted), rebuilt from its two stored events through {@code SqlAttemptJournal} on SQLite, the
 * default database. 50,000 stored attempts; the cache is emptied whenever every one was loaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MissBench {
    static final int STORED = 50_000;

    private Storage storage;
    private LiveAttempts attempts;
    private Question question;
    private int next;

    @Setup(Level.Trial)
    public void store() throws Exception {
        question = BankLoader.load(Path.of("quizzes")).bank().questions()
                .filter(q -> q.kind() == QuestionKind.CHOICE).findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("miss-bench");
        Path file = dir.resolve("quiztutor.db");
        storage = Storage.open(StorageSettings.sqlite(file.toString()), Clock.systemUTC());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO attempt_event (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty,
                                               at_second, at_nano, event, response, grade_right, grade_of, hint_number,
                                               status_after, score_milli)
                    VALUES (1, ?, ?, ?, ?, ?, 'choice', 'easy', 1700000000, 0, 'answered', 'B', 0, 1, NULL, 'open', 0)
                    """)) {
                for (int i = 0; i < STORED; i++) {
                    for (int seq = 0; seq < 2; seq++) {
                        insert.setLong(1, 1_000_000 + i / 1000);
                        insert.setLong(2, i % 1000);
                        insert.setString(3, question.ref().topicId());
                        insert.setString(4, question.ref().questionId());
                        insert.setInt(5, seq);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        attempts = new LiveAttempts(storage.journal(), new LiveAttempts.Settings(2 * STORED, Duration.ofHours(6)));
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
    }

    @Benchmark
    public Attempt missFromStorage() {
        int i = next;
        if (i == STORED) {
            attempts.invalidateAll();
            i = 0;
        }
        next = i + 1;
        Attempt a = attempts.get(new AttemptKey(new Place(1, 1_000_000 + i / 1000), i % 1000, question.ref()), question);
        if (a.triesUsed() != 2) {
            throw new IllegalStateException("replayed " + a.triesUsed() + " tries");
        }
        return a;
    }
}
