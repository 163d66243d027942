package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The pace of scheduled posts. Only lower bounds on the spacing are asserted: a slow machine can make
 * starts later, never earlier, so these cannot fail by noise.
 */
class PacerTest {
    @Test
    void startsFromSeveralThreadsAreSpacedByAtLeastTheInterval() throws Exception {
        Pacer pacer = new Pacer(200);                                  // 5 ms apart
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        pacer.await();
                        starts.add(System.nanoTime());
                    }
                    return null;
                }));
            }
            for (Future<?> one : done) {
                one.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertEquals(40, sorted.size());
        long spanNanos = sorted.get(39) - sorted.get(0);
        // 40 starts are 39 intervals; the times are taken just after each wait, so allow a little.
        assertTrue(spanNanos >= Duration.ofMillis(39 * 5 - 5).toNanos(),
                "40 paced starts at 200/s took only " + spanNanos / 1_000_000 + " ms");
    }

    @Test
    void aProcessPacesToItsShareOfTheGlobalLimit() {
        assertEquals(Duration.ofNanos(Math.round(1e9 / 45)), Pacer.forShards(1, 1).interval(),
                "one process: 90 % of Discord's 50 requests a second");
        assertEquals(Duration.ofNanos(Math.round(1e9 / 22.5)), Pacer.forShards(2, 4).interval(),
                "half the shards, half the pace: the limit is per bot token");
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0));
    }
}
