package dev.quiztutor.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.stats.RecordedAttempt;
import dev.quiztutor.tutor.stats.Thresholds;
import dev.quiztutor.tutor.stats.TopicStats;
import dev.quiztutor.tutor.stats.TopicStatsTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StatsChartTest {
    @Test
    void theChartOfTheCraftedHistoryIsAPngOfItsSize() throws IOException {
        TopicStats stats = TopicStats.of(TopicStatsTest.TOPIC, new TopicStatsTest().history(), ScoringPolicy.DEFAULT,
                TopicStatsTest.THRESHOLDS);
        assertPng(StatsChart.png(stats).orElseThrow());
    }

    @Test
    void noChartWhileNoQuestionHasEnoughAttempts() {
        TopicStats none = TopicStats.of(TopicStatsTest.TOPIC, List.of(), ScoringPolicy.DEFAULT, Thresholds.DEFAULT);
        assertEquals(Optional.empty(), StatsChart.png(none));
    }

    @Test
    void aLargeTopicStillDrawsOneReadablePicture() throws IOException {
        // 60 questions, each with 6 attempts, so every one has a facility: the labels turn upright.
        List<Question> questions = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> Fixtures.choice("question-" + i, Difficulty.MEDIUM, "A")).toList();
        Topic topic = Fixtures.topic("t", questions);
        List<RecordedAttempt> attempts = new ArrayList<>();
        for (Question q : questions) {
            for (int i = 0; i < 6; i++) {
                Response r = new Response.Letters(List.of(i % 3 == 0 ? "B" : "A"));
                attempts.add(new RecordedAttempt(q.ref(), Optional.empty(),
                        List.of(new AttemptEvent.Answered(Instant.EPOCH, r, Grade.of(q, r)))));
            }
        }
        assertPng(StatsChart.png(TopicStats.of(topic, attempts, ScoringPolicy.DEFAULT, Thresholds.DEFAULT)).orElseThrow());
    }

    private static void assertPng(byte[] png) throws IOException {
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(StatsChart.WIDTH, image.getWidth());
        assertEquals(StatsChart.HEIGHT, image.getHeight());
        // Something was drawn: not one colour all over.
        int first = image.getRGB(0, 0);
        boolean drawn = false;
        for (int x = 0; x < image.getWidth() && !drawn; x += 7) {
            for (int y = 0; y < image.getHeight() && !drawn; y += 7) {
                drawn = image.getRGB(x, y) != first;
            }
        }
        assertTrue(drawn, "the picture is blank");
    }
}
