package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * A fake Discord on 127.0.0.1 that a real JDA connects to: REST over HTTP and the gateway over a
 * WebSocket, both on ephemeral ports. It lets the bot be tested end to end (and benchmarked)
 * with no real Discord, while holding the bot to Discord's rules: every request is checked
 * against Discord's own OpenAPI spec, messages are stored and edited as Discord would, and
 * interactions look like Discord's INTERACTION_CREATE down to snowflake timestamps.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *     JDA jda = JDABuilder.createLight(FakeDiscord.TOKEN)
 *             .setRestConfig(discord.restConfig())
 *             .setSessionController(discord.sessionController())
 *             .setCompression(Compression.NONE)
 *             .addEventListeners(bot)
 *             .build();
 *     FakeDiscord.awaitConnected(jda, Duration.ofSeconds(30));
 *     discord.awaitCommand("practice", Duration.ofSeconds(10));
 *     FakeUser alice = discord.user("alice");
 *     InteractionHandle h = discord.slashCommand(alice, discord.channel("practice"), "practice",
 *             InteractionOption.string("topic", "mlo"));
 *     Callback reply = h.awaitCallback(Duration.ofSeconds(10));
 *     FakeMessage question = h.awaitResponseMessage(Duration.ofSeconds(10));
 *     discord.clickButton(alice, question, question.customIds().get(0)).awaitCallback(...);
 *     jda.shutdownNow(); jda.awaitShutdown();   // JDA first, then the fake (try-with-resources)
 *     discord.assertNoProtocolViolations();
 * }
 * }</pre>
 *
 * <p>Thread-safety: every method may be called from any thread; dispatches from many threads at
 * once are fine (that is how load tests drive it). Nothing sleeps: waits block on the thing
 * awaited and fail with a dump of the fake's recent history.
 */
public final class FakeDiscord implements AutoCloseable {
    static {
        // without TCP_NODELAY the JDK server's responses can wait ~40 ms for delayed ACKs
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * A token to give JDA; any non-empty token is accepted. It has a real token's form (three base64url
     * parts), which {@code quiztutor run} checks before it starts.
     */
    public static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZTAx.cXVpenR1dG9yLWZha2UtZ2F0ZXdheS10b2tlbi1hY2NlcHRlZA";
    /** A token Discord refuses (401), as a revoked one is; well-formed, so only Discord can tell. */
    public static final String REJECTED_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMg.cmV2b2sx.cXVpenR1dG9yLWZha2UtdG9rZW4tdGhhdC1pcy1yZWplY3RlZA";

    /** Every permission Discord (as JDA 6.5 knows it) has: what owners and administrators get. */
    public static final long ALL_PERMISSIONS = Permission.getRaw(Permission.values());

    /** Permissions of @everyone in the fake's guilds (Discord's defaults for a new server). */
    public static final long DEFAULT_EVERYONE_PERMISSIONS = Permission.getRaw(
            Permission.CREATE_INSTANT_INVITE, Permission.NICKNAME_CHANGE, Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND, Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_PUBLIC_THREADS,
            Permission.CREATE_PRIVATE_THREADS, Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_EXT_EMOJI, Permission.MESSAGE_EXT_STICKER,
            Permission.MESSAGE_MENTION_EVERYONE, Permission.MESSAGE_HISTORY, Permission.USE_APPLICATION_COMMANDS,
            Permission.MESSAGE_SEND_POLLS, Permission.USE_EXTERNAL_APPLICATIONS, Permission.VOICE_CONNECT,
            Permission.VOICE_SPEAK, Permission.VOICE_USE_VAD, Permission.VOICE_STREAM, Permission.USE_EMBEDDED_ACTIVITIES);

    /** What the bot's managed role allows by default (what an invite with these scopes grants). */
    public static final long DEFAULT_BOT_PERMISSIONS = Permission.getRaw(
            Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_SEND_IN_THREADS,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_EXT_EMOJI, Permission.USE_APPLICATION_COMMANDS);

    /** What the "Moderator" role of the default guild allows (see {@link #moderator(String)}). */
    public static final long MODERATOR_PERMISSIONS = Permission.getRaw(
            Permission.MANAGE_SERVER, Permission.MESSAGE_MANAGE, Permission.KICK_MEMBERS, Permission.MODERATE_MEMBERS);

    private static final long DM_APP_PERMISSIONS = Permission.getRaw(
            Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY, Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_EXT_EMOJI, Permission.USE_APPLICATION_COMMANDS);

    /** Settings fixed at start. */
    static final class Settings {
        int recommendedShards = 1;
        int maxConcurrency = 16;
        int allowedPrivilegedIntents;
        boolean protocolChecks = true;
        Duration ackDeadline;
        int requestLogLimit = 50_000;
        int interactionLimit = 50_000;
        int messageLimit = 100_000;
        int restThreads = 8;
        String botName = "QuizTutor";
        long botPermissions = DEFAULT_BOT_PERMISSIONS;
        String guildName = "Study Hall";
    }

    /** Configures a fake before it starts. */
    public static final class Builder {
        private final Settings s = new Settings();

        private Builder() {}

        /** The {@code shards} that {@code GET /gateway/bot} recommends (for DefaultShardManager). Default 1. */
        public Builder recommendedShards(int shards) {
            s.recommendedShards = shards;
            return this;
        }

