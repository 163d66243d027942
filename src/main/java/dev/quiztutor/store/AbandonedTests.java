package dev.quiztutor.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic sweep of topic tests in progress that nobody touched for {@code abandonAfter}: a user
 * who walks away from a test would otherwise leave its rows in the store forever.
 *
 * <p>A sweep that fails (the database is briefly unreachable) is logged and the next one runs as
 * planned: a repeating task that throws is cancelled by the JDK without a word.
 */
public final class AbandonedTests {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedTests.class);
    /** How often to sweep: abandoned rows cost a little space, never correctness, so hourly is plenty. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final TopicTestStore store;
    private final Duration abandonAfter;
    private final Clock clock;

    public AbandonedTests(TopicTestStore store, Duration abandonAfter, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.abandonAfter = Objects.requireNonNull(abandonAfter);
        this.clock = Objects.requireNonNull(clock);
        if (abandonAfter.isNegative() || abandonAfter.isZero()) {
            throw new IllegalArgumentException("abandonAfter must be positive, not " + abandonAfter);
        }
    }

    /** Sweeps once a minute after the start (a restart cleans up soon), then every {@code every}. */
    public ScheduledFuture<?> start(ScheduledExecutorService timer, Duration every) {
        return timer.scheduleWithFixedDelay(this::sweep, Math.min(60_000, every.toMillis()), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One sweep; never throws. Returns how many tests were discarded, or -1 when the sweep failed. */
    public int sweep() {
        try {
            int discarded = store.discardAbandoned(clock.instant().minus(abandonAfter));
            if (discarded > 0) {
                LOG.info("discarded {} topic tests untouched for {}", discarded, abandonAfter);
            }
            return discarded;
        } catch (RuntimeException e) {
            LOG.warn("could not discard abandoned topic tests; trying again in the next sweep", e);
            return -1;
        }
    }
}
