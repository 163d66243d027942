package dev.quiztutor.store;

/** A member's data and event retention on PostgreSQL (skipped with the reason when there is none, except in CI). */
class PostgresMemberDataTest extends MemberDataContract {
    @Override
    StorageSettings newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void forget(StorageSettings settings) {
        TestDatabases.dropPostgres(settings);
    }
}