        /**
         * {@code max_concurrency} of {@code GET /gateway/bot}. Default 16, so that JDA's session
         * controller starts shards in parallel rather than 5 s apart.
         */
        public Builder maxConcurrency(int concurrency) {
            s.maxConcurrency = concurrency;
            return this;
        }

        /**
         * Privileged intents the application has been granted in the developer portal. By default
         * none: a bot that asks for GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT is closed
         * with 4014 Disallowed intent(s), as on Discord, and the fake records a problem.
         */
        public Builder allowPrivilegedIntents(GatewayIntent... intents) {
            for (GatewayIntent i : intents) {
                s.allowedPrivilegedIntents |= i.getRawValue();
            }
            return this;
        }

        /**
         * Whether request bodies are checked against the OpenAPI spec (default true). Switch off
         * only to measure the bot without the checker's cost (tens of microseconds a request).
         */
        public Builder protocolChecks(boolean on) {
            s.protocolChecks = on;
            return this;
        }

        /**
         * Refuse callbacks that arrive later than this after dispatch, with Discord's 404 Unknown
         * interaction (10062), as Discord does after 3 s. Default: no deadline (latency is
         * recorded on every {@link Callback} anyway), so slow CI machines do not flake.
         */
        public Builder ackDeadline(Duration deadline) {
            s.ackDeadline = deadline;
            return this;
        }

        /**
         * How many recorded requests to keep (oldest dropped first). Default 50,000, a few hundred
         * MB at most; lower it for long benchmarks.
         */
        public Builder requestLogLimit(int limit) {
            s.requestLogLimit = limit;
            return this;
        }

        /** How many interactions to remember (older tokens become unknown). Default 50,000. */
        public Builder interactionLimit(int limit) {
            s.interactionLimit = limit;
            return this;
        }

        /**
         * How many bot messages to keep (oldest forgotten first; editing a forgotten one gets 404
         * Unknown Message). Default 100,000.
         */
        public Builder messageLimit(int limit) {
            s.messageLimit = limit;
            return this;
        }

        /** REST worker threads. Default 8. */
        public Builder restThreads(int threads) {
            s.restThreads = threads;
            return this;
        }

        public Builder botName(String name) {
            s.botName = name;
            return this;
        }

        /** Permissions of the bot's managed role in every guild (default {@link #DEFAULT_BOT_PERMISSIONS}). */
        public Builder botPermissions(Permission... permissions) {
            s.botPermissions = Permission.getRaw(permissions);
            return this;
        }

        /** The name of the default guild (default "Study Hall"). */
        public Builder guildName(String name) {
            s.guildName = name;
            return this;
        }

        public FakeDiscord start() {
            try {
                return new FakeDiscord(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the fake knows of one gateway session. */
    public record GatewaySessionInfo(String sessionId, int shardId, int shardCount, int intents, boolean connected,
            long eventsDispatched, int resumes) {}

    private record Waiter(Predicate<RecordedRequest> predicate, CompletableFuture<RecordedRequest> future) {}

    private final Settings settings;
    private final FakeUser bot;
    private final long applicationId;
    private final Map<String, FakeUser> usersByName = new ConcurrentHashMap<>();
    private final Map<Long, FakeUser> usersById = new ConcurrentHashMap<>();
    private final List<FakeGuild> guilds = new CopyOnWriteArrayList<>();
    private final Map<Long, FakeChannel> dms = new ConcurrentHashMap<>();
    private final Map<Long, FakeMessage> messagesById = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<FakeMessage> messageOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger messageCount = new AtomicInteger();
    private final Map<String, InteractionHandle> interactions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> interactionOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger interactionCount = new AtomicInteger();
    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requestsKept = new AtomicInteger();
    private final AtomicLong requestsTotal = new AtomicLong();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<ProtocolViolation> violations = new CopyOnWriteArrayList<>();
    private final Map<String, DiscordSpec.Check> checkCache = new ConcurrentHashMap<>();
    private final RateLimits rateLimits = new RateLimits();
    private volatile long restLatencyNanos;
    private final Map<String, Long> routeLatencyNanos = new ConcurrentHashMap<>();
    private final CommandStore commands;
    private final DiscordSpec spec;
    private final FakeGuild defaultGuild;
    private final FakeRest rest;
    private final FakeGateway gateway;
    private final FakeCdn cdn;

    /** Starts a fake with default settings: one guild "Study Hall" with #general and #practice. */
    public static FakeDiscord start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    private FakeDiscord(Settings settings) throws IOException {
        this.settings = settings;
        this.spec = DiscordSpec.get();
        this.applicationId = Snowflake.next();
        this.bot = new FakeUser(applicationId, settings.botName, settings.botName, true);
        usersById.put(bot.id(), bot);
        this.commands = new CommandStore(applicationId);
        FakeUser owner = user("guild-owner");
        this.defaultGuild = newGuild(settings.guildName, Snowflake.next(), owner);
        defaultGuild.textChannel("general");
        defaultGuild.textChannel("practice");
        defaultGuild.createRole("Moderator", MODERATOR_PERMISSIONS);
        this.rest = new FakeRest(this, settings.restThreads);
        this.cdn = new FakeCdn();
        this.gateway = new FakeGateway(this);
    }

    // ---- wiring JDA to the fake -------------------------------------------------------------

    /** A JDA RestConfig pointing at the fake ({@code http://127.0.0.1:PORT/api/v10/}). */
    public RestConfig restConfig() {
        return new RestConfig().setBaseUrl(restBaseUrl());
    }

    /**
     * A session controller whose gateway is the fake. With {@code JDABuilder} the gateway URL
     * comes from here (JDA's default is Discord's); {@code DefaultShardManager} asks
     * {@code GET /gateway/bot} through it instead, which the fake also answers.
     */
    public SessionController sessionController() {
        String url = gatewayUrl();
        return new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return url;
            }
        };
    }

    /**
     * An HTTP client for JDA ({@code JDABuilder.setHttpClientBuilder}) with a connection pool as
     * large as a load test's concurrency. Discord speaks HTTP/2, so a bot multiplexes all its
     * requests over one connection; the fake speaks HTTP/1.1, where OkHttp's default pool (5 idle
     * connections) makes JDA open a new connection for most requests under load (measured: about
     * 0.7 per request at 64 in flight), which costs both sides CPU that real Discord would not.
     * Use it in benchmarks; end-to-end tests can keep JDA's default client.
     */
    public static OkHttpClient.Builder httpClientForLoad(int maxConcurrentRequests) {
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(Math.max(5, maxConcurrentRequests), 5, TimeUnit.MINUTES));
    }

