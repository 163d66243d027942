package dev.quiztutor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database the store works in: SQLite (one file, the default) or PostgreSQL, chosen by the url.
 * Opening it checks that it can be reached, brings the schema up to date with the Flyway migrations
 * in {@code db/migration}, then pools connections. Every failure is a {@link StorageException} with a
 * one-line reason.
 *
 * <p>Durability: a write returns only after its transaction committed. PostgreSQL commits durably
 * with its default {@code synchronous_commit=on}. SQLite runs in WAL mode with
 * {@code synchronous=FULL}, which syncs the log on every commit: in WAL mode {@code NORMAL} survives
 * a crash of the process (even SIGKILL) but may lose the last commits when the machine loses power
 * or the kernel crashes, and the bot tells a user their answer counted right after the commit. Writes
 * that queue up while one commits share the next commit (group commit, see {@link #sqliteWrite}), so
 * a burst of answers costs far fewer fsyncs than answers.
 */
public final class Database implements AutoCloseable {
    /**
     * How long a SQLite write waits for the writes before it (this bot's, queued on the writer lock,
     * or another process's, on SQLite's own lock) before failing. Ours take milliseconds, so only a
     * stuck writer ever makes one wait this long.
     */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** At most this many SQLite writes share one commit. */
    static final int MAX_BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** The two databases the schema is written for; they differ in how writes are run. */
    enum Dialect {
        SQLITE, POSTGRESQL
    }

    /** Work done in one session, inside a transaction for writes. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final Dialect dialect;
    private final DataSource direct;
    private final HikariDataSource pool;
    private final String description;
    /**
     * SQLite writes one transaction at a time, whatever the number of connections. Its busy handler
     * makes a waiting writer sleep and poll (1, 2, 5 ... 100 ms), so writers competing through several
     * connections wait far longer than their work takes. All SQLite writes therefore go through one
     * connection behind a fair lock, and they queue instead; that connection also keeps its prepared
     * statements. Reads use the pool: in WAL mode they never wait for the writer.
     */
    private final ReentrantLock writerLock = new ReentrantLock(true);
    /** SQLite writes waiting for the writer lock, taken in batches by whoever holds it. */
    private final ConcurrentLinkedQueue<Pending<?>> queued = new ConcurrentLinkedQueue<>();
    private Session writer;
    private boolean closed;
    private volatile WriteObserver writes = WriteObserver.NONE;

    /** Told how long each write took to commit (or fail): what an operator's commit-latency chart shows. */
    @FunctionalInterface
    public interface WriteObserver {
        WriteObserver NONE = (nanos, committed) -> { };

        void written(long nanos, boolean committed);
    }

    private Database(Dialect dialect, DataSource direct, HikariDataSource pool, String description) {
        this.dialect = dialect;
        this.direct = direct;
        this.pool = pool;
        this.description = description;
    }

    /** Opens and migrates the database, or throws a {@link StorageException} saying why not. */
    public static Database open(StorageSettings settings) {
        Dialect dialect = dialectOf(settings.url());
        DataSource direct = dialect == Dialect.SQLITE ? sqlite(settings) : postgres(settings);
        String version = probe(direct, dialect, settings);
        migrate(direct, settings, dialect);
        HikariDataSource pool = pool(direct, settings);
        String description = (dialect == Dialect.SQLITE ? "SQLite " : "PostgreSQL ") + version + " at "
                + settings.safeUrl();
        log.debug("Storage: {}", description); // the bot logs it once it is connected
        return new Database(dialect, direct, pool, description);
    }

    static Dialect dialectOf(String url) {
        if (url.startsWith(SQLITE_PREFIX)) {
            return Dialect.SQLITE;
        }
        if (url.startsWith(POSTGRES_PREFIX)) {
            return Dialect.POSTGRESQL;
        }
        int query = url.indexOf('?');
        throw new StorageException("Unsupported database url '" + (query < 0 ? url : url.substring(0, query))
                + "': use jdbc:sqlite:<file> (such as " + StorageSettings.DEFAULT_URL
                + ") or jdbc:postgresql://<host>:<port>/<database>");
    }

    /** "SQLite 3.53.4 at jdbc:sqlite:data/quiztutor.db", for the startup log. */
    public String description() {
        return description;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Whether this database has exactly the migrations this build ships (then a start skips Flyway). */
    boolean migrationsApplied() {
        return Migrations.applied(direct, dialect);
    }

    /**
     * Runs {@code work} in one transaction and commits before returning; on any failure it rolls back
     * and throws a {@link StorageException} naming {@code what} ("store an attempt event").
     */
    <T> T write(String what, Work<T> work) {
        return observed(() -> dialect == Dialect.SQLITE ? sqliteWrite(what, work) : postgresWrite(what, work, true));
    }

    /**
     * Runs {@code work}, which executes exactly one statement, durably. On PostgreSQL without an
     * explicit transaction: a single statement is atomic and durable on its own, and this saves the
     * COMMIT's network round trip, which is most of a small write's cost. On SQLite as {@link #write}.
     */
    <T> T writeOneStatement(String what, Work<T> work) {
        return observed(() -> dialect == Dialect.SQLITE ? sqliteWrite(what, work) : postgresWrite(what, work, false));
    }

    /** From now on, every write's latency goes to {@code observer} (one at a time; the last one set wins). */
    public void observeWrites(WriteObserver observer) {
        writes = java.util.Objects.requireNonNull(observer);
    }

    private <T> T observed(java.util.function.Supplier<T> write) {
        WriteObserver observer = writes;
        if (observer == WriteObserver.NONE) {
            return write.get();
        }
        long start = System.nanoTime();
        boolean committed = false;
        try {
            T result = write.get();
            committed = true;
            return result;
        } finally {
            observer.written(System.nanoTime() - start, committed);
        }
    }

    /**
     * Runs a trivial query on a pooled connection, as a health check does; throws a
     * {@link StorageException} saying why when the store does not answer (closed, unreachable).
     */
    public void ping() {
        read("answer a health check", session -> {
            try (java.sql.Statement statement = session.connection().createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /** Runs {@code work} in auto-commit mode on a pooled connection: each query sees the latest commits. */
    <T> T read(String what, Work<T> work) {
        try (Session session = new Session(pool.getConnection(), false)) {
            return work.run(session);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private <T> T postgresWrite(String what, Work<T> work, boolean transaction) {
        try (Session session = new Session(pool.getConnection(), false)) {
            Connection connection = session.connection();
            if (!transaction) {
                return work.run(session);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(session);
                connection.commit();
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException | RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                    pool.evictConnection(connection);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * A SQLite write, committed together with the writes queued behind the same lock (group commit):
     * whoever holds the writer lock runs every queued write in one transaction, each inside a
     * savepoint of its own, then commits once. The commit's fsync is most of a small write's cost,
     * so under load one fsync serves many writes. Each write is still all or nothing: a failing one
     * is rolled back to its savepoint and fails alone. Nobody returns before the commit that holds
     * their write; if that commit fails, every write in it fails.
     */
    private <T> T sqliteWrite(String what, Work<T> work) {
        Pending<T> mine = new Pending<>(what, work);
        queued.add(mine);
        boolean locked;
        try {
            locked = writerLock.tryLock(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            if (queued.remove(mine)) {
                Thread.currentThread().interrupt();
                throw new StorageException("Could not " + what + ": interrupted while waiting for the database", e);
            }
            // Another writer took it into its batch already: wait for that batch's outcome.
            Thread.currentThread().interrupt();
            writerLock.lock();
            locked = true;
        }
        if (!locked) {
            if (queued.remove(mine)) {
                throw new StorageException("Could not " + what + ": the database stayed busy for "
                        + BUSY_TIMEOUT_MILLIS / 1000 + " s");
            }
            writerLock.lock();
        }
        try {
            // Done already when a writer before us took ours into its batch; else ours is queued.
            while (!mine.done) {
                runBatch();
            }
        } finally {
            writerLock.unlock();
        }
        return mine.result();
    }

    /** Runs the queued writes (at most {@link #MAX_BATCH}) in one transaction. Under the lock. */
    private void runBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> next; batch.size() < MAX_BATCH && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Session session = null;
        boolean open = false;
        try {
            session = writer();
            // IMMEDIATE takes SQLite's write lock at once (another process may hold it: the busy
            // timeout applies). A deferred transaction that reads and then writes would fail outright
            // if another process committed in between. The driver's non-auto-commit mode is avoided:
            // it begins the next transaction inside commit(), so a commit could report a failure
            // after the data was stored.
            session.execute("BEGIN IMMEDIATE");
            open = true;
            if (batch.size() == 1) {
                // Alone: its own transaction, no savepoint needed.
                Pending<?> write = batch.get(0);
                write.run(session);
                if (write.failure != null) {
                    open = false;
                    rollback(session, write.failure);
                    write.finish(write.failure);
                    return;
                }
                session.execute("COMMIT");
                open = false;
                write.finish(null);
                return;
            }
            for (Pending<?> write : batch) {
                session.execute("SAVEPOINT write");
                write.run(session);
                if (write.failure != null) {
                    session.execute("ROLLBACK TO write");
                }
                session.execute("RELEASE write");
            }
            session.execute("COMMIT");
            open = false;
            for (Pending<?> write : batch) {
                // A write that failed was rolled back to its savepoint: it fails alone.
                write.finish(write.failure);
            }
        } catch (SQLException | RuntimeException | Error e) {
            if (open) {
                rollback(session, e);
            }
            for (Pending<?> write : batch) {
                if (!write.done) {
                    write.finish(write.failure != null ? write.failure : e);
                }
            }
        }
    }

    private void rollback(Session session, Throwable cause) {
        try {
            session.execute("ROLLBACK");
        } catch (SQLException | RuntimeException rollbackFailure) {
            // SQLite may have rolled back on its own (then this fails harmlessly); if not, the
            // connection may still hold the write lock: replace it.
            cause.addSuppressed(rollbackFailure);
            discardWriter();
        }
    }

    /** A write waiting for, or done by, a batch. Its fields are written and read under the writer lock. */
    private static final class Pending<T> {
        private final String what;
        private final Work<T> work;
        private T result;
        private Throwable failure;
        private Throwable outcome;
        private boolean done;

        Pending(String what, Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void run(Session session) {
            try {
                result = work.run(session);
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
            }
        }

        void finish(Throwable error) {
            outcome = error;
            done = true;
        }

        T result() {
            if (outcome == null) {
                return result;
            }
            if (outcome instanceof SQLException sql) {
                throw failure(what, sql);
            }
            if (outcome instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (outcome instanceof Error error) {
                throw error;
            }
            throw new StorageException("Could not " + what + ": " + outcome, outcome);
        }
    }

    /** The writer connection, opened on first use and after a failure discarded it. Under the lock. */
    private Session writer() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        if (writer == null) {
            writer = new Session(direct.getConnection(), true);
        }
        return writer;
    }

    private void discardWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                log.debug("Closing a failed SQLite writer connection", e);
            }
            writer = null;
        }
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("Could not " + what + ": " + StorageException.reason(e), e);
    }

    @Override
    public void close() {
        writerLock.lock();
        try {
            closed = true;
            discardWriter();
        } finally {
            writerLock.unlock();
        }
        pool.close();
    }

    // ------------------------------------------------------------------ opening

    private static DataSource sqlite(StorageSettings settings) {
        sqliteFile(settings.url()).ifPresent(Database::createFolder);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(settings.url());
        return source;
    }

    /**
     * The SQLite file of {@code settings}, which must exist: what an operator's command ({@code command},
     * as typed: "backup", "forget") works on. Opening a missing one would create an empty store, and a
     * command run in the wrong folder or with the wrong config would then report on that instead.
     */
    static Path existingSqliteFile(StorageSettings settings, String command) {
        Optional<Path> database = sqliteFile(settings.url());
        if (database.isEmpty()) {
            throw new StorageException("The database url " + settings.safeUrl() + " names no file for " + command);
        }
        Path file = database.get().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new StorageException("There is no database at " + file + " (storage.url " + settings.safeUrl()
                    + "; a relative path is from the current folder, " + Path.of("").toAbsolutePath()
                    + "). Run " + command + " in the folder the bot runs in, or give the bot's config with --config");
        }
        return file;
    }

    /** The file a SQLite url names; an in-memory database is refused, it would forget everything on restart. */
    static Optional<Path> sqliteFile(String url) {
        String name = url.substring(SQLITE_PREFIX.length());
        int query = name.indexOf('?');
        String options = query < 0 ? "" : name.substring(query + 1);
        name = query < 0 ? name : name.substring(0, query);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.contains(":memory:") || options.contains("mode=memory")) {
            throw new StorageException("The database url '" + url + "' is an in-memory SQLite database, which"
                    + " loses everything on restart; name a file, such as " + StorageSettings.DEFAULT_URL);
        }
        if (name.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    private static void createFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            log.debug("Created {} for the database", folder);
        } catch (IOException e) {
            throw new StorageException("Cannot create the folder " + folder + " for the database: "
                    + StorageException.reason(e), e);
        }
    }

    private static DataSource postgres(StorageSettings settings) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setURL(settings.url());
        } catch (IllegalArgumentException e) {
            throw new StorageException("Invalid PostgreSQL url '" + settings.safeUrl() + "': "
                    + StorageException.reason(e), e);
        }
        settings.user().ifPresent(source::setUser);
        settings.password().ifPresent(source::setPassword);
        if (source.getApplicationName() == null || source.getApplicationName().startsWith("PostgreSQL JDBC")) {
            source.setApplicationName("quiztutor");
        }
        return source;
    }

    /** Opens one connection before anything else, so that "unreachable" is said plainly; returns the version. */
    private static String probe(DataSource source, Dialect dialect, StorageSettings settings) {
        try (Connection connection = source.getConnection()) {
            if (dialect == Dialect.SQLITE) {
                try (Statement statement = connection.createStatement();
                     ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                    String journal = mode.next() ? mode.getString(1) : "?";
                    if (!"wal".equalsIgnoreCase(journal)) {
                        // Network file systems cannot share WAL's memory map; SQLite then keeps its
                        // rollback journal, still durable but readers wait for writers.
                        log.warn("SQLite kept journal mode '{}' instead of WAL for {}; is the file on a network"
                                + " file system?", journal, settings.safeUrl());
                    }
                }
            }
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + settings.safeUrl() + ": "
                    + StorageException.reason(e), e);
        }
    }

    private static void migrate(DataSource source, StorageSettings settings, Dialect dialect) {
        if (Migrations.applied(source, dialect)) {
            return;
        }
        try {
            // db/migration holds the scripts both databases run; db/sqlite and db/postgresql the few a
            // database needs in its own dialect (SQLite rebuilds a table to change a CHECK).
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(source)
                    .locations("classpath:db/migration",
                            dialect == Dialect.SQLITE ? "classpath:db/sqlite" : "classpath:db/postgresql")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.debug("Database schema migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StorageException("Cannot bring the database schema at " + settings.safeUrl()
                    + " up to date: " + StorageException.reason(e), e);
        }
    }

    private static HikariDataSource pool(DataSource source, StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quiztutor-db");
        config.setDataSource(source);
        config.setMaximumPoolSize(settings.poolSize());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot open the database " + settings.safeUrl() + ": "
                    + StorageException.reason(e), e);
        }
    }
}
