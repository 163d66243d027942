package dev.quiztutor.schedule;

import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.store.TestDatabases;

/**
 * The scheduler's tests on PostgreSQL (a schema of their own on the test server); skipped with the
 * reason when there is no server, failed when {@code CI=true}.
 */
class PostgresSchedulerTest extends SchedulerContract {
    @Override
    StorageSettings newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void forget(StorageSettings settings) {
        TestDatabases.dropPostgres(settings);
    }
}
