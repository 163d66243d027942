package dev.quiztutor.discord.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-like per-route rate limits, off by default. When on, every response carries the
 * {@code X-RateLimit-*} headers of its bucket (route template + major parameter, as Discord
 * buckets them) and a request over the limit gets 429 with {@code retry_after}. Interaction
 * callbacks are exempt, as on Discord.
 *
 * <p>Use it in benchmarks to see whether the bot respects limits (JDA does: it reads the headers
 * and waits), and in tests of how the bot behaves when Discord slows it down.
 */
public final class RateLimits {
    private volatile int limit;
    private volatile long windowNanos;
    private final AtomicLong hits = new AtomicLong();
    private final Map<String, Window> buckets = new ConcurrentHashMap<>();

    /** Outcome for one request. */
    record Decision(boolean allowed, String bucketHash, int limit, int remaining, double resetAfterSeconds, double resetEpochSeconds) {}

    private static final class Window {
        long start;
        int used;
    }

    /** Allows {@code requests} per {@code window} in each bucket. */
    public RateLimits enable(int requests, Duration window) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit " + requests + " per " + window);
        }
        this.windowNanos = window.toNanos();
        this.limit = requests;
        buckets.clear();
        return this;
    }

    public RateLimits disable() {
        this.limit = 0;
        buckets.clear();
        return this;
    }

    public boolean enabled() {
        return limit > 0;
    }

    /** How many requests were answered 429 so far. */
    public long limitedCount() {
        return hits.get();
    }

    /** Null when limits are off. */
    Decision check(String method, String template, String majorParameter) {
        int max = limit;
        if (max <= 0 || template == null || template.startsWith("/interactions/")) {
            return null;
        }
        String route = method + " " + template;
        String key = route + ":" + majorParameter;
        Window w = buckets.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long window = windowNanos;
        boolean allowed;
        int remaining;
        long resetIn;
        synchronized (w) {
            if (w.used == 0 || now - w.start >= window) {
                w.start = now;
                w.used = 0;
            }
            allowed = w.used < max;
            if (allowed) {
                w.used++;
            }
            remaining = Math.max(0, max - w.used);
            resetIn = Math.max(0, w.start + window - now);
        }
        if (!allowed) {
            hits.incrementAndGet();
        }
        double resetAfter = resetIn / 1e9;
        double resetEpoch = System.currentTimeMillis() / 1000.0 + resetAfter;
        return new Decision(allowed, Integer.toHexString(route.hashCode()), max, remaining, resetAfter, resetEpoch);
    }
}
