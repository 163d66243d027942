package dev.quiztutor.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeating work that never dies silently. A {@link ScheduledExecutorService} cancels a repeating
 * task the first time it throws, without a word, so one bad run (a channel that refuses an edit, a
 * database hiccup) would stop the work for the rest of the process. Every repeating task goes
 * through {@link #withFixedDelay}: a run that throws is logged with the task's name and the next
 * run comes as usual.
 */
public final class Periodic {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    /**
     * Runs {@code work} after {@code initialDelay}, then {@code delay} after the end of each run;
     * {@code name} says in the log which work failed.
     */
    public static ScheduledFuture<?> withFixedDelay(ScheduledExecutorService executor, String name, Duration initialDelay,
                                                    Duration delay, Runnable work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        return executor.scheduleWithFixedDelay(guarded(name, work), initialDelay.toMillis(), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@code work} wrapped so that nothing escapes it: what it throws is logged, and the caller carries on. */
    public static Runnable guarded(String name, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // An Error too: rethrown, it would end the task as silently as any exception.
                log.error("{} failed; it runs again at its next interval", name, e);
            }
        };
    }
}
