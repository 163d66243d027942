package dev.quiztutor.ops;

import dev.quiztutor.store.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Whether the bot can serve its members right now: every shard of this process connected to Discord,
 * and the store answering a trivial query within {@link #STORE_TIMEOUT}. What {@code /health} answers,
 * with the reasons when not.
 */
public final class Health implements AutoCloseable {
    /** Longer than a healthy store ever takes, short enough for a load balancer's or Prometheus's probe. */
    public static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);

    /** The verdict; {@code lines} say what is wrong, or what was checked when all is well. */
    public record Report(boolean healthy, List<String> lines) {
        public Report {
            lines = List.copyOf(lines);
        }

        public String body() {
            return String.join("\n", lines) + "\n";
        }
    }

    private final Supplier<ShardManager> shards;
    private final Database store;
    private final Duration storeTimeout;
    // One probe at a time: a store that hangs holds this one thread, not one more per check.
    private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "quiztutor-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> running;

    /** {@code shards} gives null until the bot has started connecting. */
    public Health(Supplier<ShardManager> shards, Database store) {
        this(shards, store, STORE_TIMEOUT);
    }

    Health(Supplier<ShardManager> shards, Database store, Duration storeTimeout) {
        this.shards = shards;
        this.store = store;
        this.storeTimeout = storeTimeout;
    }

    public Report check() {
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        checkShards(problems, fine);
        checkStore(problems, fine);
        return problems.isEmpty() ? new Report(true, List.of("ok: " + String.join(", ", fine)))
                : new Report(false, problems);
    }

    private void checkShards(List<String> problems, List<String> fine) {
        ShardManager manager = shards.get();
        if (manager == null) {
            problems.add("discord: not connecting yet (the bot is starting)");
            return;
        }
        List<JDA> started = new ArrayList<>(manager.getShardCache().asList());
        started.sort(Comparator.comparingInt(jda -> jda.getShardInfo().getShardId()));
        int total = manager.getShardsTotal();
        for (JDA shard : started) {
            JDA.Status status = shard.getStatus();
            if (status != JDA.Status.CONNECTED) {
                problems.add("shard " + shard.getShardInfo().getShardId() + "/" + total + ": " + status);
            }
        }
        int queued = manager.getShardsQueued();
        if (queued > 0) {
            problems.add(queued + " shard" + (queued == 1 ? "" : "s") + " of " + total + " waiting to connect");
        }
        if (started.isEmpty() && queued == 0) {
            problems.add("discord: no shard running");
        }
        fine.add(started.size() + " shard" + (started.size() == 1 ? "" : "s") + " connected");
    }

    private void checkStore(List<String> problems, List<String> fine) {
        Future<?> check;
        synchronized (this) {
            if (running != null && !running.isDone()) {
                problems.add("store: an earlier check is still waiting for an answer");
                return;
            }
            long start = System.nanoTime();
            check = probe.submit(() -> {
                store.ping();
                return System.nanoTime() - start;
            });
            running = check;
        }
        try {
            long nanos = (Long) check.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            fine.add("store answered in " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
        } catch (TimeoutException e) {
            problems.add("store: no answer within " + storeTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            problems.add("store: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("store: the check was interrupted");
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
