package dev.quiztutor.ops;

import dev.quiztutor.tutor.LiveAttempts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link Metrics} kept in a Micrometer registry and shown in Prometheus's text format. Names follow
 * Prometheus's style under {@code quiztutor_} (Micrometer adds {@code _total} to counters and
 * {@code _seconds} to timers); {@code config/grafana-dashboard.json} charts them. The JVM's own
 * figures (memory, GC pauses, threads, CPU) come along under {@code jvm_} and {@code process_}.
 */
public final class PrometheusMetrics implements Metrics, AutoCloseable {
    /**
     * Histogram buckets of the acknowledgement latency: Discord's deadline is 3 s and the bot defers
     * after {@code discord.deferAfter} (1.5 s), so the buckets are finest well below those.
     */
    private static final Duration[] ACK_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 1500, 2000, 3000);
    /** A commit is an fsync: about a millisecond on an SSD, tens on a slow disk or a distant PostgreSQL. */
    private static final Duration[] COMMIT_BUCKETS = millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Kind, Map<Outcome, Timer>> ackTimers = new EnumMap<>(Kind.class);
    private final Map<TurnedAway, Counter> turnedAway = new EnumMap<>(TurnedAway.class);
    private final Counter deferred;
    private final Timer committed;
    private final Timer commitFailed;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Object> sources = new CopyOnWriteArrayList<>();

    public PrometheusMetrics() {
        for (Kind kind : Kind.values()) {
            Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Timer.builder("quiztutor.interaction.ack")
                        .description("From an interaction's arrival to Discord taking its acknowledgement")
                        .tags("kind", tag(kind), "outcome", tag(outcome))
                        .serviceLevelObjectives(ACK_BUCKETS)
                        .register(registry));
            }
            ackTimers.put(kind, byOutcome);
        }
        for (TurnedAway why : TurnedAway.values()) {
            turnedAway.put(why, Counter.builder("quiztutor.interactions.turned.away")
                    .description("Interactions answered with a polite refusal: stale or forged, gone, not allowed, busy")
                    .tag("reason", tag(why)).register(registry));
        }
        deferred = Counter.builder("quiztutor.interactions.deferred")
                .description("Interactions the watchdog deferred because their handler was slow").register(registry);
        committed = commitTimer("committed");
        commitFailed = commitTimer("failed");
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private Timer commitTimer(String outcome) {
        return Timer.builder("quiztutor.store.commit")
                .description("A write to the store, from the call to its commit (group commits included)")
                .tag("outcome", outcome)
                .serviceLevelObjectives(COMMIT_BUCKETS)
                .register(registry);
    }

    @Override
    public void acknowledged(Kind kind, String name, Outcome outcome, long nanos) {
        registry.counter("quiztutor.interactions", "kind", tag(kind), "name", name, "outcome", tag(outcome)).increment();
        ackTimers.get(kind).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome == Outcome.DEFERRED) {
            deferred.increment();
        }
    }

    @Override
    public void turnedAway(TurnedAway why) {
        turnedAway.get(why).increment();
    }

    @Override
    public void rateLimited(String scope) {
        registry.counter("quiztutor.discord.rate.limited", "scope", scope).increment();
    }

    @Override
    public void scheduled(Scheduled what, boolean sent, boolean permanent) {
        registry.counter("quiztutor.scheduled.posts", "what", tag(what),
                "outcome", sent ? "sent" : permanent ? "failed_permanently" : "failed").increment();
    }

    @Override
    public void storeWrite(long nanos, boolean ok) {
        (ok ? committed : commitFailed).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void attemptCache(Supplier<LiveAttempts.Stats> stats) {
        // Micrometer holds a gauge's or function counter's source weakly, and a method reference given
        // here has no other owner: kept here, or the figures turn to NaN at the first garbage collection.
        sources.add(stats);
        Gauge.builder("quiztutor.attempt.cache.size", stats, s -> s.get().size())
                .description("Live attempts held in memory").strongReference(true).register(registry);
        FunctionCounter.builder("quiztutor.attempt.cache.lookups", stats, s -> s.get().hits())
                .description("Look-ups of a live attempt; a miss replays it from the store")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("quiztutor.attempt.cache.lookups", stats, s -> s.get().misses())
                .description("Look-ups of a live attempt; a miss replays it from the store")
                .tag("result", "miss").register(registry);
        Gauge.builder("quiztutor.attempt.cache.hit.ratio", stats, s -> s.get().hitRatio())
                .description("Share of look-ups served from memory since the start").strongReference(true).register(registry);
    }

    /** Every meter, in Prometheus's text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Duration[] millis(long... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofMillis(values[i]);
        }
        return out;
    }
}
