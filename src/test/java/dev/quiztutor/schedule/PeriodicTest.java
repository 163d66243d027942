package dev.quiztutor.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A repeating task that throws is logged and runs again; the JDK alone would cancel it without a word. */
class PeriodicTest {

    @Test
    void aRunThatThrowsIsLoggedAndTheNextRunComesAsUsual() throws InterruptedException {
        ScheduledExecutorService executor = new ScheduledThreadPoolExecutor(1);
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            ScheduledFuture<?> task = Periodic.withFixedDelay(executor, "a flaky task", Duration.ZERO, Duration.ofMillis(5),
                    () -> {
                        int run = runs.incrementAndGet();
                        third.countDown();
                        if (run == 1) {
                            throw new IllegalStateException("the first run fails");
                        }
                        if (run == 2) {
                            throw new AssertionError("so does the second, with an Error");
                        }
                    });
            assertTrue(third.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " time(s)");
            assertFalse(task.isDone(), "still scheduled");
            task.cancel(false);
        } finally {
            executor.shutdownNow();
        }
    }
}
