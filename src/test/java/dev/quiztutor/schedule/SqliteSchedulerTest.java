package dev.quiztutor.schedule;

import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's tests on SQLite: "processes" are separate storages on one file, as two JVMs would be. */
class SqliteSchedulerTest extends SchedulerContract {
    @TempDir
    Path folder;

    @Override
    StorageSettings newDatabase() {
        return TestDatabases.sqlite(folder);
    }
}
