package dev.quiztutor;

import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.FolderBank;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.config.Config;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.discord.DiscordBot;
import dev.quiztutor.ops.Health;
import dev.quiztutor.ops.Metrics;
import dev.quiztutor.ops.OpsServer;
import dev.quiztutor.ops.PrometheusMetrics;
import java.util.concurrent.atomic.AtomicReference;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.History;
import dev.quiztutor.store.AbandonedTests;
import dev.quiztutor.store.EventRetention;
import dev.quiztutor.schedule.Periodic;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageException;
import dev.quiztutor.store.StorageSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Instant;
import dev.quiztutor.tutor.review.InMemoryCardStore;
import dev.quiztutor.tutor.review.Reviews;
import dev.quiztutor.console.ConsoleSession;
import java.util.random.RandomGenerator;

/** Wiring: builds the tutor and its parts from the config. */
public final class App {
    private App() {
    }

    /** A tutor that keeps everything in memory, for the console. */
    public static Tutor tutor(Config config, QuizBank bank) {
        return tutor(config, Banks.of(bank));
    }

    /** A tutor that keeps everything in memory, over a bank that may be reloaded. */
    public static Tutor tutor(Config config, Banks bank) {
        return tutor(config, bank, new InMemoryAttemptJournal(), new InMemoryHistory(), Clock.systemUTC());
    }

    /** A tutor whose attempts and history live in storage: nothing is lost on restart. */
    public static Tutor tutor(Config config, QuizBank bank, Storage storage, Clock clock) {
        return tutor(config, Banks.of(bank), storage.journal(), storage.history(), clock);
    }

    /** The console's tutor and review, and where its places start (see {@link ConsoleSession}). */
    public record Console(Tutor tutor, Reviews reviews, long firstPlace) {
    }

