package dev.quiztutor.discord;

import dev.quiztutor.Secrets;
import dev.quiztutor.ops.Metrics;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.store.SqlMemberNames;
import dev.quiztutor.store.SqlTopicAttempts;
import dev.quiztutor.store.Storage;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.tutor.review.Reviews;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.store.ServerTopics;
import dev.quiztutor.store.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord: connects the shards this process runs, registers the slash commands and routes
 * interactions to the tutor. Needs no privileged intent: everything arrives as interactions.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /** How the bot connects and behaves; see {@code discord:} in the example config. */
    public record Settings(
            Optional<String> apiBaseUrl,
            Optional<String> gatewayUrl,
            Optional<Long> devGuildId,
            int shardsTotal,
            List<Integer> shardIds,
            int workers,
            Duration deferAfter,
            Duration liveCountInterval,
            Scheduler.Settings schedules,
            Duration scheduleTick) {

        /** Whether a guild's events come to this process: its shard is one of ours. */
        boolean owns(long guild) {
            long shard = (guild >>> 22) % shardsTotal;
            return shardIds.isEmpty() || shardIds.contains((int) shard);
        }
    }

    /** What /bank takes and keeps: the largest file, topics and questions per server, /suggest's daily limit. */
    public record BankLimits(long maxFileBytes, int topicsPerServer, int questionsPerServer, int suggestionsPerDay) {
        public static final BankLimits DEFAULT = new BankLimits(1024 * 1024, 50, 5000, 5);

        public BankLimits(long maxFileBytes, int topicsPerServer, int questionsPerServer) {
            this(maxFileBytes, topicsPerServer, questionsPerServer, DEFAULT.suggestionsPerDay());
        }
    }

    /** The bot could not start; the message is one line for the operator. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How long closing waits for JDA to send what it holds: Discord's answers take well under a second. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final ShardManager shards;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final LiveTallies tallies;
    private final CountDownLatch ready;
    private final Scheduler scheduler;
    private final ScheduledExecutorService bankThread;
    private final ServerTopics serverTopics;
    /**
     * JDA's threads that send requests, ours so that closing can wait for them: JDA counts a request as
     * done once it leaves its queue, and reports a shutdown while the last answer may still be on its way.
     */
    private final ExecutorService requests;

    private DiscordBot(ShardManager shards, ExecutorService workers, ScheduledExecutorService timer,
                       LiveTallies tallies, CountDownLatch ready, Scheduler scheduler,
                       ScheduledExecutorService bankThread, ServerTopics serverTopics, ExecutorService requests) {
        this.requests = requests;
        this.bankThread = bankThread;
        this.serverTopics = serverTopics;
        this.shards = shards;
        this.workers = workers;
        this.timer = timer;
        this.tallies = tallies;
        this.ready = ready;
        this.scheduler = scheduler;
    }

    /**
     * Loads and initialises what connecting will need (JDA, OkHttp and Kotlin, the JDK's TLS and its
     * trusted certificates, the websocket client, JDA's JSON), sending nothing. At startup the store
     * opens on a thread of its own (Flyway's migrations); a main thread that would only wait for it
     * does this meanwhile, so that {@link #start} later finds it done: most of a start is the JVM
     * loading classes, and the connection's are a good part of them.
     */
    public static void prepare() {
        try {
            net.dv8tion.jda.internal.utils.IOUtil.newHttpClientBuilder().build();
            new com.neovisionaries.ws.client.WebSocketFactory();
            net.dv8tion.jda.api.utils.data.DataObject.fromJson("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
            DefaultShardManagerBuilder.createLight("prepare", EnumSet.noneOf(GatewayIntent.class));
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1).build().put("", "");
            Class.forName("net.dv8tion.jda.internal.JDAImpl");
            Class.forName("net.dv8tion.jda.internal.requests.WebSocketClient");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Only a head start: the start loads whatever this did not.
            LOG.debug("preparing the connection's classes: {}", e.toString());
        }
    }

    /**
     * Starts the bot. Server topics (/bank) go into the tutor's banks, which must be {@link LiveBanks}
     * (as {@link Banks#of} and the wiring build them): they are read from storage now, and re-read
     * whenever another process changes them.
     */
    public static DiscordBot start(Settings settings, String token, Tutor tutor, Storage storage, Clock clock)
            throws StartFailure {
        return start(settings, BankLimits.DEFAULT, token, tutor, storage, clock);
    }

    public static DiscordBot start(Settings settings, BankLimits bankLimits, String token, Tutor tutor, Storage storage,
                                   Clock clock) throws StartFailure {
        return start(settings, bankLimits, Optional.empty(), token, tutor, storage, clock, Metrics.NONE);
    }

    /**
     * Starts the bot, reporting to {@code metrics}: interactions, scheduled posts, Discord's 429s, the
     * live-attempt cache and the store's writes. {@code keepEvents}: storage.keepEventsDays, after which
     * a post takes no more answers.
     */
    public static DiscordBot start(Settings settings, BankLimits bankLimits, Optional<Duration> keepEvents, String token,
                                   Tutor tutor, Storage storage, Clock clock, Metrics metrics) throws StartFailure {
        if (!(tutor.banks() instanceof LiveBanks live)) {
            throw new IllegalArgumentException("the tutor's banks must be LiveBanks, to take the servers' topics");
        }
        ServerTopics serverTopics = new ServerTopics(storage.serverTopics(), live);
        try {
            serverTopics.refresh();
        } catch (StorageException e) {
            throw new StartFailure("cannot read the servers' own topics: " + e.getMessage(), e);
        }
        // JDA quotes a token it does not like in its exceptions; no log line or message may show it.
        Secrets.hide(token);
        // JDA's default lets a message ping everyone; quiz text must never ping anybody.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));

        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("quiztutor-timer"));
        // Every interaction schedules a watchdog that is almost always cancelled: drop those at once,
        // or thousands of dead tasks a second pile up in the queue.
        timer.setRemoveOnCancelPolicy(true);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), threads("quiztutor-worker"));
        LiveTallies tallies = new LiveTallies(timer, settings.liveCountInterval(), storage.journal()::summary);
        SqlMemberNames memberNames = new SqlMemberNames(storage.database());
        Names names = new Names(memberNames);
        AtomicReference<ShardManager> built = new AtomicReference<>();
        int ownShards = settings.shardIds().isEmpty() ? settings.shardsTotal() : settings.shardIds().size();
        Reviews reviews = new Reviews(tutor, storage.cards());
        Scheduler scheduler = new Scheduler(storage.schedules(), tutor, storage.journal(),
                new MeteredPoster(new ChannelPoster(built::get, Pacer.forShards(ownShards, settings.shardsTotal())), metrics),
                settings::owns, clock, settings.schedules(),
                guild -> OptionalInt.of(reviews.membersWithDue(guild, storage.guilds().get(guild).zoneOrUtc())));
        InteractionRouter router = new InteractionRouter(tutor.banks(), new PracticeFeature(tutor, tallies, keepEvents),
                new LessonFeature(tutor), new TestFeature(tutor, new StoredTests(storage.tests(), tutor.banks())),
                new ProgressFeature(tutor.banks(), storage.figures(), storage.guilds(), memberNames, reviews,
                        new ProgressFeature.Pictures(storage.rightAnswers(), storage.cards(), clock)),
                new ScheduleFeature(tutor.banks(), storage.schedules(), scheduler, storage.guilds(), clock),
                new BankFeature(serverTopics, storage.guilds(), new BankFeature.Limits(bankLimits.maxFileBytes(),
                        new ServerTopics.Limits(bankLimits.topicsPerServer(), bankLimits.questionsPerServer())), clock),
                new SuggestFeature(serverTopics, storage.suggestions(), storage.guilds(),
                        new ServerTopics.Limits(bankLimits.topicsPerServer(), bankLimits.questionsPerServer()),
                        bankLimits.suggestionsPerDay(), clock),
                new ReviewFeature(reviews, tutor.banks(), storage.guilds(), keepEvents, tutor.clock()),
                new StatsFeature(tutor.banks(), new SqlTopicAttempts(storage.database()), storage.guilds(), tutor.scoring()),
                new ForgetFeature(storage.members(), tutor, names), names, workers, timer, settings.deferAfter()).metered(metrics);
        if (metrics != Metrics.NONE) {
            metrics.attemptCache(tutor.attempts()::stats);
            storage.database().observeWrites(metrics::storeWrite);
        }

        ScheduledExecutorService bankThread = Executors.newSingleThreadScheduledExecutor(threads("quiztutor-banks"));
        serverTopics.start(bankThread);
        CountDownLatch ready = new CountDownLatch(ownShards);
        ScheduledExecutorService scheduleThread = Executors.newSingleThreadScheduledExecutor(threads("quiztutor-schedule"));
        AtomicBoolean scheduling = new AtomicBoolean();
        ExecutorService requests = Executors.newCachedThreadPool(threads("quiztutor-discord-requests"));
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(settings.shardsTotal())
                .setRateLimitElastic(requests, false)
                .setEnableShutdownHook(false)
                .addEventListeners(router, new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        LOG.info("shard {} ready: {} guilds", event.getJDA().getShardInfo(), event.getGuildTotalCount());
                        ready.countDown();
                        // A shard that reconnects is ready again; the scheduler starts once.
                        if (ready.getCount() == 0 && scheduling.compareAndSet(false, true)) {
                            // Only now are the channels of our guilds known: posting before would find none.
                            scheduler.start(scheduleThread, settings.scheduleTick());
                        }
                    }
                });
        if (!settings.shardIds().isEmpty()) {
            builder.setShards(settings.shardIds());
        }
        if (metrics != Metrics.NONE) {
            builder.setHttpClientBuilder(countingRateLimits(metrics));
        }
        settings.apiBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        settings.gatewayUrl().ifPresent(url -> builder
                .setSessionController(new FixedGateway(url))
                .setCompression(Compression.NONE));
        ShardManager shards;
        try {
            shards = builder.build();
            built.set(shards);
        } catch (InvalidTokenException e) {
            stop(workers, timer, tallies);
            bankThread.shutdownNow();
            requests.shutdownNow();
            throw new StartFailure("Discord rejected the token in DISCORD_TOKEN; copy it again from the Bot page of "
                    + "your application (https://discord.com/developers/applications)", e);
        } catch (RuntimeException e) {
            stop(workers, timer, tallies);
            bankThread.shutdownNow();
            requests.shutdownNow();
            String where = settings.apiBaseUrl().orElse("https://discord.com/api");
            throw new StartFailure("cannot log in to Discord at " + where + ": " + Secrets.mask(rootMessage(e)), e);
        }
        return new DiscordBot(shards, workers, timer, tallies, ready, scheduler, bankThread, serverTopics, requests);
    }

    /** The scheduled posts of this process's guilds; tests drive it with their own clock. */
    Scheduler scheduler() {
        return scheduler;
    }

    /** The live counts of public posts; tests hold a refresh in the middle. */
    LiveTallies tallies() {
        return tallies;
    }

    /** The servers' own topics of this process. */
    ServerTopics serverTopics() {
        return serverTopics;
    }

    /** Waits for every shard of this process to be connected, then registers the slash commands. */
    public boolean awaitReady(Duration timeout, Optional<Long> devGuildId) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        registerCommands(devGuildId);
        return true;
    }

    private void registerCommands(Optional<Long> devGuildId) {
        if (devGuildId.isPresent()) {
            Guild guild = shards.getGuildById(devGuildId.get());
            if (guild != null) {
                guild.updateCommands().addCommands(SlashCommands.definitions())
                        .queue(c -> LOG.info("registered {} commands on guild {}", c.size(), guild.getId()),
                                e -> LOG.error("could not register commands on guild {}: {}", guild.getId(), e.toString()));
                return;
            }
            LOG.warn("discord.devGuildId {}: the bot is not in that guild here; registering globally", devGuildId.get());
        }
        JDA first = shards.getShardById(0);
        if (first == null) {
            // Another process runs shard 0 and registers the commands.
            return;
        }
        first.updateCommands().addCommands(SlashCommands.definitions())
                .queue(c -> LOG.info("registered {} global commands (they may take a while to appear)", c.size()),
                        e -> LOG.error("could not register commands: {}", e.toString()));
    }

    /** Whether {@link #close} has begun: interactions that arrive from then on are turned away politely. */
    boolean closing() {
        return workers.isShutdown();
    }

    public ShardManager shards() {
        return shards;
    }

    /**
     * Stops taking interactions, lets the running ones finish, and disconnects; returns once JDA has
     * sent what was queued, or after {@link #SHUTDOWN_WAIT} at most.
     */
    @Override
    public void close() {
        // A post in progress, answers in flight and the last figures go out before the connection closes.
        scheduler.close();
        bankThread.shutdownNow();
        stop(workers, timer, tallies);
        List<JDA> connected = shards.getShards();
        shards.shutdown();
        // shutdown() only begins it: JDA still sends the requests it holds (the last answers, the last
        // figures), and a shutdown hook that returns now lets the JVM exit before they are sent.
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (JDA shard : connected) {
            try {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!shard.awaitShutdown(left)) {
                    LOG.warn("shard {} still sending after {}; closing it now", shard.getShardInfo(), SHUTDOWN_WAIT);
                    shard.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shard.shutdownNow();
            }
        }
        awaitRequestsSent(requests, deadline);
    }

    /**
     * A request JDA had already taken from its queue when it shut down is still being sent, on one of
     * these threads (each waits for Discord's answer): only once they are all done has every answer
     * reached Discord.
     */
    private static void awaitRequestsSent(ExecutorService requests, long deadline) {
        requests.shutdown();
        try {
            if (!requests.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("requests to Discord still running after {}; not waiting for them", SHUTDOWN_WAIT);
                requests.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requests.shutdownNow();
        }
    }

    private static void stop(ExecutorService workers, ScheduledExecutorService timer, LiveTallies tallies) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            tallies.close();
        } finally {
            timer.shutdown();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * JDA's own HTTP client settings (IOUtil.newHttpClientBuilder: 25 requests at once per host, 5 idle
     * connections kept 10 s), plus a count of every 429 Discord answers. JDA waits and retries on its
     * own and shows a 429 to nobody, so the wire is the one place to see them all.
     */
    private static OkHttpClient.Builder countingRateLimits(Metrics metrics) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .dispatcher(dispatcher)
                .addInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (response.code() == 429) {
                        // Discord's scopes are user, global and shared; anything else stays one label.
                        String scope = String.valueOf(response.header("X-RateLimit-Scope")).toLowerCase(java.util.Locale.ROOT);
                        metrics.rateLimited(List.of("user", "global", "shared").contains(scope) ? scope
                                : response.header("X-RateLimit-Global") != null ? "global" : "unknown");
                    }
                    return response;
                });
    }

    /** The most telling message in the chain: JDA wraps I/O errors in exceptions that only carry a stack. */
    private static String rootMessage(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getClass().getSimpleName().equals("ContextException")) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** A gateway from the config (a proxy, a test server) instead of the one Discord names. */
    static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            ShardedGateway discord = super.getShardedGateway(api);
            return new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency());
        }
    }
}
