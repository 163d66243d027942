package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on PostgreSQL (see {@link TestPostgres} for which server). Without one every
 * test is skipped with the reason, except when {@code CI=true}: CI installs PostgreSQL, so there a
 * missing server is a failure, not a silent skip.
 */
class PostgresStorageTest extends StorageContract {
    private static TestPostgres.Availability availability;

    @BeforeAll
    static void findServer() {
        availability = TestPostgres.availability();
        if (availability.server().isEmpty() && TestPostgres.requiredByCi()) {
            fail("CI=true but the PostgreSQL tests cannot run: " + availability.reason());
        }
        System.out.println("PostgreSQL tests: " + availability.reason());
    }

    /** Assumed here, not in {@code @BeforeAll}: there, surefire reports no test at all and no reason. */
    @Override
    StorageSettings newDatabase() {
        assumeTrue(availability.server().isPresent(), () -> "PostgreSQL tests skipped: " + availability.reason());
        return TestPostgres.newSchema(availability.server().get());
    }

    @Override
    void forget(StorageSettings settings) {
        if (settings != null) {
            TestPostgres.dropSchema(availability.server().orElseThrow(), settings);
        }
    }
}
