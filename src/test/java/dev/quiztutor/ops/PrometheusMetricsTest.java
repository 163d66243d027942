package dev.quiztutor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiztutor.tutor.LiveAttempts;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The names an operator's Prometheus and the sample Grafana dashboard rely on. */
class PrometheusMetricsTest {
    private static final Pattern NAME = Pattern.compile("\\b((?:quiztutor|jvm)_[a-z_]+)");

    /** A registry that has seen one of everything. */
    private static String scrapeOfEverything() {
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            metrics.acknowledged(Metrics.Kind.BUTTON, "answer", Metrics.Outcome.ANSWERED, TimeUnit.MILLISECONDS.toNanos(40));
            metrics.acknowledged(Metrics.Kind.SLASH_COMMAND, "practice", Metrics.Outcome.DEFERRED, TimeUnit.MILLISECONDS.toNanos(1600));
            metrics.turnedAway(Metrics.TurnedAway.STALE);
            metrics.rateLimited("global");
            metrics.scheduled(Metrics.Scheduled.POST, true, false);
            metrics.scheduled(Metrics.Scheduled.REVEAL, false, true);
            metrics.storeWrite(TimeUnit.MILLISECONDS.toNanos(3), true);
            metrics.attemptCache(() -> new LiveAttempts.Stats(7, 30, 10));
            System.gc(); // a gauge whose source is only held weakly would read NaN from now on
            // The GC pause timer exists once a collection has been reported to it, which JMX does
            // asynchronously after the collection: a running bot has had many; here, wait for this one.
            String scrape = metrics.scrape();
            for (int i = 0; i < 100 && !scrape.contains("\njvm_gc_pause_seconds_sum{"); i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                scrape = metrics.scrape();
            }
            return scrape;
        }
    }

    @Test
    void eachFigureHasItsPrometheusName() {
        String scrape = scrapeOfEverything();
        for (String line : new String[] {
                "quiztutor_interactions_total{kind=\"button\",name=\"answer\",outcome=\"answered\"} 1.0",
                "quiztutor_interactions_total{kind=\"slash_command\",name=\"practice\",outcome=\"deferred\"} 1.0",
                "quiztutor_interactions_deferred_total 1.0",
                "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",outcome=\"answered\",le=\"0.05\"} 1",
                "quiztutor_interaction_ack_seconds_bucket{kind=\"button\",outcome=\"answered\",le=\"0.025\"} 0",
                "quiztutor_interaction_ack_seconds_bucket{kind=\"slash_command\",outcome=\"deferred\",le=\"2.0\"} 1",
                "quiztutor_interactions_turned_away_total{reason=\"stale\"} 1.0",
                "quiztutor_interactions_turned_away_total{reason=\"not_allowed\"} 0.0",
                "quiztutor_discord_rate_limited_total{scope=\"global\"} 1.0",
                "quiztutor_scheduled_posts_total{outcome=\"sent\",what=\"post\"} 1.0",
                "quiztutor_scheduled_posts_total{outcome=\"failed_permanently\",what=\"reveal\"} 1.0",
                "quiztutor_store_commit_seconds_bucket{outcome=\"committed\",le=\"0.005\"} 1",
                "quiztutor_attempt_cache_size 7.0",
                "quiztutor_attempt_cache_lookups_total{result=\"hit\"} 30.0",
                "quiztutor_attempt_cache_lookups_total{result=\"miss\"} 10.0",
                "quiztutor_attempt_cache_hit_ratio 0.75"}) {
            assertTrue(scrape.lines().anyMatch(line::equals), line + " in\n" + scrape);
        }
    }

    @Test
    void theSampleDashboardChartsOnlyWhatTheBotExposes() throws Exception {
        String scrape = scrapeOfEverything();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("config/grafana-dashboard.json").toFile());
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher names = NAME.matcher(target.path("expr").asText());
                while (names.find()) {
                    used.add(names.group(1));
                }
            }
        }
        assertTrue(used.size() >= 10, "the dashboard charts the bot's figures: " + used);
        for (String name : used) {
            assertTrue(scrape.contains("\n" + name + "{") || scrape.contains("\n" + name + " "),
                    "the dashboard uses " + name + ", which the bot does not expose");
        }
        assertEquals("quiztutor", dashboard.path("uid").asText());
    }
}