    /** A file a user is about to attach to a slash command, hosted on the fake's CDN. */
    public FakeAttachment attachment(String filename, byte[] content) {
        return attachment(filename, content, content.length);
    }

    /** As {@link #attachment(String, byte[])}, with the size Discord claims (which may be a lie). */
    public FakeAttachment attachment(String filename, byte[] content, long claimedSize) {
        long id = Snowflake.next();
        return new FakeAttachment(id, filename, claimedSize, cdn.put(id, filename, content));
    }

    /** The fake's CDN: the files users attached and the bot sent. */
    public FakeCdn cdn() {
        return cdn;
    }

    public String restBaseUrl() {
        return "http://127.0.0.1:" + rest.port() + FakeRest.PREFIX + "/";
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /**
     * Waits until JDA reports CONNECTED (READY and every guild's GUILD_CREATE processed). Use this
     * rather than {@code jda.awaitReady()}, which waits 75 s if something is wrong.
     */
    public static void awaitConnected(JDA jda, Duration timeout) {
        CountDownLatch connected = new CountDownLatch(1);
        EventListener listener = event -> {
            if (event instanceof StatusChangeEvent && ((StatusChangeEvent) event).getNewStatus() == JDA.Status.CONNECTED) {
                connected.countDown();
            }
        };
        jda.addEventListener(listener);
        try {
            if (jda.getStatus() == JDA.Status.CONNECTED) {
                return;
            }
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("JDA did not connect to the fake within " + timeout + " (status " + jda.getStatus() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            jda.removeEventListener(listener);
        }
    }

    /** Waits until {@code count} gateway sessions have identified and received their guilds. */
    public void awaitGatewaySessions(int count, Duration timeout) {
        try {
            gateway.awaitIdentified(count, timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ---- the world ----------------------------------------------------------------------------

    public FakeUser botUser() {
        return bot;
    }

    /** The application id (equal to the bot user's id, as for any application made since 2019). */
    public long applicationId() {
        return applicationId;
    }

    /** The default guild. */
    public FakeGuild guild() {
        return defaultGuild;
    }

    public List<FakeGuild> guilds() {
        return List.copyOf(guilds);
    }

    /** A new guild with a fresh id (owned by "guild-owner", with #general), announced if a bot is connected. */
    public FakeGuild createGuild(String name) {
        return createGuild(name, Snowflake.next());
    }

    /**
     * A new guild with the given id; pick ids with {@link Snowflake#nextOnShard} to put guilds on
     * chosen shards. If a bot session owns the id's shard, it gets GUILD_CREATE (a join).
     */
    public FakeGuild createGuild(String name, long id) {
        FakeGuild g = newGuild(name, id, user("guild-owner"));
        g.textChannel("general");
        if (gateway != null) {
            gateway.dispatch(g.id(), "GUILD_CREATE", Json.bytes(g.toGuildCreateJson(bot)));
        }
        return g;
    }

    private FakeGuild newGuild(String name, long id, FakeUser owner) {
        FakeGuild g = new FakeGuild(this, id, name, owner, DEFAULT_EVERYONE_PERMISSIONS);
        g.addBot(bot, settings.botPermissions);
        guilds.add(g);
        return g;
    }

    /** A text channel of the default guild, made if missing. */
    public FakeChannel channel(String name) {
        return defaultGuild.textChannel(name);
    }

    /** The DM channel between the bot and a user. */
    public FakeChannel dm(FakeUser user) {
        return dms.computeIfAbsent(user.id(), k -> new FakeChannel(this, null, Snowflake.next(), "dm-" + user.username(),
                FakeChannel.DM, 0, 0, user));
    }

    /** A person, made on first use with a fresh id; a member of the default guild with @everyone only. */
    public FakeUser user(String name) {
        FakeUser u = usersByName.computeIfAbsent(name, n -> {
            FakeUser fresh = new FakeUser(Snowflake.next(), n, Character.toUpperCase(n.charAt(0)) + n.substring(1), false);
            usersById.put(fresh.id(), fresh);
            return fresh;
        });
        if (defaultGuild != null) {
            defaultGuild.member(u);
        }
        return u;
    }

    /** A person with the default guild's "Moderator" role (MANAGE_SERVER, MESSAGE_MANAGE, ...). */
    public FakeUser moderator(String name) {
        FakeUser u = user(name);
        defaultGuild.member(u).addRole(defaultGuild.role("Moderator"));
        return u;
    }

    /** The user's membership of the default guild. */
    public FakeMember member(FakeUser user) {
        return defaultGuild.member(user);
    }

    // ---- driving interactions -----------------------------------------------------------------

    /**
     * A person runs a slash command. If the bot has not registered the command (globally or in
     * the channel's guild) the fake still sends it but records a problem: on Discord nobody could
     * run it. Use {@link #awaitCommand} first when the bot registers on startup.
     */
    public InteractionHandle slashCommand(FakeUser user, FakeChannel channel, String command, InteractionOption... options) {
        return command(InteractionHandle.APPLICATION_COMMAND, user, channel, command, List.of(options));
    }

    /**
     * A person types into an autocompleted option; the bot must answer with choices (type 8).
     * Mark the option being typed with {@link InteractionOption#focused}.
     */
    public InteractionHandle autocomplete(FakeUser user, FakeChannel channel, String command, InteractionOption... options) {
        return command(InteractionHandle.AUTOCOMPLETE, user, channel, command, List.of(options));
    }

    /** Shorthand: autocomplete of one string option, e.g. ("practice", "topic", "mlo"). */
    public InteractionHandle autocomplete(FakeUser user, FakeChannel channel, String command, String option, String typed) {
        return autocomplete(user, channel, command, InteractionOption.focused(option, typed));
    }

    private InteractionHandle command(int type, FakeUser user, FakeChannel channel, String command, List<InteractionOption> options) {
        requireUsable(channel);
        long guildId = channel.guild() == null ? 0 : channel.guild().id();
        ObjectNode registered = commands.find(guildId, command, 1);
        if (registered == null) {
            problem("/" + command + " was dispatched but the bot never registered it");
        }
        long id = Snowflake.next();
        String token = newToken(id);
        ObjectNode p = basePayload(type, user, channel, id, token);
        ObjectNode data = p.putObject("data");
        data.put("id", registered == null ? Json.id(Snowflake.next()) : registered.get("id").asText());
        data.put("name", command);
        data.put("type", 1);
        ObjectNode resolved = Json.object();
        if (!options.isEmpty()) {
            data.set("options", InteractionOption.toJson(options, resolved, channel.guild()));
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        if (registered != null && registered.has("guild_id")) {
            data.put("guild_id", registered.get("guild_id").asText());
        }
        return dispatch(type, user, channel, null, command, p, id, token);
    }

    /**
     * A person clicks a button on a message the bot made. Fails (as the Discord client would not
     * let anyone click) if there is no such enabled button, the message is deleted, or it is
     * ephemeral and belongs to someone else. The payload carries the full stored message, so the
     * bot's {@code event.getMessage()} and {@code getButton()} work.
     */
    public InteractionHandle clickButton(FakeUser user, FakeMessage message, String customId) {
        ObjectNode component = usableComponent(user, message, customId);
        if (component.path("type").asInt() != 2) {
            throw new IllegalArgumentException("'" + customId + "' is not a button: " + component);
        }
        return componentInteraction(user, message, component, null);
    }

    /**
     * A click Discord itself would not vet: a button id that is not on the message, as a stale
     * component from an older version of the bot or a forged payload would carry. The bot must answer
     * politely rather than fail.
     */
    public InteractionHandle clickUnchecked(FakeUser user, FakeMessage message, String customId) {
        ObjectNode component = Json.object();
        component.put("type", 2);
        component.put("custom_id", customId);
        return componentInteraction(user, message, component, null);
    }

    /**
     * A person picks options of a string select menu (values must be among its options, and as
     * many as min/max_values allow).
     */
    public InteractionHandle selectMenu(FakeUser user, FakeMessage message, String customId, String... values) {
        ObjectNode component = usableComponent(user, message, customId);
        if (component.path("type").asInt() != 3) {
            throw new IllegalArgumentException("'" + customId + "' is not a string select menu: " + component);
        }
        List<String> allowed = new ArrayList<>();
        component.path("options").forEach(o -> allowed.add(o.path("value").asText()));
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("'" + v + "' is not an option of " + customId + " (options " + allowed + ")");
            }
        }
        int min = component.path("min_values").asInt(1);
        int max = component.path("max_values").asInt(1);
        if (values.length < min || values.length > max) {
            throw new IllegalArgumentException(values.length + " values, but " + customId + " takes " + min + ".." + max);
        }
        ArrayNode v = Json.array();
        for (String value : values) {
            v.add(value);
        }
        return componentInteraction(user, message, component, v);
    }

    /**
     * A person fills in and submits the modal the bot opened (a type 9 callback of
     * {@code openedBy}); {@code values} maps text input custom ids to what was typed.
     */
    public InteractionHandle submitModal(FakeUser user, InteractionHandle openedBy, Map<String, String> values) {
        Callback cb = openedBy.callback().orElseThrow(() -> new IllegalStateException(openedBy + " has no callback yet"));
        if (cb.type() != 9) {
            throw new IllegalStateException(openedBy + " was answered with type " + cb.type() + ", not a modal (9)");
        }
        JsonNode modal = cb.data();
        ArrayNode submitted = Json.array();
        List<String> inputs = new ArrayList<>();
        for (JsonNode row : modal.path("components")) {
            JsonNode input = row.path("type").asInt() == 18 ? row.get("component") : row.path("components").path(0);
            if (input == null || input.path("type").asInt() != 4) {
                continue;
            }
            String cid = input.path("custom_id").asText();
            inputs.add(cid);
            String value = values.get(cid);
            if (value == null && input.path("required").asBoolean(true)) {
                throw new IllegalArgumentException("text input '" + cid + "' is required");
            }
            ObjectNode label = submitted.addObject();
            label.put("type", 18);
            label.put("id", row.path("id").asInt(submitted.size() * 2 - 1));
            ObjectNode text = label.putObject("component");
            text.put("type", 4);
            text.put("id", input.path("id").asInt(submitted.size() * 2));
            text.put("custom_id", cid);
            text.put("value", value == null ? "" : value);
        }
        for (String key : values.keySet()) {
            if (!inputs.contains(key)) {
                throw new IllegalArgumentException("the modal has no text input '" + key + "' (inputs " + inputs + ")");
            }
        }
        FakeChannel channel = openedBy.channel();
        requireUsable(channel);
        long id = Snowflake.next();
        String token = newToken(id);
        ObjectNode p = basePayload(InteractionHandle.MODAL_SUBMIT, user, channel, id, token);
        ObjectNode data = p.putObject("data");
        data.put("custom_id", modal.path("custom_id").asText());
        data.set("components", submitted);
        FakeMessage source = openedBy.sourceMessage();
        if (source != null) {
            p.set("message", source.json());
        }
        return dispatch(InteractionHandle.MODAL_SUBMIT, user, channel, source, openedBy.commandName(), p, id, token, openedBy);
    }

    private ObjectNode usableComponent(FakeUser user, FakeMessage message, String customId) {
        if (message.isDeleted()) {
            throw new IllegalStateException(message + " is deleted");
        }
        if (message.ephemeralFor() != 0 && message.ephemeralFor() != user.id()) {
            throw new IllegalStateException(user + " cannot see the ephemeral " + message);
        }
        if (message.isLoading()) {
            throw new IllegalStateException(message + " is still loading (deferred, not edited yet)");
        }
        ObjectNode component = message.component(customId);
        if (component == null) {
            throw new IllegalArgumentException("no component '" + customId + "' on " + message + " (custom ids " + message.customIds() + ")");
        }
        if (component.path("disabled").asBoolean(false)) {
            throw new IllegalStateException("'" + customId + "' is disabled on " + message);
        }
        return component;
    }

    private InteractionHandle componentInteraction(FakeUser user, FakeMessage message, ObjectNode component, ArrayNode values) {
        FakeChannel channel = message.channel();
        requireUsable(channel);
        long id = Snowflake.next();
        String token = newToken(id);
        ObjectNode p = basePayload(InteractionHandle.MESSAGE_COMPONENT, user, channel, id, token);
        ObjectNode data = p.putObject("data");
        data.put("custom_id", component.path("custom_id").asText());
        data.put("component_type", component.path("type").asInt());
        if (component.has("id")) {
            data.put("id", component.get("id").asInt());
        }
        if (values != null) {
            data.set("values", values);
        }
        p.set("message", message.json());
        return dispatch(InteractionHandle.MESSAGE_COMPONENT, user, channel, message, null, p, id, token);
    }

    private void requireUsable(FakeChannel channel) {
        if (channel.isDeleted()) {
            throw new IllegalStateException(channel + " is deleted: nobody can interact there");
        }
    }

    private static String newToken(long id) {
        return "aW50ZXJhY3Rpb246" + Long.toUnsignedString(id) + ":" + UUID.randomUUID().toString().replace("-", "");
    }

    private ObjectNode basePayload(int type, FakeUser user, FakeChannel channel, long id, String token) {
        ObjectNode p = Json.object();
        p.put("id", Json.id(id));
        p.put("application_id", Json.id(applicationId));
        p.put("type", type);
        p.put("token", token);
        p.put("version", 1);
        FakeGuild g = channel.guild();
        ObjectNode ch = channel.toJson();
        if (g != null) {
            FakeMember member = g.member(user);
            p.put("guild_id", g.idString());
            p.set("guild", g.toPartialJson());
            // Both are the channel's: the guild's permissions after the channel's overwrites.
            ch.put("permissions", Long.toString(channel.permissionsOf(member)));
            p.set("member", member.toJson(true, true));
            p.put("app_permissions", Long.toString(channel.permissionsOf(g.member(bot))));
            p.put("guild_locale", g.locale());
            p.putObject("authorizing_integration_owners").put("0", g.idString());
            p.put("context", 0);
        } else {
            p.set("user", user.toJson());
            ch.put("permissions", Long.toString(DM_APP_PERMISSIONS));
            p.put("app_permissions", Long.toString(DM_APP_PERMISSIONS));
            p.putObject("authorizing_integration_owners").put("0", "0");
            p.put("context", 1);
        }
        p.set("channel", ch);
        p.put("channel_id", channel.idString());
        p.put("locale", user.locale());
        p.putArray("entitlements");
        p.put("attachment_size_limit", 10_485_760);
        return p;
    }

    private InteractionHandle dispatch(int type, FakeUser user, FakeChannel channel, FakeMessage source, String commandName,
            ObjectNode payload, long id, String token) {
        return dispatch(type, user, channel, source, commandName, payload, id, token, null);
    }

    private InteractionHandle dispatch(int type, FakeUser user, FakeChannel channel, FakeMessage source, String commandName,
            ObjectNode payload, long id, String token, InteractionHandle trigger) {
        byte[] bytes = Json.bytes(payload);
        long guildId = channel.guild() == null ? 0 : channel.guild().id();
        InteractionHandle h = new InteractionHandle(this, id, token, type, user, channel, source, commandName, bytes, System.nanoTime(), trigger);
        interactions.put(token, h);
        interactionOrder.add(token);
        if (interactionCount.incrementAndGet() > settings.interactionLimit) {
            String oldest = interactionOrder.poll();
            if (oldest != null) {
                interactions.remove(oldest);
                interactionCount.decrementAndGet();
            }
        }
        if (!gateway.dispatch(guildId, "INTERACTION_CREATE", bytes)) {
            interactions.remove(token);
            throw new IllegalStateException("no bot gateway session owns " + (channel.guild() == null ? "DMs (shard 0)" : channel.guild())
                    + "; is JDA connected?\n" + diagnostics());
        }
        return h;
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Commands the bot registered globally, as Discord returns them (with ids). */
    public List<JsonNode> registeredCommands() {
        List<JsonNode> out = new ArrayList<>();
        commands.list(0).forEach(out::add);
        return out;
    }

    /** Commands the bot registered in one guild. */
    public List<JsonNode> registeredCommands(FakeGuild guild) {
        List<JsonNode> out = new ArrayList<>();
        commands.list(guild.id()).forEach(out::add);
        return out;
    }

    /** Waits until a command of that name is registered (globally or in any guild) and returns it. */
    public JsonNode awaitCommand(String name, Duration timeout) {
        try {
            ObjectNode c = commands.await(name, timeout.toNanos());
            if (c == null) {
                throw new AssertionError("the bot did not register /" + name + " within " + timeout + "\n" + diagnostics());
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ---- recordings -------------------------------------------------------------------------

    /** Recorded REST requests, oldest first (the newest {@code requestLogLimit}). */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /**
     * How many distinct TCP connections the bot's HTTP client used so far (to spot connection
     * churn in benchmarks; real Discord speaks HTTP/2 over TLS, the fake HTTP/1.1 in clear).
     */
    public int restConnectionCount() {
        return rest.connectionCount();
    }

    /** How many REST requests were answered in all. */
    public long requestCount() {
        return requestsTotal.get();
    }

    /**
     * Waits for a recorded request matching the predicate (already recorded ones count), e.g.
     * {@code r -> r.is("POST", "/channels/" + ch.idString() + "/messages")}.
     */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> predicate, Duration timeout) {
        Waiter w = new Waiter(predicate, new CompletableFuture<>());
        waiters.add(w);
        try {
            for (RecordedRequest r : requests) {
                if (predicate.test(r)) {
                    return r;
                }
            }
            return w.future().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no matching request within " + timeout + "\n" + diagnostics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            waiters.remove(w);
        }
    }

    /** Messages the bot made in a channel (see {@link FakeChannel#messages()}). */
    public List<FakeMessage> messages(FakeChannel channel) {
        return channel.messages();
    }

    /** A message the bot made, by id, or null. */
    public FakeMessage messageById(long id) {
        return messagesById.get(id);
    }

    /** Everything the bot sent that Discord would refuse or does not know (see {@link ProtocolViolation}). */
    public List<ProtocolViolation> protocolViolations() {
        return List.copyOf(violations);
    }

    /** Fails, listing them, if the bot sent anything Discord's spec or rules refuse. */
    public void assertNoProtocolViolations() {
        if (!violations.isEmpty()) {
            StringBuilder sb = new StringBuilder(violations.size() + " protocol violation(s):");
            for (ProtocolViolation v : violations) {
                sb.append("\n  - ").append(v);
            }
            throw new AssertionError(sb.toString());
        }
    }

    /**
     * Other things a test should know about: unknown routes of the fake, privileged intents,
     * commands used before registration, double acknowledgements, webhooks used too early...
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void assertNoProblems() {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Forgets recorded requests, problems and violations (e.g. after a deliberate bad request). */
    public void clearRecords() {
        requests.clear();
        requestsKept.set(0);
        problems.clear();
        violations.clear();
    }

    /**
     * Checks the fake's own recorded JSON responses against the spec's response schemas and
     * lists the mismatches (the fake's tests use it to keep the fake honest).
     */
    List<String> responseSchemaMismatches() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            DiscordSpec.Operation op = spec.operation(r.method(), r.path());
            if (op == null || r.responseBody().isEmpty()) {
                continue;
            }
            DiscordSpec.Check check = spec.checkResponse(op, r.status(), Json.parse(r.responseBody()));
            if (check != null && !check.valid()) {
                out.add(r.method() + " " + op.template + " -> " + r.status() + ": " + check.messages()
                        + "\n      " + RecordedRequest.abbreviate(r.responseBody(), 600));
            }
        }
        return out;
    }

    /** Discord-like rate limits (per route and global), off until enabled. */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Simulates the network and Discord's own time: every REST answer comes this much later (half
     * before the fake handles the request, half after). Zero by default; a benchmark may set it to
     * Discord's usual round trip (tens to a hundred milliseconds) to see what waiting on Discord
     * costs. Each request holds one of the fake's REST threads meanwhile ({@link Builder#restThreads}).
     */
    public FakeDiscord restLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency " + latency);
        }
        restLatencyNanos = latency.toNanos();
        return this;
    }

    long restLatencyNanos() {
        return restLatencyNanos;
    }

    /**
     * Makes one route answer this much later than the others, e.g.
     * {@code routeLatency("DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original", ...)}
     * (the method and the spec's path template): on Discord two requests on different routes may
     * complete in either order, and a test can pick the order a bot must not depend on.
     */
    public FakeDiscord routeLatency(String methodAndTemplate, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency " + latency);
        }
        routeLatencyNanos.put(methodAndTemplate, latency.toNanos());
        return this;
    }

    long routeLatencyNanos(String methodAndTemplate) {
        return routeLatencyNanos.isEmpty() ? 0 : routeLatencyNanos.getOrDefault(methodAndTemplate, 0L);
    }

    // ---- gateway control ----------------------------------------------------------------------

    public List<GatewaySessionInfo> gatewaySessions() {
        List<GatewaySessionInfo> out = new ArrayList<>();
        for (FakeGateway.GatewaySession s : gateway.sessions()) {
            out.add(new GatewaySessionInfo(s.id, s.shardId, s.shardCount, s.intents, s.isConnected(), s.dispatched.get(), s.resumes.get()));
        }
        return out;
    }

    /** Sends op 7 RECONNECT to every session: JDA reconnects and RESUMEs; missed events are replayed. */
    public void requestReconnect() {
        gateway.requestReconnect();
    }

    /** Drops every gateway TCP connection without a close frame; JDA should RESUME. */
    public void dropGatewayConnections() {
        gateway.dropConnections();
    }

    /**
     * The gateway goes down: every connection drops and new ones are cut before the handshake, until
     * {@link #endGatewayOutage()}. REST keeps answering (a gateway outage, not a network failure).
     */
    public void gatewayOutage() {
        gateway.outage();
    }

    /** The gateway takes connections again; JDA reconnects on its next try (it backs off while it fails). */
    public void endGatewayOutage() {
        gateway.endOutage();
    }

    /** Invalidates every session (op 9, not resumable): JDA must IDENTIFY again. */
    public void invalidateSessions() {
        gateway.invalidateSessions();
    }

    /** Stops both servers. Shut JDA down first, or it will try to reconnect. */
    @Override
    public void close() {
        gateway.close();
        rest.close();
        cdn.close();
    }

    // ---- package-private plumbing for REST and gateway ----------------------------------------

    Settings settings() {
        return settings;
    }

    DiscordSpec spec() {
        return spec;
    }

    CommandStore commandStore() {
        return commands;
    }

    FakeGuild guildById(long id) {
        for (FakeGuild g : guilds) {
            if (g.id() == id) {
                return g;
            }
        }
        return null;
    }

    FakeChannel channelById(long id) {
        for (FakeGuild g : guilds) {
            FakeChannel c = g.channelById(id);
            if (c != null) {
                return c;
            }
        }
        for (FakeChannel c : dms.values()) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    FakeUser userById(long id) {
        return usersById.get(id);
    }

    InteractionHandle interaction(String token) {
        return interactions.get(token);
    }

    void announce(FakeGuild guild, String type, ObjectNode d) {
        if (gateway != null) {
            gateway.dispatch(guild.id(), type, Json.bytes(d));
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    void violation(ProtocolViolation v) {
        violations.add(v);
    }

    void record(RecordedRequest r) {
        requests.addLast(r);
        requestsTotal.incrementAndGet();
        if (requestsKept.incrementAndGet() > settings.requestLogLimit) {
            requests.pollFirst();
            requestsKept.decrementAndGet();
        }
        if (!waiters.isEmpty()) {
            for (Waiter w : waiters) {
                if (w.predicate().test(r)) {
                    w.future().complete(r);
                }
            }
        }
    }

    /** Checks a body, reusing the verdict for a byte-identical body (load tests repeat bodies). */
    DiscordSpec.Check check(DiscordSpec.Operation op, JsonNode json, String bodyText) {
        if (bodyText.length() > 8192) {
            return spec.check(op, json);
        }
        String key = op.method + op.template + "\n" + bodyText;
        DiscordSpec.Check cached = checkCache.get(key);
        if (cached == null) {
            cached = spec.check(op, json);
            if (checkCache.size() > 4096) {
                checkCache.clear();
            }
            checkCache.put(key, cached);
        }
        return cached;
    }

    private int interactionMessageType(InteractionHandle h) {
        return h.commandName() != null ? MessageFactory.CHAT_INPUT_COMMAND : MessageFactory.REPLY;
    }

    FakeMessage createInteractionMessage(InteractionHandle h, JsonNode data, boolean loading) {
        return createInteractionMessage(h, data, loading, Json.array());
    }

    /** {@code files}: the files of a multipart callback (a reply with an attachment). */
    FakeMessage createInteractionMessage(InteractionHandle h, JsonNode data, boolean loading, ArrayNode files) {
        long id = Snowflake.next();
        JsonNode body = data == null || data.isMissingNode() || data.isNull() ? Json.object() : data;
        if (loading) {
            ObjectNode onlyFlags = Json.object();
            onlyFlags.put("flags", body.path("flags").asInt(0) & FakeMessage.EPHEMERAL);
            body = onlyFlags;
        }
        ObjectNode json = MessageFactory.create(id, h.channel(), interactionMessageType(h), bot, body,
                loading ? Json.array() : files, h, loading, applicationId);
        return store(new FakeMessage(id, h.channel(), json, ephemeralFor(json, h.user()), h.token()));
    }

    FakeMessage createFollowUp(InteractionHandle h, JsonNode body, ArrayNode files) {
        long id = Snowflake.next();
        ObjectNode json = MessageFactory.create(id, h.channel(), interactionMessageType(h), bot, body, files, h, false, applicationId);
        FakeMessage m = store(new FakeMessage(id, h.channel(), json, ephemeralFor(json, h.user()), h.token()));
        h.addFollowUpMessage(m);
        return m;
    }

    FakeMessage createChannelMessage(FakeChannel channel, JsonNode body, ArrayNode files) {
        long id = Snowflake.next();
        int type = body.hasNonNull("message_reference") ? MessageFactory.REPLY : MessageFactory.DEFAULT;
        ObjectNode json = MessageFactory.create(id, channel, type, bot, body, files, null, false, applicationId);
        json.put("flags", json.path("flags").asInt() & ~FakeMessage.EPHEMERAL); // only interactions can be ephemeral
        return store(new FakeMessage(id, channel, json, 0, null));
    }

    private static long ephemeralFor(ObjectNode json, FakeUser user) {
        return (json.path("flags").asInt() & FakeMessage.EPHEMERAL) != 0 ? user.id() : 0;
    }

    private FakeMessage store(FakeMessage m) {
        m.channel().store(m);
        messagesById.put(m.id(), m);
        messageOrder.add(m);
        if (messageCount.incrementAndGet() > settings.messageLimit) {
            FakeMessage oldest = messageOrder.poll();
            if (oldest != null) {
                messageCount.decrementAndGet();
                messagesById.remove(oldest.id());
                oldest.channel().forget(oldest.id());
            }
        }
        return m;
    }

    ObjectNode selfUserJson() {
        ObjectNode u = bot.toJson();
        u.put("bot", true);
        u.put("verified", true);
        u.put("mfa_enabled", false);
        u.putNull("email");
        u.put("locale", "en-US");
        u.putNull("banner");
        u.putNull("accent_color");
        u.put("bio", "");
        return u;
    }

    ObjectNode applicationJson() {
        ObjectNode a = Json.object();
        a.put("id", Json.id(applicationId));
        a.put("name", bot.username());
        a.putNull("icon");
        a.put("description", "");
        a.put("summary", "");
        a.putNull("type");
        a.put("is_monetized", false);
        a.put("is_verified", false);
        a.put("is_discoverable", false);
        a.put("bot_public", true);
        a.put("bot_require_code_grant", false);
        a.put("verify_key", "0".repeat(64));
        a.put("flags", (1 << 19) | (1 << 23));
        a.put("hook", true);
        a.putArray("redirect_uris");
        a.putNull("interactions_endpoint_url");
        a.putNull("role_connections_verification_url");
        a.put("approximate_guild_count", guilds.size());
        a.set("bot", selfUserJson());
        a.set("owner", usersByName.get("guild-owner").toJson());
        a.putNull("team");
        a.putObject("integration_types_config").putObject("0");
        return a;
    }

    ObjectNode gatewayBotJson() {
        ObjectNode g = Json.object();
        g.put("url", gatewayUrl());
        g.put("shards", settings.recommendedShards);
        ObjectNode limit = g.putObject("session_start_limit");
        limit.put("total", 1000);
        limit.put("remaining", 1000);
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", settings.maxConcurrency);
        return g;
    }

    /** A dump of the fake's recent state, for failure messages. */
    String diagnostics() {
        StringBuilder sb = new StringBuilder("fake Discord state:");
        sb.append("\n  gateway sessions: ").append(gatewaySessions());
        sb.append("\n  problems (").append(problems.size()).append("):");
        problems.stream().limit(10).forEach(p -> sb.append("\n    - ").append(p));
        sb.append("\n  protocol violations (").append(violations.size()).append("):");
        violations.stream().limit(5).forEach(v -> sb.append("\n    - ").append(v));
        sb.append("\n  last requests of ").append(requestsTotal.get()).append(":");
        List<RecordedRequest> all = new ArrayList<>(requests);
        all.subList(Math.max(0, all.size() - 8), all.size()).forEach(r -> sb.append("\n    ").append(r));
        return sb.toString();
    }
}
