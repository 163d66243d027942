package dev.quiztutor.bench.fanout;

import dev.quiztutor.App;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.config.Config;
import dev.quiztutor.discord.BenchAccess;
import dev.quiztutor.discord.DiscordBot;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.RateLimits;
import dev.quiztutor.discord.fake.RecordedRequest;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.PostResult;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduleStore;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.schedule.Slot;
import dev.quiztutor.schedule.SlotRecord;
import dev.quiztutor.schedule.SlotState;
import dev.quiztutor.schedule.Timetable;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.Tutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Fan-out: {@code guilds} guilds whose daily post is due in the same minute, through the real path.
 * The bot is {@link DiscordBot#start} as {@code quiztutor run} wires it (the default config's
 * settings, SQLite, the shipped bank) against the fake Discord, in this JVM; every guild has a
 * channel and a schedule stored through {@link ScheduleStore#create}, all due at the same instant
 * (17:00 UTC, written in five time zones). A test clock is set to that instant and the bot's own
 * {@link Scheduler} runs passes ({@link Scheduler#tick}) until every slot is settled; its
 * {@code ChannelPoster} posts through JDA. Measured: from the start of the first pass until the
 * fake accepted the last post; checked: every guild got exactly one post, every slot is recorded
 * as posted once, no request was refused (other than 429s), and JDA waited out every global
 * {@code Retry-After}.
 *
 * <p>Each "day" posts the same schedules' slots of the next day, so one bot (one start-up with
 * 1,000 GUILD_CREATEs) serves several variants: the scheduler as shipped (several channels at once,
 * paced under the global limit), the design before it as the baseline (one post at a time,
 * unpaced), and other ways to run the same posts (the real {@code Scheduler} with
 * {@link Variant#posters} posts at once over an unpaced ChannelPoster; optionally paced by the
 * benchmark).
 */
public final class FanoutBench implements AutoCloseable {
    /** Which of the fake's Discord-like limits are on. */
    public enum Limits {
        NONE("none"),
        ROUTE("per-route"),
        ROUTE_AND_GLOBAL("per-route + global 50/s");

        public final String label;

        Limits(String label) {
            this.label = label;
        }
    }

    /**
     * How the due slots are posted. {@code posters == 0}: the bot's own scheduler, as shipped
     * ({@link Scheduler.Settings#DEFAULT_POSTS_AT_ONCE} channels at once, its poster paced under the
     * global limit). {@code posters > 0}: the real Scheduler with that many posts at once, unpaced;
     * {@code pacePerSecond > 0} spaces the posts' starts evenly at that rate; {@code timed} measures
     * the time spent inside {@code Poster.post}.
     */
    public record Variant(String name, Limits limits, int posters, double pacePerSecond, boolean timed,
                          Duration latency) {
        public static Variant shipped(Limits limits) {
            return new Variant("shipped: " + Scheduler.Settings.DEFAULT_POSTS_AT_ONCE + " at once, paced", limits, 0, 0,
                    false, Duration.ZERO);
        }

        /** The baseline: the scheduler before this benchmark, one post at a time, unpaced. */
        public static Variant sequential(Limits limits) {
            return new Variant("baseline: one at a time, unpaced", limits, 1, 0, false, Duration.ZERO);
        }

        public static Variant timedSequential(Limits limits) {
            return new Variant("baseline, post() timed", limits, 1, 0, true, Duration.ZERO);
        }

        public static Variant concurrent(int posters, Limits limits) {
            return new Variant(posters + " at once, unpaced", limits, posters, 0, false, Duration.ZERO);
        }

        public static Variant paced(int posters, double perSecond, Limits limits) {
            return new Variant(posters + " at once, paced " + (int) perSecond + "/s", limits, posters,
                    perSecond, false, Duration.ZERO);
        }

        /** The same with every REST answer {@code latency} later (Discord's round trip; the fake's is ~1 ms). */
        public Variant withLatency(Duration latency) {
            return new Variant(name, limits, posters, pacePerSecond, timed, latency);
        }

        /** "loopback", or the simulated round trip. */
        public String network() {
            return latency.isZero() ? "loopback" : latency.toMillis() + " ms round trip";
        }

        public String label() {
            return name + ", limits: " + limits.label + ", " + network();
        }

        /**
         * From {@code bench.fanout.variants}: {@code shipped:L}, {@code sequential:L}, {@code timed:L},
         * {@code threads:K:L},
         * {@code paced:K:RATE:L}, with L one of none, route, global (per-route + global), and
         * optionally {@code @MS}: a simulated round trip of that many milliseconds.
         */
        public static Variant parse(String spec) {
            String[] at = spec.trim().split("@");
            Duration latency = at.length > 1 ? Duration.ofMillis(Long.parseLong(at[1])) : Duration.ZERO;
            return parseLimits(at[0]).withLatency(latency);
        }

        private static Variant parseLimits(String spec) {
            String[] p = spec.split(":");
            Limits limits = switch (p[p.length - 1]) {
                case "none" -> Limits.NONE;
                case "route" -> Limits.ROUTE;
                case "global" -> Limits.ROUTE_AND_GLOBAL;
                default -> throw new IllegalArgumentException("limits of " + spec + ": none, route or global");
            };
            return switch (p[0]) {
                case "shipped" -> shipped(limits);
                case "sequential" -> sequential(limits);
                case "timed" -> timedSequential(limits);
                case "threads" -> concurrent(Integer.parseInt(p[1]), limits);
                case "paced" -> paced(Integer.parseInt(p[1]), Double.parseDouble(p[2]), limits);
                default -> throw new IllegalArgumentException("variant " + spec);
            };
        }
    }

    /**
     * One day's fan-out. Times in seconds; {@code secondsToLast} from the first pass's start to the
     * fake's answer to the last accepted post. {@code refused}: requests answered with a status of
     * 400 or more other than 429. {@code postSeconds}: time inside {@code Poster.post}, summed
     * (timed variants only, else -1).
     */
    public record Result(Variant variant, int guilds, int passes, double secondsToLast, double passSeconds,
                         long requests, long global429, long route429, long ignoredRetryAfter, long refused,
                         int guildsWithOnePost, int guildsWithMore, int slotsPostedOnce, Map<String, Integer> otherSlots,
                         double cpuSeconds, double postSeconds, double fakeServiceMillis, int maxPostsInASecond,
                         double earliestRetryMillis, List<Integer> acceptedPerSecond) {
        /** The ideal bound under the global limit: every post at exactly 50 a second. */
        public double boundSeconds() {
            return guilds / (double) RateLimits.DISCORD_GLOBAL_PER_SECOND;
        }

        public double ratioToBound() {
            return secondsToLast / boundSeconds();
        }

        /** Exactly one post per guild, every slot posted once, nothing refused, every global wait honoured. */
        public boolean correct() {
            return guildsWithOnePost == guilds && guildsWithMore == 0 && slotsPostedOnce == guilds && refused == 0
                    && ignoredRetryAfter == 0;
        }
    }

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant FIRST_DUE = Instant.parse("2026-11-23T17:00:00Z");
    /** 17:00 UTC in five zones (no daylight-saving change in the weeks this runs through). */
    private static final List<Map.Entry<String, LocalTime>> ZONES = List.of(
            Map.entry("UTC", LocalTime.of(17, 0)),
            Map.entry("Europe/London", LocalTime.of(17, 0)),
            Map.entry("Europe/Berlin", LocalTime.of(18, 0)),
            Map.entry("America/New_York", LocalTime.of(12, 0)),
            Map.entry("Asia/Kolkata", LocalTime.of(22, 30)));
    private static final Pattern CHANNEL_POST = Pattern.compile("/channels/(\\d+)/messages");
    private static final int MAX_PASSES = 6;

    private final int guilds;
    private final FakeDiscord discord;
    private final TestClock clock;
    private final Storage storage;
    private final Tutor tutor;
    private final DiscordBot bot;
    private final DiscordBot.Settings settings;
    private final List<Schedule> schedules = new ArrayList<>();
    private final Map<Long, FakeChannel> channelOf = new HashMap<>();
    private int day;

    private FanoutBench(int guilds, Path dir) throws Exception {
        this.guilds = guilds;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("quiztutor.db"));
        Files.deleteIfExists(dir.resolve("quiztutor.db-wal"));
        Files.deleteIfExists(dir.resolve("quiztutor.db-shm"));
        clock = new TestClock(START);
        discord = FakeDiscord.builder()
                .restThreads(64)
                .messageLimit(guilds * 12 + 1000)
                .requestLogLimit(guilds * 30)
                .start();
        List<FakeGuild> made = new ArrayList<>();
        for (int i = 0; i < guilds; i++) {
            made.add(discord.createGuild("Study group " + i));
        }
        storage = Storage.open(StorageSettings.sqlite(dir.resolve("quiztutor.db").toString()), clock);
        QuizBank bank = BankLoader.load(Path.of("quizzes")).bank();
        tutor = App.tutor(Config.DEFAULT, bank, storage, clock);
        for (int i = 0; i < guilds; i++) {
            FakeGuild g = made.get(i);
            FakeChannel channel = g.textChannel("general");
            Map.Entry<String, LocalTime> zone = ZONES.get(i % ZONES.size());
            Schedule s = storage.schedules().create(new NewSchedule(g.id(), channel.id(),
                    new Timetable(zone.getValue(), ZoneId.of(zone.getKey()), Days.EVERY_DAY),
                    new QuestionChoice(Optional.empty(), Optional.empty(), QuestionKind.CHOICE), Optional.empty(),
                    Optional.empty(), g.ownerId()));
            schedules.add(s);
            channelOf.put(s.id(), channel);
        }
        // As `quiztutor run` with the default config, but for where Discord is; the scheduler's own
        // timer gets a day between passes, so that only this benchmark's passes post.
        DiscordBot.Settings d = App.discordSettings(Config.DEFAULT);
        settings = new DiscordBot.Settings(Optional.of(discord.restBaseUrl()), Optional.of(discord.gatewayUrl()),
                Optional.empty(), d.shardsTotal(), d.shardIds(), d.workers(), d.deferAfter(), d.liveCountInterval(),
                d.schedules(), Duration.ofDays(1));
        bot = DiscordBot.start(settings, FakeDiscord.TOKEN, tutor, storage, clock);
        if (!bot.awaitReady(Duration.ofSeconds(180), Optional.empty())) {
            throw new IllegalStateException("the bot did not connect to the fake Discord");
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (bot.shards().getGuildCache().size() < guilds + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot knows " + bot.shards().getGuildCache().size() + " guilds");
            }
            Thread.sleep(50);
        }
        discord.awaitCommand("schedule", Duration.ofSeconds(60));
    }

    /** A fake with {@code guilds} guilds and the bot connected to them, schedules stored. */
    public static FanoutBench start(int guilds, Path dir) throws Exception {
        return new FanoutBench(guilds, dir);
    }

    /** The next day's slots of every schedule, posted as {@code variant} says. */
    public Result day(Variant variant) throws Exception {
        Instant due = FIRST_DUE.plus(Duration.ofDays(day++));
        RateLimits limits = discord.rateLimits();
        limits.disable().disableGlobal();
        if (variant.limits() != Limits.NONE) {
            limits.enable(5, Duration.ofSeconds(5));     // a channel's message bucket: 5 per 5 s
        }
        if (variant.limits() == Limits.ROUTE_AND_GLOBAL) {
            limits.enableGlobal();                       // 50 per second per bot token
        }
        discord.restLatency(variant.latency());
        Map<Long, Integer> before = new HashMap<>();
        for (Map.Entry<Long, FakeChannel> e : channelOf.entrySet()) {
            before.put(e.getKey(), e.getValue().messages().size());
        }
        long global0 = limits.globalLimitedCount();
        long route0 = limits.routeLimitedCount();
        long ignored0 = limits.ignoredGlobalRetryAfterCount();
        long requests0 = discord.requestCount();
        clock.set(due);
        long cpu0 = cpuNanos();
        AtomicLong inPost = new AtomicLong();
        long t0 = System.nanoTime();
        int passes = 0;
        long passEnd;
        while (true) {
            passes++;
            pass(variant, inPost);
            passEnd = System.nanoTime();
            if (unsettled(due).isEmpty() || passes == MAX_PASSES) {
                break;
            }
            // Slots waiting to retry may be claimed again after the retry delay.
            clock.advance(settings.schedules().retryDelay());
        }
        long cpu = cpuNanos() - cpu0;
        // What the fake saw from the first pass on.
        long lastPost = 0;
        long refused = 0;
        long serviceNanos = 0;
        int accepted = 0;
        Map<Long, Integer> perSecond = new TreeMap<>();
        for (RecordedRequest r : discord.requests()) {
            if (r.receivedNanos() < t0) {
                continue;
            }
            if (r.status() >= 400 && r.status() != 429) {
                refused++;
            }
            if (r.method().equals("POST") && CHANNEL_POST.matcher(r.path()).matches() && r.status() == 200) {
                lastPost = Math.max(lastPost, r.answeredNanos());
                serviceNanos += r.answeredNanos() - r.receivedNanos();
                accepted++;
                perSecond.merge((r.receivedNanos() - t0) / 1_000_000_000L, 1, Integer::sum);
            }
        }
        int one = 0;
        int more = 0;
        for (Map.Entry<Long, FakeChannel> e : channelOf.entrySet()) {
            int got = e.getValue().messages().size() - before.get(e.getKey());
            one += got == 1 ? 1 : 0;
            more += got > 1 ? 1 : 0;
        }
        int postedOnce = 0;
        Map<String, Integer> other = new TreeMap<>();
        for (Schedule s : schedules) {
            Slot slot = s.latestSlot(due).orElseThrow();
            Optional<SlotRecord> r = storage.schedules().slot(s.id(), slot.date());
            if (r.isPresent() && r.get().state() == SlotState.POSTED && r.get().tries() == 1) {
                postedOnce++;
            } else {
                other.merge(r.map(x -> x.state() + " after " + x.tries() + " tries" + x.reason().map(m -> ": " + m)
                        .orElse("")).orElse("no record"), 1, Integer::sum);
            }
        }
        Result result = new Result(variant, guilds, passes, lastPost == 0 ? Double.NaN : (lastPost - t0) / 1e9,
                (passEnd - t0) / 1e9, discord.requestCount() - requests0, limits.globalLimitedCount() - global0,
                limits.routeLimitedCount() - route0, limits.ignoredGlobalRetryAfterCount() - ignored0, refused, one, more,
                postedOnce, other, cpu / 1e9, variant.timed() ? inPost.get() / 1e9 : -1,
                accepted == 0 ? 0 : serviceNanos / 1e6 / accepted,
                perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                limits.largestGlobalEarliness().toNanos() / 1e6, timeline(perSecond));
        limits.disable().disableGlobal();
        discord.restLatency(Duration.ZERO);
        // Let JDA's and the fake's windows run out before the next day.
        Thread.sleep(2500);
        return result;
    }

    private void pass(Variant variant, AtomicLong inPost) {
        if (variant.posters() == 0) {
            BenchAccess.scheduler(bot).tick();
            return;
        }
        // The real Scheduler with another number of posts at once, over an unpaced ChannelPoster
        // (paced by this benchmark when the variant says so).
        Poster poster = BenchAccess.channelPoster(bot);
        if (variant.pacePerSecond() > 0) {
            poster = new Paced(poster, variant.pacePerSecond());
        }
        if (variant.timed()) {
            poster = new Timed(poster, inPost);
        }
        try (Scheduler scheduler = new Scheduler(storage.schedules(), tutor, storage.journal(), poster, guild -> true,
                clock, settings.schedules().withPostsAtOnce(variant.posters()))) {
            scheduler.tick();
        }
    }

    /** Posts accepted in each second from the first pass's start, for the log. */
    private static List<Integer> timeline(Map<Long, Integer> perSecond) {
        List<Integer> out = new ArrayList<>();
        long last = perSecond.isEmpty() ? -1 : ((TreeMap<Long, Integer>) perSecond).lastKey();
        for (long s = 0; s <= last; s++) {
            out.add(perSecond.getOrDefault(s, 0));
        }
        return out;
    }

    private List<Long> unsettled(Instant due) {
        List<Long> out = new ArrayList<>();
        for (Schedule s : schedules) {
            Slot slot = s.latestSlot(due).orElseThrow();
            Optional<SlotRecord> r = storage.schedules().slot(s.id(), slot.date());
            if (r.isEmpty() || !r.get().state().settled()) {
                out.add(s.id());
            }
        }
        return out;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Override
    public void close() {
        BenchAccess.stopNow(bot);
        storage.close();
        discord.close();
    }

    /** The fake's protocol violations and problems, for the report (expected: none). */
    public String fakeComplaints() {
        return discord.protocolViolations().size() + " protocol violation(s), " + discord.problems().size() + " problem(s)";
    }

    /** Starts posts no faster than {@code perSecond}, evenly spaced, whatever thread asks. */
    static final class Paced implements Poster {
        private final Poster inner;
        private final long interval;
        private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

        Paced(Poster inner, double perSecond) {
            this.inner = inner;
            this.interval = (long) (1e9 / perSecond);
        }

        @Override
        public PostResult post(ScheduledPost post) {
            long now = System.nanoTime();
            long at = next.updateAndGet(n -> n == Long.MIN_VALUE ? now : Math.max(n + interval, now));
            for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            return inner.post(post);
        }

        @Override
        public PostResult reveal(ScheduledReveal reveal) {
            return inner.reveal(reveal);
        }
    }

    /** Adds up the time spent inside {@code post}: waiting for JDA and Discord. */
    static final class Timed implements Poster {
        private final Poster inner;
        private final AtomicLong total;

        Timed(Poster inner, AtomicLong total) {
            this.inner = inner;
            this.total = total;
        }

        @Override
        public PostResult post(ScheduledPost post) {
            long t = System.nanoTime();
            try {
                return inner.post(post);
            } finally {
                total.addAndGet(System.nanoTime() - t);
            }
        }

        @Override
        public PostResult reveal(ScheduledReveal reveal) {
            return inner.reveal(reveal);
        }
    }

    /** For a quick look from the command line: {@code FanoutBench guilds variant...} (see {@link Variant#parse}). */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        try (FanoutBench bench = start(n, Path.of("target/bench/fanout"))) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(bench.day(Variant.parse(args[i])));
            }
        }
        System.exit(0);
    }
}
