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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
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
        Logger log = LoggerFactory.getLogger(App.class);
        Clock clock = Clock.systemUTC();
        Storage storage;
        try {
            // Members' review cards are kept with every answer, scheduled for the configured retention.
            storage = Storage.open(storageSettings(config, System.getenv()), clock, config.review().scheduler());
        } catch (StorageException e) {
            folders.ifPresent(FolderBank::close);
            err.println("quiztutor: " + e.getMessage());
            return Cli.CANNOT_START;
        }
        Tutor tutor = tutor(config, bank, storage.journal(), storage.history(), clock);
        DiscordBot.Settings settings = discordSettings(config);
        DiscordBot bot;
        try {
            Config.Bank limits = config.bank();
            bot = DiscordBot.start(settings, new DiscordBot.BankLimits(limits.maxFileBytes(), limits.topicsPerServer(),
                    limits.questionsPerServer(), limits.suggestionsPerDay()), config.storage().keepEvents(), token, tutor, storage, clock);
        } catch (DiscordBot.StartFailure e) {
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
            storage.close();
            stopped.countDown();
        }, "quiztutor-shutdown"));
        if (!bot.awaitReady(Duration.ofSeconds(90), settings.devGuildId())) {
            log.warn("not every shard is connected after 90 s; still trying (check the gateway URL and the network)");
        } else {
            log.info("quiztutor is running with {} topics{}; press Ctrl-C to stop", bank.global().topics().size(),
                    folders.isPresent() ? " (quiz files reload when they change)" : "");
        }
        stopped.await();
        return 0;
    }
}
