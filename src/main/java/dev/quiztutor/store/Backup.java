package dev.quiztutor.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@code quiztutor backup}: a consistent copy of the SQLite store, taken while the bot runs. SQLite's
 * {@code VACUUM INTO} writes the database as one read transaction sees it, so the copy holds every
 * commit made before it began (every answer the bot acknowledged by then) and none half-made, and
 * the bot's writers go on meanwhile (WAL: a reader never blocks the writer). The copy is written
 * beside the target under another name and checked with {@code PRAGMA integrity_check} before it
 * takes the target's name, so a failed backup never leaves a file that looks like one.
 */
public final class Backup {
    /** A finished backup: where, how large, how long it took. */
    public record Done(Path file, long bytes, Duration took) {
    }

    private Backup() {
    }

    /**
     * Copies the database of {@code settings} to {@code to}; an existing {@code to} is replaced only
     * when {@code replace}. Throws a {@link StorageException} with a one-line reason, and for
     * PostgreSQL one that says how to back it up instead.
     */
    public static Done sqlite(StorageSettings settings, Path to, boolean replace) {
        if (Database.dialectOf(settings.url()) == Database.Dialect.POSTGRESQL) {
            throw new StorageException("The store is PostgreSQL (" + settings.safeUrl() + "): back it up with the server's"
                    + " own tool, pg_dump --format=custom --file=quiztutor.dump --dbname=postgresql://USER@HOST:PORT/DATABASE"
                    + " (consistent while the bot runs), and restore with pg_restore --clean --dbname=... quiztutor.dump"
                    + " (see the README, \"What is stored\")");
        }
        Path source = Database.existingSqliteFile(settings, "backup");
        Path target = to.toAbsolutePath().normalize();
        if (target.equals(source)) {
            throw new StorageException("The backup cannot be the database itself (" + source + "); name another file");
        }
        if (Files.isDirectory(target)) {
            throw new StorageException(target + " is a folder; name the backup file, such as " + target.resolve("quiztutor-backup.db"));
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new StorageException("The folder " + folder + " does not exist; create it first");
        }
        if (Files.exists(target) && !replace) {
            throw new StorageException(target + " exists already; name another file, or add --force to replace it");
        }
        long start = System.nanoTime();
        Path partial = folder.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(partial);
            copy(source, partial);
            check(partial);
            if (replace) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(partial, target);
            }
            return new Done(target, Files.size(target), Duration.ofNanos(System.nanoTime() - start));
        } catch (FileAlreadyExistsException e) {
            throw new StorageException(target + " appeared while the backup was written; nothing was replaced", e);
        } catch (IOException e) {
            throw new StorageException("Cannot write the backup " + target + ": " + StorageException.reason(e), e);
        } catch (SQLException e) {
            throw new StorageException("Cannot back up " + source + ": " + StorageException.reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Best effort: the name says what it is.
            }
        }
    }

    private static void copy(Path source, Path partial) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // The bot may be committing: wait for its lock as its own connections do, never fail at once.
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource data = new SQLiteDataSource(config);
        data.setUrl("jdbc:sqlite:" + source);
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
        }
    }

    private static void check(Path copy) throws SQLException {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + copy);
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new SQLException("the copy fails SQLite's integrity check: " + verdict);
            }
        }
    }
}
