package dev.quiztutor.discord;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the starts of the bot's own REST requests evenly under Discord's global limit, whichever
 * thread asks. JDA honours a global 429 by stopping every request for the whole seconds of its
 * {@code Retry-After}; a burst of scheduled posts that runs into it loses far more than pacing costs
 * (the fan-out benchmark: 34 s unpaced against 22 s paced for 1,000 posts).
 */
final class Pacer {
    /** Discord's global limit for a bot token: requests per second. */
    static final int DISCORD_GLOBAL_PER_SECOND = 50;
    /**
     * What scheduled posts may use of it: the rest is for the live-count edits of the posts that
     * people start answering at once. Interaction replies are exempt from the global limit.
     */
    static final double SCHEDULED_SHARE = 0.9;

    private final long intervalNanos;
    private long next;

    Pacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a pace must be positive, not " + perSecond);
        }
        this.intervalNanos = Math.round(1e9 / perSecond);
    }

    /**
     * The pace of one process's scheduled posts: its share of the global limit, which is per bot
     * token however many processes run its shards.
     */
    static Pacer forShards(int ownShards, int totalShards) {
        double share = totalShards <= 0 ? 1 : Math.min(1, (double) Math.max(1, ownShards) / totalShards);
        return new Pacer(Math.max(1, DISCORD_GLOBAL_PER_SECOND * SCHEDULED_SHARE * share));
    }

    Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Waits until this caller's turn: at least one interval after the previous caller's. */
    void await() throws InterruptedException {
        long start;
        synchronized (this) {
            start = Math.max(System.nanoTime(), next);
            next = start + intervalNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
