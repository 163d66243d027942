package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.tutor.TopicTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The periodic sweep of abandoned tests: what it asks the store for, and that a failure never stops it. */
class AbandonedTestsTest {
    /** A store that only sweeps: records each limit it was given, failing the sweeps it is told to. */
    private static final class SweptStore implements TopicTestStore {
        final List<Instant> limits = new CopyOnWriteArrayList<>();
        final CountDownLatch sweeps;
        final int failFirst;

        SweptStore(int sweeps, int failFirst) {
            this.sweeps = new CountDownLatch(sweeps);
            this.failFirst = failFirst;
        }

        @Override
        public int discardAbandoned(Instant untouchedSince) {
            limits.add(untouchedSince);
            sweeps.countDown();
            if (limits.size() <= failFirst) {
                throw new StorageException("the database is unreachable");
            }
            return 2;
        }

        @Override
        public void save(TestId id, TopicTest test) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SavedTest> find(TestId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SavedTest> inProgress(long guild, long user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TestResult finish(TestId id, TopicTest.Report report) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void discard(TestId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TestResult> results(long guild, long user, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aSweepDiscardsTestsUntouchedForTheSettingAndAFailureIsReportedNotThrown() {
        TestClock clock = new TestClock("2026-12-01T09:00:00Z");
        SweptStore store = new SweptStore(2, 1);
        AbandonedTests sweep = new AbandonedTests(store, Duration.ofDays(7), clock);
        assertEquals(-1, sweep.sweep(), "the store failed: logged, not thrown");
        clock.advance(Duration.ofHours(1));
        assertEquals(2, sweep.sweep());
        assertEquals(List.of(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")), store.limits);
    }

    @Test
    void theRepeatingSweepCarriesOnAfterAFailedOne() throws Exception {
        SweptStore store = new SweptStore(3, 2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> task = new AbandonedTests(store, Duration.ofDays(7), new TestClock("2026-12-01T09:00:00Z"))
                    .start(timer, Duration.ofMillis(10));
            assertTrue(store.sweeps.await(20, TimeUnit.SECONDS), "the sweeps after two failed ones still ran: "
                    + store.limits.size());
            assertTrue(!task.isDone(), "still scheduled");
        } finally {
            timer.shutdownNow();
        }
    }
}
