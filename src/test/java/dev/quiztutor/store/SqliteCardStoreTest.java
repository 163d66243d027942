package dev.quiztutor.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The review card contract on SQLite. */
class SqliteCardStoreTest extends CardStoreContract {
    @TempDir
    Path folder;

    @Override
    StorageSettings newDatabase() {
        return TestDatabases.sqlite(folder);
    }
}
