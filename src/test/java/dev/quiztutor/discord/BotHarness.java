package dev.quiztutor.discord;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real bot (DiscordBot over the real tutor and an SQLite file) connected to a fake Discord, as
 * the end-to-end tests drive it. {@link #restart} stops the bot and starts a new one on the same
 * database, as a process restart would.
 */
final class BotHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeDiscord discord;
    private final Path database;
    private Banks bank;
    private final Duration journalDelay;
    private final Duration deferAfter;
    private final Clock clock;
    private Storage storage;
    /** Volatile: a test's shutdown-hook thread closes it while the test watches. */
    private volatile DiscordBot bot;
    /** Where stored events wait, when a test holds them; else null. */
    private final JournalGate gate;
    private final dev.quiztutor.ops.Metrics metrics;
    /** storage.keepEventsDays, when a test sets it. */
    private final Optional<Duration> keepEvents;

    BotHarness(Path dir) throws Exception {
        this(dir, Fixtures.seedBank(), Duration.ZERO, Duration.ofMillis(1500), Clock.systemUTC());
    }

    BotHarness(Path dir, Clock clock) throws Exception {
        this(dir, Fixtures.seedBank(), Duration.ZERO, Duration.ofMillis(1500), clock);
    }

    /** {@code journalDelay}: every stored event takes this long, as on a slow disk or a distant database. */
    BotHarness(Path dir, QuizBank bank, Duration journalDelay, Duration deferAfter, Clock clock) throws Exception {
        this(dir, Banks.of(bank), journalDelay, deferAfter, clock);
    }

    /** A bot that keeps attempt events for {@code keepEvents} only (storage.keepEventsDays). */
    BotHarness(Path dir, Clock clock, Duration keepEvents) throws Exception {
        this(dir, Banks.of(Fixtures.seedBank()), Duration.ZERO, Duration.ofMillis(1500), clock, dev.quiztutor.ops.Metrics.NONE, Optional.of(keepEvents));
    }

    /** A bot whose bank may change while it runs, as the operator's folder reloading itself makes it. */
    BotHarness(Path dir, Banks bank) throws Exception {
        this(dir, bank, Duration.ZERO, Duration.ofMillis(1500), Clock.systemUTC());
    }

    /** A bot that reports to {@code metrics}, as {@code quiztutor run} with {@code metrics.port} set. */
    static BotHarness metered(Path dir, dev.quiztutor.ops.Metrics metrics) throws Exception {
        return metered(dir, metrics, Duration.ZERO, Duration.ofMillis(1500));
    }

    /** A metered bot whose every stored event takes {@code journalDelay}, deferring after {@code deferAfter}. */
    static BotHarness metered(Path dir, dev.quiztutor.ops.Metrics metrics, Duration journalDelay, Duration deferAfter)
            throws Exception {
        return new BotHarness(dir, Banks.of(Fixtures.seedBank()), journalDelay, deferAfter, Clock.systemUTC(), metrics, Optional.empty());
    }

    private BotHarness(Path dir, Banks bank, Duration journalDelay, Duration deferAfter,
                       Clock clock) throws Exception {
        this(dir, bank, journalDelay, deferAfter, clock, dev.quiztutor.ops.Metrics.NONE, Optional.empty());
    }

    /** A bot whose stored events wait at {@code gate} until the test opens it, as a stalled database would. */
    static BotHarness gated(Path dir, JournalGate gate, Duration deferAfter) throws Exception {
        return new BotHarness(dir, Banks.of(Fixtures.seedBank()), Duration.ZERO, deferAfter, Clock.systemUTC(),
                dev.quiztutor.ops.Metrics.NONE, Optional.empty(), gate);
    }

    private BotHarness(Path dir, Banks bank, Duration journalDelay, Duration deferAfter,
                       Clock clock, dev.quiztutor.ops.Metrics metrics, Optional<Duration> keepEvents) throws Exception {
        this(dir, bank, journalDelay, deferAfter, clock, metrics, keepEvents, null);
    }

    private BotHarness(Path dir, Banks bank, Duration journalDelay, Duration deferAfter,
                       Clock clock, dev.quiztutor.ops.Metrics metrics, Optional<Duration> keepEvents,
                       JournalGate gate) throws Exception {
        this.gate = gate;
        this.metrics = metrics;
        this.keepEvents = keepEvents;
        this.clock = clock;
        this.discord = FakeDiscord.start();
        this.database = dir.resolve("quiztutor.db");
        this.bank = bank;
        this.journalDelay = journalDelay;
        this.deferAfter = deferAfter;
        start();
        discord.awaitCommand(SlashCommands.PRACTICE, WAIT);
    }

    private void start() throws Exception {
        storage = Storage.open(StorageSettings.sqlite(database.toString()), clock);
        AttemptJournal journal = journalDelay.isZero() ? storage.journal() : new SlowJournal(storage.journal(), journalDelay);
        if (gate != null) {
            journal = new GatedJournal(journal, gate);
        }
        Tutor tutor = new Tutor(bank, new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT), storage.history(),
                ScoringPolicy.DEFAULT, clock, new java.util.Random());
        DiscordBot.Settings settings = new DiscordBot.Settings(Optional.of(discord.restBaseUrl()),
                Optional.of(discord.gatewayUrl()), Optional.empty(), 1, List.of(), 4, deferAfter,
                Duration.ofSeconds(1), Scheduler.Settings.DEFAULT, Duration.ofHours(1));
        bot = DiscordBot.start(settings, DiscordBot.BankLimits.DEFAULT, keepEvents, FakeDiscord.TOKEN, tutor, storage, clock, metrics);
        if (!bot.awaitReady(WAIT, Optional.empty())) {
            throw new IllegalStateException("the bot did not connect to the fake Discord");
        }
    }

    private record SlowJournal(AttemptJournal inner, Duration delay) implements AttemptJournal {
        @Override
        public List<AttemptEvent> load(AttemptKey key) {
            return inner.load(key);
        }

        @Override
        public void append(RecordedEvent event) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inner.append(event);
        }

        @Override
        public PlaceSummary summary(Place place) {
            return inner.summary(place);
        }
    }

    /**
     * Holds every stored event until the test opens it, so that a test can act while a handler is
     * certainly in the middle of storing, however slowly the machine runs.
     */
    static final class JournalGate {
        /** Long enough for any loaded machine; short enough that a forgotten gate fails the test, not the build. */
        private static final Duration LIMIT = Duration.ofMinutes(2);
        private final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.Semaphore held = new java.util.concurrent.Semaphore(0);

        /** Waits until a handler is held at the gate, storing an event. */
        void awaitHeld(Duration timeout) throws InterruptedException {
            if (!held.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no handler stored an event within " + timeout);
            }
        }

        /** Lets every held and later event through. */
        void open() {
            open.countDown();
        }

        private void pass() {
            held.release();
            try {
                if (!open.await(LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the test never opened the journal gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record GatedJournal(AttemptJournal inner, JournalGate gate) implements AttemptJournal {
        @Override
        public List<AttemptEvent> load(AttemptKey key) {
            return inner.load(key);
        }

        @Override
        public void append(RecordedEvent event) {
            gate.pass();
            inner.append(event);
        }

        @Override
        public PlaceSummary summary(Place place) {
            return inner.summary(place);
        }
    }

    /** Stops the bot and starts a new one on the same database, optionally with another bank. */
    void restart(QuizBank newBank) throws Exception {
        stopBot();
        bank = Banks.of(newBank);
        start();
    }

    /** Closes the bot as the process's shutdown hook does; {@link #close} closes the rest. */
    void closeBot() {
        bot.close();
        bot = null;
    }

    /** Waits until a {@link #closeBot} running on another thread has begun turning interactions away. */
    void awaitClosing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (DiscordBot b = bot; b != null && !b.closing(); b = bot) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the bot did not begin to close within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** The bot's scheduler, to run a pass at the test clock's time. */
    dev.quiztutor.schedule.Scheduler scheduler() {
        return bot.scheduler();
    }

    /** The bot's live counts, to hold a refresh in the middle. */
    LiveTallies tallies() {
        return bot.tallies();
    }

    QuizBank bank() {
        return bank.global();
    }

    /** The bot's shards, to wait until JDA has seen what the fake announced. */
    net.dv8tion.jda.api.sharding.ShardManager shards() {
        return bot.shards();
    }

    Storage storage() {
        return storage;
    }

    /** The question a post shows, read from its components' custom ids. */
    Question questionOf(FakeMessage post) {
        for (String id : post.customIds()) {
            Optional<CustomId> parsed = CustomId.parse(id);
            if (parsed.isPresent()) {
                QuestionRef ref = refOf(parsed.get());
                if (ref != null) {
                    return bank.global().question(ref).orElseThrow();
                }
            }
        }
        throw new AssertionError("no question on " + post + ": " + post.customIds());
    }

    private static QuestionRef refOf(CustomId id) {
        if (id instanceof CustomId.Answer a) {
            return a.question();
        }
        if (id instanceof CustomId.Hint h) {
            return h.question();
        }
        if (id instanceof CustomId.Check c) {
            return c.question();
        }
        if (id instanceof CustomId.Blank b) {
            return b.question();
        }
        if (id instanceof CustomId.Type t) {
            return t.question();
        }
        return null;
    }

    private void stopBot() {
        if (bot != null) {
            stopNow(bot);
            bot = null;
        }
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    /**
     * Closes the bot and waits until its shards are disconnected, so that the fake Discord can stop
     * after it without the bot logging reconnect attempts.
     */
    static void stopNow(DiscordBot bot) {
        bot.close();
        bot.shards().getShards().forEach(jda -> {
            jda.shutdownNow();
            try {
                jda.awaitShutdown(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        stopBot();
        discord.close();
    }
}
