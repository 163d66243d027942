package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * Durable attempt events per second: {@link SqlAttemptJournal#append} from 1 and 8 threads (the bot's
 * default worker count), against a plain JDBC loop of single-row autocommit INSERTs into the same
 * table of the same database (1 and, on PostgreSQL, 8 connections). A quarter of the events end
 * their attempt (first try right), which adds the two figure upserts, as in the end-to-end load; every
 * event is an answer, so it also keeps the member's review card, and carries its attempt as the tutor's do.
 * After each run the rows are counted: every acknowledged append must be there.
 *
 * <p>In package {@code store} (bench source folder) to reach the test suite's throwaway PostgreSQL.
 */
public final class StorageBench {
    public record Result(String database, String writer, int threads, double eventsPerSecond, long acknowledged,
                         long lost) {
    }

    private static final String PLAIN_INSERT = """
            INSERT INTO attempt_event (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty,
                                       at_second, at_nano, event, response, grade_right, grade_of, hint_number,
                                       status_after, score_milli)
            VALUES (?, ?, ?, 'bench', 'q1', 0, 'choice', 'easy', ?, ?, 'answered', 'A', 1, 1, NULL, 'open', 0)
            """;
    private static final AtomicLong posts = new AtomicLong(System.currentTimeMillis());

    private StorageBench() {
    }

    /** The databases this machine has: SQLite always, PostgreSQL when its binaries are installed. */
    public static List<String> databases() {
        List<String> out = new ArrayList<>(List.of("sqlite"));
        if (TestPostgres.availability().server().isPresent()) {
            out.add("postgresql");
        }
        return out;
    }

    public static String postgresNote() {
        return TestPostgres.availability().reason();
    }

    /** One round: baseline and ours at each thread count on a fresh database. */
    public static List<Result> round(String database, Path dir, Duration length) throws Exception {
        Files.createDirectories(dir);
        StorageSettings settings;
        Supplier<Connection> plain;
        if (database.equals("sqlite")) {
            Path file = Files.createTempFile(dir, "storage-bench", ".db");
            Files.delete(file);
            settings = StorageSettings.sqlite(file.toString());
            plain = () -> {
                SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
                try {
                    return DriverManager.getConnection(settings.url(), config.toProperties());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        } else {
            TestPostgres.Server server = TestPostgres.availability().server().orElseThrow();
            settings = TestPostgres.newSchema(server);
            StorageSettings s = settings;
            plain = () -> {
                Properties p = new Properties();
                s.user().ifPresent(u -> p.setProperty("user", u));
                s.password().ifPresent(pw -> p.setProperty("password", pw));
                try {
                    return DriverManager.getConnection(s.url(), p);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        List<Result> results = new ArrayList<>();
        try (Storage storage = Storage.open(settings, Clock.systemUTC())) {
            SqlAttemptJournal journal = (SqlAttemptJournal) storage.journal();
            // A few seconds of each first: the JIT, the pool, the file's first pages.
            ours(database, journal, storage.database(), 8, Duration.ofSeconds(2));
            plain(database, plain, storage.database(), 1, Duration.ofSeconds(2));
            int[] plainThreads = database.equals("sqlite") ? new int[] {1} : new int[] {1, 8};
            for (int t : plainThreads) {
                results.add(plain(database, plain, storage.database(), t, length));
            }
            for (int t : new int[] {1, 8}) {
                results.add(ours(database, journal, storage.database(), t, length));
            }
        }
        return results;
    }

    private static Result ours(String database, SqlAttemptJournal journal, Database db, int threads, Duration length)
            throws InterruptedException {
        long post = posts.incrementAndGet();
        QuestionRef question = new QuestionRef("bench", "q1");
        AtomicLong next = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        run(threads, () -> {
            while (System.nanoTime() < end) {
                long user = next.getAndIncrement();
                boolean solved = user % 4 == 0;
                AttemptKey key = new AttemptKey(new Place(1, post), user, question);
                AttemptEvent event = new AttemptEvent.Answered(Instant.now(), Response.of(solved ? "A" : "B"),
                        new Grade(solved ? 1 : 0, 1));
                RecordedEvent alone = new RecordedEvent(key, Difficulty.EASY, QuestionKind.CHOICE, event,
                        solved ? Attempt.Status.SOLVED : Attempt.Status.OPEN, solved ? 1 : 0);
                // With the attempt after the event, as the tutor hands it over (the journal then need not read it back).
                journal.append(new RecordedEvent(key, alone.difficulty(), alone.kind(), event, alone.statusAfter(),
                        alone.scoreAfter(), Optional.of(Attempt.ofRecorded(List.of(alone)))));
                acknowledged.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = count(db, post);
        return new Result(database, "SqlAttemptJournal.append", threads, acknowledged.get() / seconds,
                acknowledged.get(), acknowledged.get() - rows);
    }

    private static Result plain(String database, Supplier<Connection> connect, Database db, int threads, Duration length)
            throws InterruptedException {
        long post = posts.incrementAndGet();
        AtomicLong next = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        run(threads, () -> {
            try (Connection c = connect.get(); PreparedStatement insert = c.prepareStatement(PLAIN_INSERT)) {
                c.setAutoCommit(true);
                while (System.nanoTime() < end) {
                    Instant now = Instant.now();
                    insert.setLong(1, 1);
                    insert.setLong(2, post);
                    insert.setLong(3, next.getAndIncrement());
                    insert.setLong(4, now.getEpochSecond());
                    insert.setInt(5, now.getNano());
                    insert.executeUpdate();
                    acknowledged.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = count(db, post);
        return new Result(database, "plain INSERT loop", threads, acknowledged.get() / seconds, acknowledged.get(),
                acknowledged.get() - rows);
    }

    private static long count(Database db, long post) {
        return db.read("count", session -> {
            PreparedStatement select = session.prepare("SELECT COUNT(*) FROM attempt_event WHERE guild_id = 1 AND post_id = ?");
            select.setLong(1, post);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void run(int threads, Runnable body) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "storage-bench-" + i);
            all.add(t);
            t.start();
        }
        for (Thread t : all) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
    }

}
