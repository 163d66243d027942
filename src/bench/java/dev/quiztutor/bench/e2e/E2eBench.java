package dev.quiztutor.bench.e2e;

import dev.quiztutor.bench.Stats;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end: the fake Discord (in this JVM) drives a bot under test (a child JVM, {@link BotUnderTest})
 * over loopback. Simulated users click answer buttons on practice posts, open loop at a fixed rate
 * (each click is sent at its planned time whether or not earlier ones were answered), in steps of
 * rising rate. Each click of a step is a distinct user's first answer on that step's posts, the
 * costliest case for the bot (a new attempt, a durable event).
 *
 * <p>Per step: interaction-to-callback latency as the fake measures it (INTERACTION_CREATE written to
 * the gateway until the callback request arrives), failures (no callback, or Discord would refuse it:
 * the fake's 3 s deadline is on), late answers, how far the generator lagged behind its plan, and the
 * CPU time of the bot's process and of this one per click.
 */
public final class E2eBench {
    /** What one step measured. Latencies in microseconds, CPU in microseconds per click. */
    public record Step(String bot, int users, int rate, int clicks, int failed, int late, long p50, long p90, long p99,
                       long max, double lagP99Ms, double lagMaxMs, double achievedRate, double botCpuPerClick,
                       double driverCpuPerClick, double cpuBusy, int restConnections, String failure) {
        /** Every click answered within 3 s and accepted, at the planned rate. */
        public boolean sustained() {
            return failed == 0 && late == 0 && lagMaxMs < 250 && achievedRate >= rate * 0.97;
        }
    }

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final int WARMUP_STEPS = Integer.getInteger("bench.e2e.warmupSteps", 4);
    private static final String[] LETTERS = {"A", "B", "C", "D"};

    private final Path out;
    private final Duration stepLength;
    private final boolean jfr;
    private final List<String> childJvmOptions;

    public E2eBench(Path out, Duration stepLength, boolean jfr, List<String> childJvmOptions) {
        this.out = out;
        this.stepLength = stepLength;
        this.jfr = jfr;
        this.childJvmOptions = childJvmOptions;
    }

    /** One bot, one population: warm up, then each rate until one is not sustained (plus one more). */
    public List<Step> session(String bot, int users, int[] rates, String tag) throws Exception {
        List<Step> steps = new ArrayList<>();
        try (FakeDiscord discord = FakeDiscord.builder()
                .protocolChecks(false)
                .ackDeadline(DEADLINE)
                .requestLogLimit(500)
                .interactionLimit(Math.max(10_000, Arrays.stream(rates).max().orElse(1000) * 5))
                // The fake keeps every message it made as a JSON tree; a long run would fill this JVM's
                // heap and its GC pauses would show up as latency. The driver keeps the posts it clicks
                // on itself; a post the fake forgot only makes the bot's tally edit of it a 404.
                .messageLimit(5_000)
                .start();
             Child child = Child.start(bot, discord, out.resolve("e2e-" + tag), jfr, childJvmOptions)) {
            discord.awaitCommand("practice", Duration.ofSeconds(60));
            FakeChannel channel = discord.channel("practice");
            FakeUser host = discord.user("host");
            FakeUser[] people = new FakeUser[users];
            for (int i = 0; i < users; i++) {
                people[i] = discord.user("user" + i);
            }
            Load load = new Load(discord, channel, host, people, child);
            // Warm-up: the JIT of both processes, the bot's caches and connection pools.
            for (int w = 0; w < WARMUP_STEPS; w++) {
                load.step(bot, 300, Duration.ofSeconds(5), new SplittableRandom(w));
            }
            pause(2000);
            int failures = 0;
            for (int i = 0; i < rates.length && failures < 2; i++) {
                Step step = load.step(bot, rates[i], stepLength, new SplittableRandom(100 + i));
                steps.add(step);
                System.out.printf("  %-5s users=%-6d rate=%-5d p50=%6.1fms p99=%7.1fms max=%7.1fms failed=%d late=%d"
                                + " lag99=%.1fms achieved=%.0f/s bot=%.0fus/click driver=%.0fus/click busy=%.0f%%%n",
                        bot, users, step.rate(), step.p50() / 1000.0, step.p99() / 1000.0, step.max() / 1000.0,
                        step.failed(), step.late(), step.lagP99Ms(), step.achievedRate(), step.botCpuPerClick(),
                        step.driverCpuPerClick(), step.cpuBusy() * 100);
                if (!step.sustained()) {
                    failures++;
                }
                pause(2000);
            }
        }
        return steps;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drives clicks at a fixed rate. */
    private final class Load {
        private final FakeDiscord discord;
        private final FakeChannel channel;
        private final FakeUser host;
        private final FakeUser[] people;
        private final Child child;

        Load(FakeDiscord discord, FakeChannel channel, FakeUser host, FakeUser[] people, Child child) {
            this.discord = discord;
            this.channel = channel;
            this.host = host;
            this.people = people;
            this.child = child;
        }

        /** Posts what the step needs, then sends {@code rate} clicks a second for {@code length}. */
        Step step(String bot, int rate, Duration length, SplittableRandom random) {
            int n = (int) (rate * length.toMillis() / 1000);
            int users = people.length;
            int postCount = (n + users - 1) / users;
            List<FakeMessage> posts = new ArrayList<>();
            List<List<String>> answerIds = new ArrayList<>();
            for (int p = 0; p < postCount; p++) {
                FakeMessage post = discord.slashCommand(host, channel, "practice").awaitResponseMessage(Duration.ofSeconds(30));
                posts.add(post);
                answerIds.add(post.customIds().stream().filter(id -> id.startsWith("qt1:a:")).toList());
            }
            int[] order = shuffled(users, random);
            String[] letters = new String[n];
            for (int k = 0; k < n; k++) {
                letters[k] = LETTERS[random.nextInt(LETTERS.length)];
            }
            InteractionHandle[] handles = new InteractionHandle[n];
            long[] planned = new long[n];
            Harvest harvest = new Harvest(handles, planned);
            long cpuBot0 = child.cpuNanos();
            long cpuDriver0 = driverCpuNanos();
            int connections0 = discord.restConnectionCount();
            String failure = null;
            long start = System.nanoTime() + 20_000_000;
            double period = 1e9 / rate;
            Thread collector = new Thread(harvest, "harvest");
            collector.setDaemon(true);
            collector.start();
            int sent = 0;
            for (int k = 0; k < n; k++) {
                long due = start + (long) (k * period);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int postIndex = k / users;
                FakeMessage post = posts.get(postIndex);
                List<String> ids = answerIds.get(postIndex);
                String id = ids.get(Math.min(ids.size() - 1, letters[k].charAt(0) - 'A'));
                planned[k] = due;
                try {
                    handles[k] = discord.clickButton(people[order[k % users]], post, id);
                    sent++;
                    harvest.sent.set(sent);
                } catch (RuntimeException e) {
                    failure = e.toString();
                    break;
                }
            }
            long lastPlanned = start + (long) ((n - 1) * period);
            long sendEnd = System.nanoTime();
            // Wait for every callback, at most until the deadline has passed for the last click.
            long waitUntil = Math.max(sendEnd, lastPlanned) + DEADLINE.toNanos() + 2_000_000_000L;
            harvest.finishBy(waitUntil);
            try {
                collector.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long cpuBot = child.cpuNanos() - cpuBot0;
            long cpuDriver = driverCpuNanos() - cpuDriver0;
            long wall = System.nanoTime() - start;
            int failed = n - sent;
            int late = 0;
            long[] latency = new long[sent];
            long[] lag = Arrays.copyOf(harvest.lag, sent);
            int measured = 0;
            for (int k = 0; k < sent; k++) {
                if (harvest.status[k] == 0 || harvest.status[k] >= 300) {
                    failed++;
                    if (failure == null) {
                        failure = harvest.status[k] == 0 ? "no callback" : "callback refused: " + harvest.status[k];
                    }
                    continue;
                }
                long l = harvest.latency[k];
                if (l > DEADLINE.toNanos()) {
                    late++;
                }
                latency[measured++] = l;
            }
            latency = Arrays.copyOf(latency, measured);
            Arrays.sort(latency);
            Arrays.sort(lag);
            double achieved = sent <= 1 ? 0 : (sent - 1) / ((harvest.dispatched[sent - 1] - harvest.dispatched[0]) / 1e9);
            return new Step(bot, users, rate, n, failed, late, Stats.percentile(latency, 50) / 1000,
                    Stats.percentile(latency, 90) / 1000, Stats.percentile(latency, 99) / 1000,
                    measured == 0 ? 0 : latency[measured - 1] / 1000, Stats.percentile(lag, 99) / 1e6,
                    sent == 0 ? 0 : lag[sent - 1] / 1e6, achieved, cpuBot / 1000.0 / Math.max(1, sent),
                    cpuDriver / 1000.0 / Math.max(1, sent),
                    (cpuBot + cpuDriver) / (double) wall / Runtime.getRuntime().availableProcessors(),
                    discord.restConnectionCount() - connections0, failure);
        }
    }

    /**
     * Takes what a step needs from each answered interaction and lets the handle go, so that this
     * JVM's live heap stays small (its GC pauses would otherwise show up as latency).
     */
    private static final class Harvest implements Runnable {
        final InteractionHandle[] handles;
        final long[] planned;
        final long[] lag;
        final long[] dispatched;
        final long[] latency;
        final int[] status;
        final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long finishBy = Long.MAX_VALUE;
        private volatile boolean sending = true;

        Harvest(InteractionHandle[] handles, long[] planned) {
            this.handles = handles;
            this.planned = planned;
            this.lag = new long[handles.length];
            this.dispatched = new long[handles.length];
            this.latency = new long[handles.length];
            this.status = new int[handles.length];
        }

        void finishBy(long nanos) {
            finishBy = nanos;
            sending = false;
        }

        @Override
        public void run() {
            int from = 0;
            while (true) {
                boolean stillSending = sending;
                int upTo = sent.get();
                int pending = 0;
                for (int k = from; k < upTo; k++) {
                    InteractionHandle h = handles[k];
                    if (h == null) {
                        continue;
                    }
                    Optional<Callback> cb = h.callback();
                    if (cb.isPresent()) {
                        dispatched[k] = h.dispatchedNanos();
                        lag[k] = dispatched[k] - planned[k];
                        latency[k] = cb.get().latencyNanos();
                        status[k] = cb.get().status();
                        handles[k] = null;
                    } else {
                        pending++;
                    }
                }
                while (from < upTo && handles[from] == null) {
                    from++;
                }
                if (!stillSending && (pending == 0 || System.nanoTime() > finishBy)) {
                    for (int k = from; k < upTo; k++) {
                        if (handles[k] != null) {
                            dispatched[k] = handles[k].dispatchedNanos();
                            lag[k] = dispatched[k] - planned[k];
                            handles[k] = null;
                        }
                    }
                    return;
                }
                LockSupport.parkNanos(20_000_000);
            }
        }
    }

    private static int[] shuffled(int size, SplittableRandom random) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The bot under test in its own JVM; closing its standard input stops it. */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;

        private Child(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        /**
         * {@code ours} is started exactly as an operator starts it, {@code quiztutor run} with a config
         * file pointing at the fake (readiness shows in the fake: the commands get registered);
         * {@code floor} is {@link BotUnderTest}, which prints READY.
         */
        static Child start(String bot, FakeDiscord discord, Path dir, boolean jfr, List<String> jvmOptions)
                throws IOException {
            Files.createDirectories(dir);
            Path work = dir.resolve("work");
            Files.createDirectories(work);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xms1g");
            cmd.add("-Xmx1g");
            cmd.addAll(jvmOptions);
            if (jfr) {
                cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve(bot + ".jfr") + ",settings=profile");
            }
            boolean ours = bot.startsWith("ours");
            cmd.add("-cp");
            // ours-before: another build of ours (bench.e2e.beforeJar), such as main's before a change.
            cmd.add(bot.equals("ours-before") ? System.getProperty("bench.e2e.beforeJar") : System.getProperty("java.class.path"));
            if (ours) {
                Path config = work.resolve("quiztutor.yml");
                // The default config but for where Discord is; -Dbench.e2e.workers tries another worker count.
                String workers = System.getProperty("bench.e2e.workers", "");
                Files.writeString(config, "discord:\n  apiBaseUrl: " + discord.restBaseUrl() + "\n  gatewayUrl: "
                        + discord.gatewayUrl() + "\n" + (workers.isEmpty() ? "" : "  workers: " + workers + "\n")
                        + "storage:\n  url: jdbc:sqlite:" + work.resolve("quiztutor.db") + "\n");
                // The seed topic: its practice posts are all option buttons, which is what the clicks press.
                cmd.addAll(List.of("dev.quiztutor.Main", "run", "--config", config.toString(),
                        "--quizzes", "quizzes/mlops-maturity-levels.json"));
            } else {
                cmd.add(BotUnderTest.class.getName());
                cmd.add(bot);
                cmd.add(discord.restBaseUrl());
                cmd.add(discord.gatewayUrl());
                cmd.add(work.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectError(dir.resolve(bot + ".log").toFile());
            pb.environment().put("QUIZTUTOR_LOG_LEVEL", "WARN");
            pb.environment().put("QUIZTUTOR_JDA_LOG_LEVEL", "WARN");
            pb.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
            pb.environment().remove("QUIZTUTOR_DISCORD_API_BASE_URL");
            pb.environment().remove("QUIZTUTOR_DISCORD_GATEWAY_URL");
            pb.environment().remove("QUIZTUTOR_STORAGE_URL");
            Process p = pb.start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            if (!ours) {
                CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.equals("READY")) {
                                return true;
                            }
                        }
                        return false;
                    } catch (IOException e) {
                        return false;
                    }
                });
                try {
                    if (!ready.get(90, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IllegalStateException("the " + bot + " bot stopped before it was ready; see "
                                + dir.resolve(bot + ".log"));
                    }
                } catch (Exception e) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the " + bot + " bot did not start: " + e + "; see "
                            + dir.resolve(bot + ".log"), e);
                }
            }
            Thread drain = new Thread(() -> {
                try {
                    while (reader.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            }, "child-stdout");
            drain.setDaemon(true);
            drain.start();
            return new Child(p);
        }

        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            // quiztutor run stops cleanly on SIGTERM, as under a service manager.
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
