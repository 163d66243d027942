package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.ops.Health;
import dev.quiztutor.ops.OpsServer;
import dev.quiztutor.ops.PrometheusMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's port on the real bot (JDA against the fake Discord, the real store): what a
 * Prometheus scrape and a health probe see after members click, when the store is gone and when
 * Discord's gateway is down.
 */
class DiscordMetricsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The bot, its metrics and its port, wired as {@code quiztutor run} wires them with metrics.port set. */
    private record Running(BotHarness bot, PrometheusMetrics metrics, Health health, OpsServer ops) implements AutoCloseable {
        static Running start(Path dir) throws Exception {
            return start(dir, Duration.ZERO, Duration.ofMillis(1500));
        }

        static Running start(Path dir, Duration journalDelay, Duration deferAfter) throws Exception {
            PrometheusMetrics metrics = new PrometheusMetrics();
            BotHarness bot = BotHarness.metered(dir, metrics, journalDelay, deferAfter);
            Health health = new Health(bot::shards, bot.storage().database());
            OpsServer ops = OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics, health);
            return new Running(bot, metrics, health, ops);
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(ops.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String scrape() throws Exception {
            HttpResponse<String> response = get("/metrics");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            return response.body();
        }

        /** Scrapes until {@code series} (summed over matching lines) satisfies {@code wanted}; the last scrape. */
        String awaitMetric(String series, Predicate<Double> wanted, String what) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            String scrape = scrape();
            while (!wanted.test(value(scrape, series))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(what + ": " + series + " = " + value(scrape, series) + "\n" + scrape);
                }
                Thread.sleep(20);
                scrape = scrape();
            }
            return scrape;
        }

        HttpResponse<String> awaitHealth(int status, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            HttpResponse<String> response = get("/health");
            while (response.statusCode() != status) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("/health stayed " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(50);
                response = get("/health");
            }
            return response;
        }

        @Override
        public void close() {
            ops.close();
            health.close();
            bot.close();
            metrics.close();
        }
    }

    /**
     * The sum of the samples of {@code series}, written as Prometheus selects it:
     * {@code name{label="value",...}}; the labels given must all match, others may be there too.
     */
    static double value(String scrape, String series) {
        int brace = series.indexOf('{');
        String name = brace < 0 ? series : series.substring(0, brace);
        List<String> labels = new ArrayList<>();
        if (brace >= 0) {
            for (String label : series.substring(brace + 1, series.length() - 1).split(",")) {
                labels.add(label.trim());
            }
        }
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String head = line.substring(0, end);
            if (labels.stream().allMatch(l -> head.contains(l))) {
                sum += Double.parseDouble(line.substring(end + 1));
            }
        }
        return sum;
    }

    private static String answer(Question q, String letter) {
        return new CustomId.Answer(q.ref(), letter).encode();
    }

    private static String wrong(Question q) {
        return q.answerLetters().get(0).equals("A") ? "B" : "A";
    }

    @Test
    void aScrapeAfterAFewClicksShowsTheCountersAndTheLatencyHistogramMove(@TempDir Path dir) throws Exception {
        try (Running running = Running.start(dir)) {
            FakeDiscord discord = running.bot().discord;
            FakeChannel channel = discord.channel("practice");
            String before = running.scrape();
            assertEquals(0, value(before, "quiztutor_interactions_total{kind=\"button\"}"), "no click yet:\n" + before);
            double commitsBefore = value(before, "quiztutor_store_commit_seconds_count{outcome=\"committed\"}");

            FakeUser ann = discord.user("ann");
            var handle = discord.slashCommand(ann, channel, "practice", InteractionOption.string("topic", "mlops-maturity-levels"));
            handle.awaitCallback(WAIT);
            FakeMessage post = handle.awaitResponseMessage(WAIT);
            Question q = running.bot().questionOf(post);
            discord.clickButton(ann, post, answer(q, wrong(q))).awaitCallback(WAIT);
            discord.clickButton(ann, post, new CustomId.Hint(q.ref()).encode()).awaitCallback(WAIT);
            Callback forged = discord.clickUnchecked(ann, post, "hello").awaitCallback(WAIT);
            assertEquals(Polite.STALE, forged.content());
            // Not a moderator: turned away as not allowed.
            discord.slashCommand(ann, channel, "schedule", InteractionOption.subcommand("list")).awaitCallback(WAIT);

            String after = running.awaitMetric("quiztutor_interactions_total{outcome=\"refused\"}", n -> n == 2,
                    "the forged button and the member's /schedule were refused");
            after = running.awaitMetric("quiztutor_interactions_total{kind=\"button\"}", n -> n == 3,
                    "the answer, the hint and the forged button");
            // Answered, or deferred first on a machine slow enough to take discord.deferAfter (1.5 s).
            assertEquals(1, value(after, "quiztutor_interactions_total{kind=\"slash_command\",name=\"practice\"}"), after);
            assertEquals(0, value(after, "quiztutor_interactions_total{kind=\"slash_command\",name=\"practice\",outcome=\"refused\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_total{kind=\"button\",name=\"answer\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_total{kind=\"button\",name=\"hint\"}"));
            assertEquals(0, value(after, "quiztutor_interactions_total{outcome=\"failed\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_total{kind=\"button\",name=\"unknown\",outcome=\"refused\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_total{kind=\"slash_command\",name=\"schedule\",outcome=\"refused\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_turned_away_total{reason=\"stale\"}"));
            assertEquals(1, value(after, "quiztutor_interactions_turned_away_total{reason=\"not_allowed\"}"));
            assertEquals(value(after, "quiztutor_interactions_total{outcome=\"deferred\"}"),
                    value(after, "quiztutor_interactions_deferred_total"));

            // The histogram: every click in a bucket, all of them within Discord's 3 seconds.
            assertEquals(3, value(after, "quiztutor_interaction_ack_seconds_count{kind=\"button\"}"));
            assertEquals(3, value(after, "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",le=\"+Inf\"}"));
            assertEquals(3, value(after, "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",le=\"3.0\"}"));
            assertTrue(value(after, "quiztutor_interaction_ack_seconds_sum{kind=\"button\"}") > 0);

            // The answer and the hint were each committed before their reply; the attempt stays in memory.
            assertTrue(value(after, "quiztutor_store_commit_seconds_count{outcome=\"committed\"}") >= commitsBefore + 2, after);
            assertEquals(0, value(after, "quiztutor_store_commit_seconds_count{outcome=\"failed\"}"));
            assertEquals(1, value(after, "quiztutor_attempt_cache_size"), after);
            assertEquals(1, value(after, "quiztutor_attempt_cache_lookups_total{result=\"miss\"}"), "the first click replays");
            assertTrue(value(after, "quiztutor_attempt_cache_lookups_total{result=\"hit\"}") >= 1, "the hint finds it in memory");
            assertTrue(after.contains("jvm_memory_used_bytes"), "the JVM's own figures come along");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aSlowAnswerIsCountedAsDeferredWithItsLatency(@TempDir Path dir) throws Exception {
        // Every stored event takes 600 ms; the watchdog defers after 100 ms.
        try (Running running = Running.start(dir, Duration.ofMillis(600), Duration.ofMillis(100))) {
            FakeDiscord discord = running.bot().discord;
            FakeUser bea = discord.user("bea");
            var handle = discord.slashCommand(bea, discord.channel("practice"), "practice",
                    InteractionOption.string("topic", "mlops-maturity-levels"));
            handle.awaitCallback(WAIT);
            FakeMessage post = handle.awaitResponseMessage(WAIT);
            Question q = running.bot().questionOf(post);
            Callback deferred = discord.clickButton(bea, post, answer(q, wrong(q))).awaitCallback(WAIT);
            assertTrue(deferred.isDeferred(), deferred.toString());
            String after = running.awaitMetric("quiztutor_interactions_total{kind=\"button\",name=\"answer\",outcome=\"deferred\"}",
                    n -> n == 1, "the slow click");
            // The /practice that posted the question may have been deferred too, on a loaded machine.
            // The two counters move in two callbacks of the same defer: wait until both have run.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (value(after, "quiztutor_interactions_total{outcome=\"deferred\"}")
                    != value(after, "quiztutor_interactions_deferred_total") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                after = running.scrape();
            }
            assertEquals(value(after, "quiztutor_interactions_total{outcome=\"deferred\"}"),
                    value(after, "quiztutor_interactions_deferred_total"), after);
            assertEquals(0, value(after, "quiztutor_interactions_total{kind=\"button\",name=\"answer\",outcome=\"answered\"}"));
            // Deferred at about 100 ms: in the 250 ms bucket, not in the 50 ms one.
            assertEquals(1, value(after, "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",outcome=\"deferred\",le=\"3.0\"}"));
            assertEquals(0, value(after, "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",outcome=\"deferred\",le=\"0.05\"}"));
            // The write the member waited for: at least the 600 ms the journal takes.
            assertTrue(value(after, "quiztutor_store_commit_seconds_max{outcome=\"committed\"}") > 0, after);
        }
    }

    @Test
    void aScheduledPostAndDiscords429sAreCounted(@TempDir Path dir) throws Exception {
        try (Running running = Running.start(dir)) {
            FakeDiscord discord = running.bot().discord;
            FakeChannel quiz = discord.channel("practice");
            FakeUser mod = discord.moderator("mod");
            discord.awaitCommand("schedule", WAIT);
            discord.slashCommand(mod, quiz, "schedule", InteractionOption.subcommand("add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "09:00"), InteractionOption.string("timezone", "UTC"))).awaitCallback(WAIT);
            Callback now = discord.slashCommand(mod, quiz, "schedule", InteractionOption.subcommand("now",
                    InteractionOption.integer("id", 1))).awaitCallback(WAIT);
            assertTrue(now.content().startsWith("Posted a test question"), now.content());
            running.awaitMetric("quiztutor_scheduled_posts_total{what=\"post\",outcome=\"sent\"}", n -> n == 1, "the post");

            // Discord's global limit, lowered so that a burst of posts meets it; JDA waits and retries on its own.
            discord.rateLimits().enableGlobal(2, Duration.ofSeconds(1));
            TextChannel channel = running.bot().shards().getTextChannelById(quiz.id());
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(channel.sendMessage("burst " + i).submit());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            long limited = discord.rateLimits().globalLimitedCount();
            assertTrue(limited > 0, "the burst met the global limit");
            running.awaitMetric("quiztutor_discord_rate_limited_total{scope=\"global\"}", n -> n == limited,
                    "every 429 Discord sent");
        }
    }

    @Test
    void healthIs200WhenConnectedAnd503WithTheReasonWhenTheStoreIsClosed(@TempDir Path dir) throws Exception {
        try (Running running = Running.start(dir)) {
            HttpResponse<String> ok = running.get("/health");
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(Pattern.matches("ok: 1 shard connected, store answered in \\d+ ms\n", ok.body()), ok.body());

            running.bot().storage().close();
            HttpResponse<String> down = running.get("/health");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().startsWith("store: Could not answer a health check"), down.body());
            assertEquals(404, running.get("/nothing-here").statusCode());
        }
    }

    @Test
    void healthIs503WithTheShardsStatusWhileTheGatewayIsDownAnd200WhenItIsBack(@TempDir Path dir) throws Exception {
        try (Running running = Running.start(dir)) {
            FakeDiscord discord = running.bot().discord;
            assertEquals(200, running.get("/health").statusCode());
            discord.gatewayOutage();
            HttpResponse<String> down = running.awaitHealth(503, WAIT);
            assertTrue(Pattern.matches("shard 0/1: [A-Z_]+\n", down.body()), down.body());
            discord.endGatewayOutage();
            HttpResponse<String> back = running.awaitHealth(200, Duration.ofSeconds(90));
            assertTrue(back.body().startsWith("ok: 1 shard connected"), back.body());
        }
    }
}
