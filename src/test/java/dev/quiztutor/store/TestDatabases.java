package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * Fresh databases for tests outside this package (the scheduler's), got as {@link SqliteStorageTest}
 * and {@link PostgresStorageTest} get theirs: a SQLite file in a temporary folder, or a schema of its
 * own on the test PostgreSQL, skipped with the reason when there is none, except under {@code CI=true}.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static StorageSettings sqlite(Path folder) {
        return StorageSettings.sqlite(folder.resolve("data").resolve("quiztutor.db").toString());
    }

    /** Call from a test or {@code @BeforeEach}: a skipped assumption there reports the reason. */
    public static StorageSettings postgres() {
        TestPostgres.Availability availability = TestPostgres.availability();
        if (availability.server().isEmpty() && TestPostgres.requiredByCi()) {
            fail("CI=true but the PostgreSQL tests cannot run: " + availability.reason());
        }
        assumeTrue(availability.server().isPresent(), () -> "PostgreSQL tests skipped: " + availability.reason());
        return TestPostgres.newSchema(availability.server().get());
    }

    /** Drops a schema made by {@link #postgres}, after every storage on it is closed. */
    public static void dropPostgres(StorageSettings settings) {
        if (settings != null) {
            TestPostgres.dropSchema(TestPostgres.availability().server().orElseThrow(), settings);
        }
    }
}
