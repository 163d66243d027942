package dev.quiztutor.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A member's data and event retention on SQLite. */
class SqliteMemberDataTest extends MemberDataContract {
    @TempDir
    Path folder;

    @Override
    StorageSettings newDatabase() {
        return TestDatabases.sqlite(folder);
    }
}
