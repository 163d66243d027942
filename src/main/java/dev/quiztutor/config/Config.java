package dev.quiztutor.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.store.EventRetention;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.review.FsrsScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bot's configuration, bound from a YAML file (see {@code config/quiztutor.example.yml}). Every
 * key is optional and has a sensible default; unknown keys are rejected so a typo never goes unseen.
 * Secrets (the Discord token) never live here: they come from the environment.
 */
public record Config(
        @JsonProperty("quizzes") List<Path> quizzes,
        @JsonProperty("tutor") Tutor tutor,
        @JsonProperty("discord") Discord discord,
        @JsonProperty("storage") Storage storage,
        @JsonProperty("schedule") Schedule schedule,
        @JsonProperty("tests") Tests tests,
        @JsonProperty("review") Review review,
        @JsonProperty("bank") Bank bank,
        @JsonProperty("metrics") Metrics metrics) {

    public static final Config DEFAULT = new Config(null, null, null, null, null, null, null, null, null);

    public Config {
        quizzes = quizzes == null || quizzes.isEmpty() ? List.of(Path.of("quizzes")) : List.copyOf(quizzes);
        tutor = tutor == null ? Tutor.DEFAULT : tutor;
        discord = discord == null ? Discord.DEFAULT : discord;
        storage = storage == null ? Storage.DEFAULT : storage;
        schedule = schedule == null ? Schedule.DEFAULT : schedule;
        tests = tests == null ? Tests.DEFAULT : tests;
        review = review == null ? Review.DEFAULT : review;
        bank = bank == null ? Bank.DEFAULT : bank;
        metrics = metrics == null ? Metrics.DEFAULT : metrics;
    }

    /** The same config with the environment's overrides applied: URLs, and secrets that never live in the file. */
    public Config withEnvironment(java.util.Map<String, String> env) {
        return new Config(quizzes, tutor, discord.withEnvironment(env), storage.withEnvironment(env), schedule, tests,
                review, bank, metrics);
    }

    /**
     * Where the bot keeps attempts, figures, tests and schedules: an SQLite file by default, or a
     * PostgreSQL server (a {@code jdbc:postgresql:} url) shared by several processes. The password
     * comes from QUIZTUTOR_STORAGE_PASSWORD, never from the file.
     */
    public record Storage(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("poolSize") Integer poolSize,
            @JsonProperty("keepEventsDays") Integer keepEventsDays) {

        public static final String ENV_URL = "QUIZTUTOR_STORAGE_URL";
        /** The database password: read from the environment only, so it never lands in a committed file. */
        public static final String ENV_PASSWORD = "QUIZTUTOR_STORAGE_PASSWORD";
        public static final Storage DEFAULT = new Storage(null, null, null, null);

        public Storage {
            url = Blank.toNull(url) == null ? "jdbc:sqlite:data/quiztutor.db" : url.trim();
            user = Blank.toNull(user);
            poolSize = poolSize == null ? 8 : poolSize;
            if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
                throw new ConfigValueException("storage.url", "must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, not "
                        + url);
            }
            if (poolSize < 1 || poolSize > 100) {
                throw new ConfigValueException("storage.poolSize", "must be from 1 to 100, not " + poolSize);
            }
            keepEventsDays = keepEventsDays == null ? 0 : keepEventsDays;
            if (keepEventsDays != 0 && (keepEventsDays < EventRetention.MIN_DAYS || keepEventsDays > 36_500)) {
                throw new ConfigValueException("storage.keepEventsDays", "must be 0 (keep every event) or from "
                        + EventRetention.MIN_DAYS + " to 36500, not " + keepEventsDays + ": the monthly leaderboard"
                        + " counts this month's answers from their events, and a month has up to 31 days");
            }
        }

        /** How long attempt events are kept; empty: for ever (the default). */
        public java.util.Optional<Duration> keepEvents() {
            return keepEventsDays == 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofDays(keepEventsDays));
        }

        Storage withEnvironment(java.util.Map<String, String> env) {
            String envUrl = Blank.toNull(env.get(ENV_URL));
            return new Storage(envUrl != null ? envUrl : url, user, poolSize, keepEventsDays);
        }
    }

    /**
     * Where and how the bot talks to Discord. The URLs point JDA at a REST proxy or a test server;
     * they default to Discord's own. The token is not here: it comes from DISCORD_TOKEN.
     */
    public record Discord(
            @JsonProperty("apiBaseUrl") String apiBaseUrl,
            @JsonProperty("gatewayUrl") String gatewayUrl,
            @JsonProperty("devGuildId") Long devGuildId,
            @JsonProperty("shards") Shards shards,
            @JsonProperty("workers") Integer workers,
            @JsonProperty("deferAfter") String deferAfter,
            @JsonProperty("liveCountInterval") String liveCountInterval) {

        public static final String ENV_API_BASE_URL = "QUIZTUTOR_DISCORD_API_BASE_URL";
        public static final String ENV_GATEWAY_URL = "QUIZTUTOR_DISCORD_GATEWAY_URL";
        public static final Discord DEFAULT = new Discord(null, null, null, null, null, null, null);
        /**
         * Workers mostly wait on the store's commit; more of them let more answers share one commit
         * (see BENCHMARKS.md), and an idle thread costs little.
         */
        public static final int DEFAULT_WORKERS = 32;

        public Discord {
            apiBaseUrl = Blank.toNull(apiBaseUrl);
            gatewayUrl = Blank.toNull(gatewayUrl);
            shards = shards == null ? Shards.DEFAULT : shards;
            workers = workers == null ? DEFAULT_WORKERS : workers;
            deferAfter = deferAfter == null ? "1500ms" : deferAfter;
            liveCountInterval = liveCountInterval == null ? "5s" : liveCountInterval;
            if (apiBaseUrl != null && !apiBaseUrl.matches("https?://.+")) {
                throw new ConfigValueException("discord.apiBaseUrl", "must be an http:// or https:// URL, not " + apiBaseUrl);
            }
            if (gatewayUrl != null && !gatewayUrl.matches("wss?://.+")) {
                throw new ConfigValueException("discord.gatewayUrl", "must be a ws:// or wss:// URL, not " + gatewayUrl);
            }
            if (workers < 1 || workers > 256) {
                throw new ConfigValueException("discord.workers", "must be from 1 to 256, not " + workers);
            }
            Duration defer = DurationText.parse("discord.deferAfter", deferAfter);
            if (defer.toMillis() < 100 || defer.toMillis() > 2500) {
                throw new ConfigValueException("discord.deferAfter", "must be from 100ms to 2500ms: Discord wants an "
                        + "answer within 3 seconds");
            }
            if (DurationText.parse("discord.liveCountInterval", liveCountInterval).toMillis() < 1000) {
                throw new ConfigValueException("discord.liveCountInterval", "must be at least 1s (Discord's rate limits)");
            }
        }

        Discord withEnvironment(java.util.Map<String, String> env) {
            String api = Blank.toNull(env.get(ENV_API_BASE_URL));
            String gateway = Blank.toNull(env.get(ENV_GATEWAY_URL));
            return new Discord(api != null ? api : apiBaseUrl, gateway != null ? gateway : gatewayUrl, devGuildId, shards,
                    workers, deferAfter, liveCountInterval);
        }

        /** The REST base URL, with the trailing slash JDA needs. */
        public java.util.Optional<String> restBaseUrl() {
            return java.util.Optional.ofNullable(apiBaseUrl).map(u -> u.endsWith("/") ? u : u + "/");
        }

        public java.util.Optional<String> gateway() {
            return java.util.Optional.ofNullable(gatewayUrl);
        }

        public Duration deferAfterDuration() {
            return DurationText.parse(deferAfter);
        }

        public Duration liveCountIntervalDuration() {
            return DurationText.parse(liveCountInterval);
        }
    }

    /**
     * Sharding: {@code total} shards across all processes, {@code ids} the ones this process runs
     * (all when empty). Each process runs the schedules of its own shards' guilds.
     */
    public record Shards(@JsonProperty("total") Integer total, @JsonProperty("ids") List<Integer> ids) {
        public static final Shards DEFAULT = new Shards(null, null);

        public Shards {
            total = total == null ? 1 : total;
            ids = ids == null ? List.of() : List.copyOf(ids);
            if (total < 1) {
                throw new ConfigValueException("discord.shards.total", "must be at least 1");
            }
            for (int id : ids) {
                if (id < 0 || id >= total) {
                    throw new ConfigValueException("discord.shards.ids", "must be from 0 to " + (total - 1) + ", not " + id);
                }
            }
        }
    }


    /**
     * Moderators' daily posts: a slot missed while the bot was down is still posted if it is at most
     * {@code graceWindow} late; schedules are checked every {@code tick}; a schedule pauses itself after
     * {@code pauseAfterFailures} failed posts in a row; a check posts to {@code postsAtOnce} channels
     * at a time.
     */
    public record Schedule(
            @JsonProperty("graceWindow") String graceWindow,
            @JsonProperty("tick") String tick,
            @JsonProperty("pauseAfterFailures") Integer pauseAfterFailures,
            @JsonProperty("postsAtOnce") Integer postsAtOnce) {

        public static final Schedule DEFAULT = new Schedule(null, null, null, null);

        public Schedule {
            graceWindow = graceWindow == null ? "2h" : graceWindow;
            tick = tick == null ? "20s" : tick;
            pauseAfterFailures = pauseAfterFailures == null ? 3 : pauseAfterFailures;
            postsAtOnce = postsAtOnce == null ? Scheduler.Settings.DEFAULT_POSTS_AT_ONCE : postsAtOnce;
            Duration grace = DurationText.parse("schedule.graceWindow", graceWindow);
            if (grace.isNegative() || grace.compareTo(Duration.ofHours(23)) > 0) {
                throw new ConfigValueException("schedule.graceWindow", "must be from 0s to 23h");
            }
            Duration every = DurationText.parse("schedule.tick", tick);
            if (every.toMillis() < 1000 || every.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new ConfigValueException("schedule.tick", "must be from 1s to 5m");
            }
            if (pauseAfterFailures < 1 || pauseAfterFailures > 100) {
                throw new ConfigValueException("schedule.pauseAfterFailures", "must be from 1 to 100");
            }
            if (postsAtOnce < 1 || postsAtOnce > Scheduler.Settings.MAX_POSTS_AT_ONCE) {
                throw new ConfigValueException("schedule.postsAtOnce", "must be from 1 to "
                        + Scheduler.Settings.MAX_POSTS_AT_ONCE);
            }
        }

        public Duration graceWindowDuration() {
            return DurationText.parse(graceWindow);
        }

        public Duration tickDuration() {
            return DurationText.parse(tick);
        }
    }

    /**
     * The operator's quiz files: with {@code reload}, a file changed, added or removed is picked up
     * while the bot runs (change events, and a re-scan every {@code scanEvery} where the file system
     * sends none).
     */
    public record Bank(
            @JsonProperty("reload") Boolean reload,
            @JsonProperty("scanEvery") String scanEvery,
            @JsonProperty("maxFileBytes") Integer maxFileBytes,
            @JsonProperty("topicsPerServer") Integer topicsPerServer,
            @JsonProperty("questionsPerServer") Integer questionsPerServer,
            @JsonProperty("suggestionsPerDay") Integer suggestionsPerDay) {
        public static final Bank DEFAULT = new Bank(null, null, null, null, null, null);

        public Bank {
            reload = reload == null || reload;
            scanEvery = scanEvery == null ? "5s" : scanEvery;
            maxFileBytes = maxFileBytes == null ? 1024 * 1024 : maxFileBytes;
            topicsPerServer = topicsPerServer == null ? 50 : topicsPerServer;
            questionsPerServer = questionsPerServer == null ? 5000 : questionsPerServer;
            suggestionsPerDay = suggestionsPerDay == null ? 5 : suggestionsPerDay;
            if (maxFileBytes < 1024 || maxFileBytes > 25 * 1024 * 1024) {
                throw new ConfigValueException("bank.maxFileBytes", "must be from 1024 to 26214400 (25 MiB), not " + maxFileBytes);
            }
            if (topicsPerServer < 0 || topicsPerServer > 1000) {
                throw new ConfigValueException("bank.topicsPerServer", "must be from 0 to 1000, not " + topicsPerServer);
            }
            if (questionsPerServer < 0 || questionsPerServer > 100_000) {
                throw new ConfigValueException("bank.questionsPerServer", "must be from 0 to 100000, not " + questionsPerServer);
            }
            if (suggestionsPerDay < 0 || suggestionsPerDay > 1000) {
                throw new ConfigValueException("bank.suggestionsPerDay", "must be from 0 to 1000, not " + suggestionsPerDay);
            }
            Duration every = DurationText.parse("bank.scanEvery", scanEvery);
            if (every.toMillis() < 1000 || every.compareTo(Duration.ofHours(1)) > 0) {
                throw new ConfigValueException("bank.scanEvery", "must be from 1s to 1h, not " + scanEvery);
            }
        }

        public Duration scanEveryDuration() {
            return DurationText.parse(scanEvery);
        }
    }

    /** Topic tests: one nobody touched for {@code abandonAfter} is deleted, and can no longer be resumed. */
    public record Tests(@JsonProperty("abandonAfter") String abandonAfter) {
        public static final Tests DEFAULT = new Tests(null);

        public Tests {
            abandonAfter = abandonAfter == null ? "7d" : abandonAfter;
            Duration after = DurationText.parse("tests.abandonAfter", abandonAfter);
            if (after.compareTo(Duration.ofHours(1)) < 0 || after.compareTo(Duration.ofDays(365)) > 0) {
                throw new ConfigValueException("tests.abandonAfter", "must be from 1h to 365d, not " + abandonAfter);
            }
        }

        public Duration abandonAfterDuration() {
            return DurationText.parse(abandonAfter);
        }
    }

    /**
     * Spaced review (FSRS): {@code retention} is the recall probability a question is brought back at,
     * from 0.7 to 0.99 as Anki allows: higher asks more often, and near 1 the reviews pile up.
     */
    public record Review(@JsonProperty("retention") @JsonDeserialize(using = ShareText.class) Double retention) {
        public static final Review DEFAULT = new Review(null);

        public Review {
            retention = retention == null ? FsrsScheduler.DEFAULT_RETENTION : retention;
            if (!(retention >= 0.7 && retention <= 0.99)) {
                throw new ConfigValueException("review.retention", "must be from 0.7 to 0.99, not " + retention);
            }
        }

        /** The scheduler the tutor reviews with: default FSRS-6 weights, this retention, no learning steps. */
        public FsrsScheduler scheduler() {
            return FsrsScheduler.tutor(retention);
        }
    }

    /** How practice is scored and how many live attempts are kept in memory. */
    public record Tutor(
            @JsonProperty("wrongTryPenalty") @JsonDeserialize(using = ShareText.class) Double wrongTryPenalty,
            @JsonProperty("hintPenalty") @JsonDeserialize(using = ShareText.class) Double hintPenalty,
            @JsonProperty("attemptCache") AttemptCache attemptCache) {

        public static final Tutor DEFAULT = new Tutor(null, null, null);

        public Tutor {
            wrongTryPenalty = wrongTryPenalty == null ? ScoringPolicy.DEFAULT_WRONG_TRY_PENALTY : wrongTryPenalty;
            hintPenalty = hintPenalty == null ? ScoringPolicy.DEFAULT_HINT_PENALTY : hintPenalty;
            attemptCache = attemptCache == null ? AttemptCache.DEFAULT : attemptCache;
            if (wrongTryPenalty < 0 || wrongTryPenalty > 1) {
                throw new ConfigValueException("tutor.wrongTryPenalty", "must be from 0 to 1, not " + wrongTryPenalty);
            }
            if (hintPenalty < 0 || hintPenalty > 1) {
                throw new ConfigValueException("tutor.hintPenalty", "must be from 0 to 1, not " + hintPenalty);
            }
        }

        public ScoringPolicy scoring() {
            return new ScoringPolicy(wrongTryPenalty, hintPenalty);
        }
    }

    /** The Caffeine cache of live attempts. */
    public record AttemptCache(
            @JsonProperty("maximumSize") Long maximumSize,
            @JsonProperty("expireAfterAccess") String expireAfterAccess) {

        public static final AttemptCache DEFAULT = new AttemptCache(null, null);

        public AttemptCache {
            maximumSize = maximumSize == null ? LiveAttempts.Settings.DEFAULT.maximumSize() : maximumSize;
            expireAfterAccess = expireAfterAccess == null
                    ? DurationText.format(LiveAttempts.Settings.DEFAULT.expireAfterAccess()) : expireAfterAccess;
            if (maximumSize < 1) {
                throw new ConfigValueException("tutor.attemptCache.maximumSize", "must be at least 1");
            }
            Duration expiry = DurationText.parse("tutor.attemptCache.expireAfterAccess", expireAfterAccess);
            if (expiry.isZero() || expiry.isNegative()) {
                throw new ConfigValueException("tutor.attemptCache.expireAfterAccess", "must be positive");
            }
        }

        public LiveAttempts.Settings settings() {
            return new LiveAttempts.Settings(maximumSize, DurationText.parse(expireAfterAccess));
        }
    }

    /**
     * The operator's HTTP port for Prometheus ({@code /metrics}) and health checks ({@code /health}):
     * off unless {@code port} is set, and on the loopback address unless {@code bind} says otherwise
     * (the figures are no secret, but nobody outside needs them).
     */
    public record Metrics(@JsonProperty("port") Integer port, @JsonProperty("bind") String bind) {
        public static final Metrics DEFAULT = new Metrics(null, null);

        public Metrics {
            bind = Blank.toNull(bind) == null ? "127.0.0.1" : bind.trim();
            if (port != null && (port < 1 || port > 65535)) {
                throw new ConfigValueException("metrics.port", "must be from 1 to 65535, not " + port
                        + " (leave it out to keep the metrics port off)");
            }
        }

        public boolean enabled() {
            return port != null;
        }
    }
}
