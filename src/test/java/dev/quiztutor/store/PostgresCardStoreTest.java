package dev.quiztutor.store;

/** The review card contract on PostgreSQL (see {@link TestPostgres}; skipped with the reason without a server, except under CI). */
class PostgresCardStoreTest extends CardStoreContract {
    @Override
    StorageSettings newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void forget(StorageSettings settings) {
        TestDatabases.dropPostgres(settings);
    }
}