    /**
     * The console's tutor: its progress in {@code storage} (guild 0, one local user), so that a review on a
     * later day sees today's misses; or, without storage, in memory for as long as the session runs.
     * Stored places start at the clock's microseconds, past every earlier session's.
     */
    public static Console console(Config config, Banks bank, Optional<Storage> storage, Clock clock) {
        if (storage.isPresent()) {
            Tutor tutor = tutor(config, bank, storage.get().journal(), storage.get().history(), clock);
            Instant now = clock.instant();
            return new Console(tutor, new Reviews(tutor, storage.get().cards()),
                    now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        }
        InMemoryAttemptJournal journal = new InMemoryAttemptJournal();
        Tutor tutor = tutor(config, bank, journal, new InMemoryHistory(), clock);
        return new Console(tutor, new Reviews(tutor, new InMemoryCardStore(journal, config.review().scheduler())), 0);
    }

    private static Tutor tutor(Config config, Banks bank, AttemptJournal journal, History history,
                               Clock clock) {
        LiveAttempts attempts = new LiveAttempts(journal, config.tutor().attemptCache().settings());
        return new Tutor(bank, attempts, history, config.tutor().scoring(), clock, RandomGenerator.of("L64X128MixRandom"));
    }

    /** Settings of the Discord front end, and of the scheduled posts it makes, from the config. */
    public static DiscordBot.Settings discordSettings(Config config) {
        Config.Discord d = config.discord();
        Config.Schedule s = config.schedule();
        Scheduler.Settings schedules = Scheduler.Settings.DEFAULT.withGrace(s.graceWindowDuration())
                .withPauseAfterFailures(s.pauseAfterFailures()).withPostsAtOnce(s.postsAtOnce());
        return new DiscordBot.Settings(d.restBaseUrl(), d.gateway(), Optional.ofNullable(d.devGuildId()),
                d.shards().total(), d.shards().ids(), d.workers(), d.deferAfterDuration(), d.liveCountIntervalDuration(),
                schedules, s.tickDuration());
    }

    /** The storage settings, with the password from QUIZTUTOR_STORAGE_PASSWORD (never from the file). */
    public static StorageSettings storageSettings(Config config, java.util.Map<String, String> env) {
        Config.Storage s = config.storage();
        Optional<String> password = Optional.ofNullable(env.get(Config.Storage.ENV_PASSWORD)).filter(p -> !p.isEmpty());
        return new StorageSettings(s.url(), Optional.ofNullable(s.user()), password, s.poolSize());
    }

    /**
     * Runs the bot until the process is asked to stop (Ctrl-C, SIGTERM); returns the exit code.
     * {@code folders}, when the operator's folder reloads itself, is closed on the way out.
     */
    static int runBot(Config config, Banks bank, Optional<FolderBank> folders, String token,
                      PrintWriter err) throws InterruptedException {
        return runBot(config, bank, folders, token, openStorage(config), err);
    }

    /**
     * Opens the store (the database, its migrations) on a thread of its own, so that it opens while
     * the quiz files load: both take a good part of a second at startup, most of it class loading
     * and the JIT, and neither needs the other.
     */
    static CompletableFuture<Storage> openStorage(Config config) {
        StorageSettings settings = storageSettings(config, System.getenv());
        // Logging is set up here, on this thread: set up by two threads at once, SLF4J would print
        // warnings about replayed calls on the terminal.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<Storage> opening = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                // Members' review cards are kept with every answer, scheduled for the configured retention.
                opening.complete(Storage.open(settings, Clock.systemUTC(), config.review().scheduler()));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "quiztutor-open-storage");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /** Closes a store that was opened for nothing (the bank could not load). */
    static void discard(CompletableFuture<Storage> opening) {
        opening.thenAccept(Storage::close);
    }

    static int runBot(Config config, Banks bank, Optional<FolderBank> folders, String token,
                      CompletableFuture<Storage> opening, PrintWriter err) throws InterruptedException {
        Logger log = LoggerFactory.getLogger(App.class);
        Clock clock = Clock.systemUTC();
        Storage storage;
        if (!opening.isDone()) {
            DiscordBot.prepare();
        }
        try {
            storage = opening.join();
        } catch (CompletionException e) {
            folders.ifPresent(FolderBank::close);
            if (e.getCause() instanceof StorageException failure) {
                err.println("quiztutor: " + failure.getMessage());
                return Cli.CANNOT_START;
            }
            throw e;
        }
        Tutor tutor = tutor(config, bank, storage.journal(), storage.history(), clock);
        DiscordBot.Settings settings = discordSettings(config);
        // The operator's port opens before Discord is dialled: a port already taken stops the start
        // with one line, and /health says "starting" until the shards connect.
        PrometheusMetrics prometheus = config.metrics().enabled() ? new PrometheusMetrics() : null;
        AtomicReference<DiscordBot> started = new AtomicReference<>();
        Health health = new Health(() -> started.get() == null ? null : started.get().shards(), storage.database());
        Optional<OpsServer> ops;
        try {
            ops = OpsServer.start(config.metrics(), prometheus, health);
        } catch (OpsServer.CannotListen e) {
            folders.ifPresent(FolderBank::close);
            storage.close();
            err.println("quiztutor: " + e.getMessage());
            return Cli.CANNOT_START;
        }
        DiscordBot bot;
        try {
            Config.Bank limits = config.bank();
            bot = DiscordBot.start(settings, new DiscordBot.BankLimits(limits.maxFileBytes(), limits.topicsPerServer(),
                    limits.questionsPerServer(), limits.suggestionsPerDay()), config.storage().keepEvents(), token, tutor, storage,
                    clock, prometheus != null ? prometheus : Metrics.NONE);
            started.set(bot);
        } catch (DiscordBot.StartFailure e) {
            ops.ifPresent(OpsServer::close);
            folders.ifPresent(FolderBank::close);
            storage.close();
            err.println("quiztutor: " + e.getMessage());
            return Cli.CANNOT_START;
        }
        log.info("storage: {}", storage.database().description());
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "quiztutor-sweep");
            thread.setDaemon(true);
            return thread;
        });
        new AbandonedTests(storage.tests(), config.tests().abandonAfterDuration(), clock)
                .start(sweeper, AbandonedTests.EVERY);
        config.storage().keepEvents().ifPresent(keep -> Periodic.withFixedDelay(sweeper, "the sweep of old attempt events",
                Duration.ofMinutes(1), EventRetention.EVERY, new EventRetention(storage.database(), keep, clock)::sweep));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            folders.ifPresent(FolderBank::close);
            sweeper.shutdown();
            bot.close();
            ops.ifPresent(OpsServer::close);
            health.close();
            storage.close();
            stopped.countDown();
        }, "quiztutor-shutdown"));
        if (!bot.awaitReady(Duration.ofSeconds(90), settings.devGuildId())) {
            log.warn("not every shard is connected after 90 s; still trying (check the gateway URL and the network)");
        } else {
            log.info("quiztutor is running with {} topics{}; press Ctrl-C to stop", bank.global().topics().size(),
                    folders.isPresent() ? " (quiz files reload when they change)" : "");
            ops.ifPresent(o -> log.info("metrics on {}/metrics, health on {}/health", o.url(), o.url()));
        }
        stopped.await();
        return 0;
    }
}
