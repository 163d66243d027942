package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.chart.StatsChart;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiztutor stats} on a crafted SQLite store, as an operator runs it. */
class StatsCommandTest {
    private static final long GUILD = 77;
    private static final String TOPIC = "mlops-maturity-levels";

    @TempDir
    Path dir;
    Path config;
    Path db;

    /**
     * Five members answer first-level (answer A) on a post: four A at once, one B then A. Attempts 5;
     * right on the first try 4/5 = 0.80; facility (4 + (1 - 1/3)) / 5 = 4.667 / 5 = 0.933 > 0.9: too easy.
     * Picks: A by all five, B by one. A sixth member in another guild answers C (every guild only).
     */
    @BeforeEach
    void craftStore() throws Exception {
        db = dir.resolve("data").resolve("quiztutor.db");
        config = dir.resolve("quiztutor.yml");
        Files.writeString(config, "storage:\n  url: jdbc:sqlite:" + db + "\n");
        QuizBank bank = Fixtures.shippedBank();
        Question first = bank.topic(TOPIC).orElseThrow().question("first-level").orElseThrow();
        TestClock clock = new TestClock("2026-11-30T10:00:00Z");
        try (Storage storage = Storage.open(StorageSettings.sqlite(db.toString()), clock)) {
            Tutor tutor = new Tutor(bank, new LiveAttempts(storage.journal(), LiveAttempts.Settings.DEFAULT),
                    new InMemoryHistory(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
            Place post = new Place(GUILD, 1);
            for (long user = 1; user <= 4; user++) {
                tutor.answer(post, user, first, Response.of("A"));
            }
            tutor.answer(post, 5, first, Response.of("B"));
            clock.advance(Duration.ofSeconds(10));
            tutor.answer(post, 5, first, Response.of("A"));
            tutor.answer(new Place(GUILD + 1, 2), 6, first, Response.of("C"));
        }
    }

    @Test
    void theTableShowsEachQuestionAndTheFlaggedOneWithItsFigures() {
        CliTest.Run run = CliTest.run("", "stats", "--topic", TOPIC, "--guild", Long.toString(GUILD),
                "--config", config.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("MLOps maturity levels (mlops-maturity-levels), guild 77: 5 attempts, 0 topic tests", lines.get(0));
        // question, attempts, 1st try, facility, tests, discrimination, hints, gave up, picks
        assertTrue(lines.get(2).matches("first-level +5 +0\\.80 +0\\.93 +0 +too few +0 +0  A\\* 5, B 1, C 0, D 0"), lines.get(2));
        assertEquals(lines.get(1).indexOf("attempts") + "attempts".length(), lines.get(2).indexOf("5 ") + 1,
                "the figures line up under their headings, past the longest question id");
        assertTrue(lines.contains("  first-level: too easy (facility 0.93 over 5 attempts)"), run.out());
        // A question nobody tried says so instead of a figure.
        assertTrue(lines.get(3).matches("\\S+ +0 +too few +too few +0 +too few +0 +0 .*"), lines.get(3));
    }

    @Test
    void everyGuildTogetherWithoutGuild() {
        CliTest.Run run = CliTest.run("", "stats", "--topic", TOPIC, "--config", config.toString());
        assertEquals(0, run.exit(), run.err());
        // The sixth member's C: 6 attempts, facility 4.667 / 6 = 0.78, no longer too easy.
        assertTrue(run.out().lines().anyMatch(l -> l.matches("first-level +6 +0\\.67 +0\\.78 .*")), run.out());
        assertTrue(run.out().contains("No question is flagged."), run.out());
    }

    @Test
    void theCsvAndTheChartAreWrittenOnRequest() throws Exception {
        Path csv = dir.resolve("out").resolve("stats.csv");
        Path png = dir.resolve("out").resolve("stats.png");
        CliTest.Run run = CliTest.run("", "stats", "--topic", TOPIC, "--guild", Long.toString(GUILD),
                "--config", config.toString(), "--csv", csv.toString(), "--chart", png.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> rows = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals(1 + Fixtures.shippedBank().topic(TOPIC).orElseThrow().questions().size(), rows.size());
        assertEquals("first-level,easy,choice,5,4,0.800,0.933,0,,0,0,0,A* 5; B 1; C 0; D 0,too easy,"
                + "discrimination: too few tests (0 of the 5 wanted)", rows.get(1));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(StatsChart.WIDTH, image.getWidth());
        assertEquals(StatsChart.HEIGHT, image.getHeight());
    }

    @Test
    void anUnknownTopicIsNamedWithTheValidOnes() {
        CliTest.Run run = CliTest.run("", "stats", "--topic", "mlops", "--config", config.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("quiztutor: no topic mlops; the topics are "), run.err());
    }

    @Test
    void noStoreYetIsSaidAndNoneIsCreated() throws Exception {
        Path elsewhere = dir.resolve("elsewhere.yml");
        Path missing = dir.resolve("nothing").resolve("q.db");
        Files.writeString(elsewhere, "storage:\n  url: jdbc:sqlite:" + missing + "\n");
        CliTest.Run run = CliTest.run("", "stats", "--config", elsewhere.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("quiztutor: no store at " + missing), run.err());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void csvWithoutATopicIsAUsageError() {
        CliTest.Run run = CliTest.run("", "stats", "--csv", dir.resolve("x.csv").toString(), "--config", config.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--csv and --chart need --topic"), run.err());
    }
}
