package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite writes that queue up share one commit (group commit), yet each stays all or nothing and
 * fails alone: a failing write in a batch leaves none of its rows and does not undo the others.
 */
class SqliteGroupCommitTest {
    @TempDir
    Path folder;

    @Test
    void writesQueuedTogetherCommitTogetherAndAFailingOneFailsAlone() throws Exception {
        try (Database database = Database.open(StorageSettings.sqlite(folder.resolve("q.db").toString()))) {
            database.write("make a table", s -> {
                s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                return null;
            });
            int writers = 16;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try {
                // One write holds the writer lock, so the others queue behind it and form one batch.
                Future<?> first = pool.submit(() -> database.write("hold", s -> {
                    insert(s, 0);
                    holding.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                CyclicBarrier queued = new CyclicBarrier(writers - 1);
                List<Future<Integer>> rest = new ArrayList<>();
                for (int k = 1; k < writers; k++) {
                    int key = k;
                    rest.add(pool.submit(() -> {
                        queued.await(10, TimeUnit.SECONDS);
                        return database.write("write " + key, s -> {
                            insert(s, key * 10);
                            if (key == 7) {
                                insert(s, key * 10 + 1);
                                insert(s, key * 10 + 1); // duplicate key: this write fails
                            }
                            return key;
                        });
                    }));
                }
                Thread.sleep(200);
                release.countDown();
                first.get(10, TimeUnit.SECONDS);
                int failed = 0;
                for (int k = 1; k < writers; k++) {
                    try {
                        assertEquals(k, rest.get(k - 1).get(10, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        assertEquals(7, k);
                        assertTrue(e.getCause() instanceof StorageException, e.getCause().toString());
                    }
                }
                assertEquals(1, failed);
            } finally {
                pool.shutdownNow();
            }
            List<Integer> keys = database.read("read", s -> {
                List<Integer> out = new ArrayList<>();
                try (ResultSet rs = s.prepare("SELECT k FROM t ORDER BY k").executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
                return out;
            });
            List<Integer> expected = new ArrayList<>(List.of(0));
            for (int k = 1; k < writers; k++) {
                if (k != 7) {
                    expected.add(k * 10);
                }
            }
            assertEquals(expected, keys, "the failing write left nothing, the others all committed");
        }
    }

    private static void insert(Session s, int key) throws SQLException {
        PreparedStatement insert = s.prepare("INSERT INTO t (k, v) VALUES (?, 'x')");
        insert.setInt(1, key);
        insert.executeUpdate();
    }
}
