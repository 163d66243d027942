package dev.quiztutor.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on SQLite, in a file of a temporary folder (its parent created on open). */
class SqliteStorageTest extends StorageContract {
    @TempDir
    Path folder;

    @Override
    StorageSettings newDatabase() {
        return StorageSettings.sqlite(folder.resolve("data").resolve("quiztutor.db").toString());
    }
}
