package dev.quiztutor.discord.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-like rate limits, off by default: per-route buckets and the global limit, each switched on
 * and off by itself.
 *
 * <p><b>Per route</b> ({@link #enable}): every response carries the {@code X-RateLimit-*} headers of
 * its bucket (route template + major parameter, as Discord buckets them) and a request over the
 * limit gets 429 with {@code retry_after}. Interaction callbacks are exempt, as on Discord.
 *
 * <p><b>Global</b> ({@link #enableGlobal}): Discord's limit on the total number of requests of one bot
 * token, 50 per second ({@link #DISCORD_GLOBAL_PER_SECOND}), on top of the per-route buckets. A
 * request over it gets 429 with {@code "global": true} in the body and the headers
 * {@code X-RateLimit-Global: true}, {@code X-RateLimit-Scope: global} and {@code Retry-After} (whole
 * seconds, rounded up, as Discord sends it; {@code retry_after} in the body has the fraction), and
 * consumes nothing of its route's bucket. Interaction endpoints (callbacks, and the interaction
 * webhooks under the application's id) are exempt, as on Discord; every other request counts, even
 * one that its route's bucket then refuses. Modelled as fixed windows (the first request after a
 * window ran out opens the next), like the route buckets.
 *
 * <p>Whether the client <em>honours</em> the global limit: {@link #ignoredGlobalRetryAfterCount}
 * counts requests that arrived after a global 429 told the bot to wait, and before that wait was
 * over, leaving {@link #IN_FLIGHT_GRACE} for requests already on their way when the 429 was sent,
 * and {@link #CLOCK_SLACK} at the end (JDA counts the wait in whole milliseconds of the wall
 * clock, so it may come back a fraction of a millisecond before the fake's own clock says the
 * wait is over); {@link #largestGlobalEarliness} says how early the earliest one came.
 *
 * <p>Use it in benchmarks to see whether the bot respects limits (JDA does: it reads the headers
 * and waits), and in tests of how the bot behaves when Discord slows it down.
 */
public final class RateLimits {
    /** Discord's global limit for a bot: requests per second. */
    public static final int DISCORD_GLOBAL_PER_SECOND = 50;
    /** Requests arriving this soon after a global 429 were on their way before the bot could read it. */
    public static final Duration IN_FLIGHT_GRACE = Duration.ofMillis(250);
    /** A request this close to the end of a global wait is on time: clocks and rounding differ. */
    public static final Duration CLOCK_SLACK = Duration.ofMillis(10);

    private volatile int limit;
    private volatile long windowNanos;
    private final AtomicLong routeHits = new AtomicLong();
    private final Map<String, Window> buckets = new ConcurrentHashMap<>();

    private volatile int globalLimit;
    private volatile long globalWindowNanos;
    private final Window global = new Window();
    private final AtomicLong globalHits = new AtomicLong();
    private final AtomicLong globalIgnored = new AtomicLong();
    private final AtomicLong globalEarliest = new AtomicLong();
    /** The lockout announced by global 429s: from the first 429 of a lockout until its Retry-After ran out. */
    private long lockoutStart;
    private long lockoutUntil;
    private boolean lockedOut;

    /**
     * Outcome for one request: {@code global} when the global limit refused it (then there is no
     * bucket: {@code bucketHash} is null); {@code retryAfterHeader} is the whole seconds of the
     * {@code Retry-After} header of a refusal.
     */
    record Decision(boolean allowed, boolean global, String bucketHash, int limit, int remaining,
                    double resetAfterSeconds, double resetEpochSeconds, long retryAfterHeader) {}

    private static final class Window {
        long start;
        int used;
    }

    /** Allows {@code requests} per {@code window} in each per-route bucket. */
    public RateLimits enable(int requests, Duration window) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit " + requests + " per " + window);
        }
        this.windowNanos = window.toNanos();
        this.limit = requests;
        buckets.clear();
        return this;
    }

    /** Switches the per-route limits off (the global limit, if on, stays on). */
    public RateLimits disable() {
        this.limit = 0;
        buckets.clear();
        return this;
    }

    /** Whether the per-route limits are on. */
    public boolean enabled() {
        return limit > 0;
    }

    /** Discord's global limit: {@value #DISCORD_GLOBAL_PER_SECOND} requests per second per bot token. */
    public RateLimits enableGlobal() {
        return enableGlobal(DISCORD_GLOBAL_PER_SECOND, Duration.ofSeconds(1));
    }

    /** A global limit of {@code requests} per {@code window} across every route but the interaction endpoints. */
    public RateLimits enableGlobal(int requests, Duration window) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("global limit " + requests + " per " + window);
        }
        synchronized (global) {
            global.used = 0;
            lockedOut = false;
            globalEarliest.set(0);
            this.globalWindowNanos = window.toNanos();
            this.globalLimit = requests;
        }
        return this;
    }

    /** Switches the global limit off (the per-route limits, if on, stay on). */
    public RateLimits disableGlobal() {
        synchronized (global) {
            this.globalLimit = 0;
            global.used = 0;
            lockedOut = false;
        }
        return this;
    }

    public boolean globalEnabled() {
        return globalLimit > 0;
    }

    /** How many requests were answered 429 so far, per route and global. */
    public long limitedCount() {
        return routeHits.get() + globalHits.get();
    }

    /** How many requests a per-route bucket answered 429. */
    public long routeLimitedCount() {
        return routeHits.get();
    }

    /** How many requests the global limit answered 429. */
    public long globalLimitedCount() {
        return globalHits.get();
    }

    /**
     * How many requests arrived while a global 429's {@code Retry-After} was still running (later
     * than {@link #IN_FLIGHT_GRACE} after the 429 that began the wait, earlier than
     * {@link #CLOCK_SLACK} before its end): a client that honours the global limit has none.
     */
    public long ignoredGlobalRetryAfterCount() {
        return globalIgnored.get();
    }

    /**
     * How long before its global wait was over the earliest request came (past the in-flight grace,
     * including those within {@link #CLOCK_SLACK}) since the global limit was last enabled; zero
     * when none came early.
     */
    public Duration largestGlobalEarliness() {
        return Duration.ofNanos(globalEarliest.get());
    }

    /**
     * Null when no limit applies to the request. {@code interactionEndpoint}: a callback or an
     * interaction webhook, exempt from the global limit.
     */
    Decision check(String method, String template, String majorParameter, boolean interactionEndpoint) {
        if (!interactionEndpoint) {
            Decision refused = checkGlobal();
            if (refused != null) {
                return refused;
            }
        }
        return checkRoute(method, template, majorParameter);
    }

    /** A refusal, or null when the global limit is off or lets the request through (counting it). */
    private Decision checkGlobal() {
        if (globalLimit <= 0) {
            return null;
        }
        long now = System.nanoTime();
        int max;
        long resetIn;
        long retryAfter;
        synchronized (global) {
            max = globalLimit;
            if (max <= 0) {
                return null;
            }
            if (lockedOut) {
                long early = lockoutUntil - now;
                if (early <= 0) {
                    lockedOut = false;
                } else if (now - lockoutStart > IN_FLIGHT_GRACE.toNanos()) {
                    globalEarliest.accumulateAndGet(early, Math::max);
                    if (early > CLOCK_SLACK.toNanos()) {
                        globalIgnored.incrementAndGet();
                    }
                }
            }
            long window = globalWindowNanos;
            if (global.used == 0 || now - global.start >= window) {
                global.start = now;
                global.used = 0;
            }
            if (global.used < max) {
                global.used++;
                return null;
            }
            resetIn = Math.max(0, global.start + window - now);
            retryAfter = Math.max(1, (long) Math.ceil(resetIn / 1e9));
            long until = now + retryAfter * 1_000_000_000L;
            if (!lockedOut) {
                lockedOut = true;
                lockoutStart = now;
                lockoutUntil = until;
            } else if (until - lockoutUntil > 0) {
                lockoutUntil = until;
            }
        }
        globalHits.incrementAndGet();
        double resetAfter = resetIn / 1e9;
        return new Decision(false, true, null, max, 0, resetAfter, System.currentTimeMillis() / 1000.0 + resetAfter,
                retryAfter);
    }

    private Decision checkRoute(String method, String template, String majorParameter) {
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
            routeHits.incrementAndGet();
        }
        double resetAfter = resetIn / 1e9;
        double resetEpoch = System.currentTimeMillis() / 1000.0 + resetAfter;
        return new Decision(allowed, false, Integer.toHexString(route.hashCode()), max, remaining, resetAfter, resetEpoch,
                (long) Math.ceil(resetAfter));
    }
}
