package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.store.MemberData;
import dev.quiztutor.store.SqlMemberNames;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's store commands, {@code quiztutor backup} and {@code quiztutor forget}, on a store the bot is using. */
class StoreCommandsTest {
    private static final QuestionRef QUESTION = new QuestionRef("alpha", "c1");

    private static Path config(Path dir, Path database) throws Exception {
        Path config = dir.resolve("quiztutor.yml");
        Files.writeString(config, "storage:\n  url: jdbc:sqlite:" + database + "\n");
        return config;
    }

    /** One right answer, ending its attempt, stored as the bot stores a click: event and figures, committed. */
    private static void answer(Storage storage, long guild, long post, long user) {
        storage.journal().append(new RecordedEvent(new AttemptKey(new Place(guild, post), user, QUESTION), Difficulty.EASY,
                QuestionKind.CHOICE, new AttemptEvent.Answered(Instant.now(), Response.of("B"), new Grade(1, 1)),
                Attempt.Status.SOLVED, 1.0));
    }

    private static Set<Long> posts(Path database) throws Exception {
        Set<Long> posts = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT post_id FROM attempt_event")) {
            while (row.next()) {
                posts.add(row.getLong(1));
            }
        }
        return posts;
    }

    private static String integrity(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void aBackupTakenUnderAStreamOfAnswersHoldsEveryAnswerAcknowledgedBeforeItBegan(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("data").resolve("quiztutor.db");
        Path config = config(dir, database);
        Path backup = dir.resolve("backup.db");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong nextPost = new AtomicLong(1);
        List<Thread> answering = new ArrayList<>();
        try (Storage storage = Storage.open(StorageSettings.sqlite(database.toString()), Clock.systemUTC());
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement reading = reader.createStatement()) {
            // A long read (a report, a sqlite3 shell left open) pins the WAL: no checkpoint moves the
            // answers into the database file meanwhile, so a copy of the file alone would hold none.
            reader.setAutoCommit(false);
            reading.executeQuery("SELECT COUNT(*) FROM attempt_event").close();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    while (!stop.get()) {
                        long post = nextPost.getAndIncrement();
                        answer(storage, 1, post, 100 + post % 7);
                        acknowledged.add(post);          // the bot tells the member only now
                    }
                }, "answers-" + t);
                thread.start();
                answering.add(thread);
            }
            while (acknowledged.size() < 300) {
                Thread.sleep(10);
            }
            Set<Long> beforeBackup = Set.copyOf(acknowledged);
            CliTest.Run run = CliTest.run("", "backup", "--to", backup.toString(), "--config", config.toString());
            int duringBackup = acknowledged.size() - beforeBackup.size();
            stop.set(true);
            for (Thread thread : answering) {
                thread.join();
            }
            reader.rollback();
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().startsWith("Backed up jdbc:sqlite:" + database + " to " + backup + ": "), run.out());
            assertTrue(run.out().contains("integrity ok"), run.out());
            assertTrue(duringBackup > 0, "answers went on being stored while the backup ran");

            assertEquals("ok", integrity(backup));
            Set<Long> copied = posts(backup);
            assertTrue(copied.containsAll(beforeBackup), "every answer acknowledged before the backup began: "
                    + beforeBackup.stream().filter(p -> !copied.contains(p)).limit(10).toList() + " missing");
            assertTrue(copied.size() < acknowledged.size(), "a copy of a moment, not of the end");
            try (Storage restored = Storage.open(StorageSettings.sqlite(backup.toString()), Clock.systemUTC())) {
                long figures = restored.figures().progress(1, 100).overall().answered();
                assertEquals(copied.stream().filter(p -> p % 7 == 0).count(), figures,
                        "the figures in the copy agree with its events: one transaction each");
            }
        }

        CliTest.Run again = CliTest.run("", "backup", "--to", backup.toString(), "--config", config.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains(backup + " exists already; name another file, or add --force"), again.err());
        long size = Files.size(backup);
        CliTest.Run forced = CliTest.run("", "backup", "--to", backup.toString(), "--force", "--config", config.toString());
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.size(backup) >= size, "the newest copy holds at least as much");
        assertEquals(posts(database), posts(backup), "the bot stopped: the copy is the whole store");
        try (var leftovers = Files.list(dir)) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().contains(".partial")).toList());
        }
    }

    @Test
    void aBackupWithoutADatabaseOrOnPostgresqlSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere").resolve("quiztutor.db");
        CliTest.Run none = CliTest.run("", "backup", "--to", dir.resolve("b.db").toString(), "--config",
                config(dir, missing).toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().startsWith("quiztutor: There is no database at " + missing), none.err());
        assertFalse(Files.exists(dir.resolve("b.db")));

        Path postgres = dir.resolve("pg.yml");
        Files.writeString(postgres, "storage:\n  url: jdbc:postgresql://db.example/quiz\n");
        CliTest.Run pg = CliTest.run("", "backup", "--to", dir.resolve("b.db").toString(), "--config", postgres.toString());
        assertEquals(1, pg.exit());
        assertTrue(pg.err().contains("pg_dump --format=custom") && pg.err().contains("pg_restore"), pg.err());
    }

    /**
     * Run in the wrong folder or with the wrong config, forget must not create an empty store there and
     * report "nothing is stored" about a member whose data is elsewhere: it refuses as backup does.
     */
    @Test
    void forgetWithoutADatabaseRefusesAndCreatesNone(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere").resolve("quiztutor.db");
        CliTest.Run none = CliTest.run("", "forget", "--user", "5", "--yes", "--config", config(dir, missing).toString());

        assertEquals(2, none.exit(), none.out());
        assertTrue(none.err().startsWith("quiztutor: There is no database at " + missing), none.err());
        assertTrue(none.err().contains("Run forget in the folder the bot runs in, or give the bot's config with --config"),
                none.err());
        assertEquals("", none.out());
        assertFalse(Files.exists(missing), "no empty store was created");
        assertFalse(Files.exists(missing.getParent()), "nor its folder");
    }

    @Test
    void forgetShowsWhatIsStoredAsksAndDeletesOnlyThatMember(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("quiztutor.db");
        Path config = config(dir, database);
        try (Storage storage = Storage.open(StorageSettings.sqlite(database.toString()), Clock.systemUTC())) {
            SqlMemberNames names = new SqlMemberNames(storage.database());
            for (long user : new long[] {5, 6}) {
                answer(storage, 1, 10 + user, user);
                answer(storage, 2, 20 + user, user);
                names.remember(1, user, "Member " + user);
            }
            MemberData.Records other = storage.members().inventory(6);
            MemberData.Records fives = storage.members().inventory(5);

            CliTest.Run declined = CliTest.run("no\n", "forget", "--user", "5", "--config", config.toString());
            assertEquals(1, declined.exit());
            assertTrue(declined.out().startsWith("Stored about user 5: 2 answers, their figures in 2 servers, "
                    + "their name in 1 server, 2 review cards.\nDelete all of it, in every server?"), declined.out());
            assertTrue(declined.out().endsWith("Nothing deleted.\n"), declined.out());
            assertEquals(fives, storage.members().inventory(5), "declined: all still there");

            CliTest.Run confirmed = CliTest.run("yes\n", "forget", "--user", "5", "--config", config.toString());
            assertEquals(0, confirmed.exit(), confirmed.err());
            assertTrue(confirmed.out().contains("Deleted 2 answers, their figures in 2 servers, their name in 1 server, 2 review cards."),
                    confirmed.out());
            assertTrue(storage.members().inventory(5).isEmpty());
            assertEquals(other, storage.members().inventory(6));

            CliTest.Run scripted = CliTest.run("", "forget", "--user", "6", "--yes", "--config", config.toString());
            assertEquals(0, scripted.exit(), scripted.err());
            assertFalse(scripted.out().contains("Type yes"), "--yes asks nothing: " + scripted.out());
            assertTrue(storage.members().inventory(6).isEmpty());

            CliTest.Run nothing = CliTest.run("", "forget", "--user", "6", "--yes", "--config", config.toString());
            assertEquals("Nothing is stored about user 6.\n", nothing.out());
            CliTest.Run notAnId = CliTest.run("", "forget", "--user", "0", "--config", config.toString());
            assertEquals(2, notAnId.exit());
            assertTrue(notAnId.err().contains("--user takes a Discord user id"), notAnId.err());
        }
    }
}
