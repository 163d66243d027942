package dev.quiztutor.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.tutor.progress.ProgressPicture;
import dev.quiztutor.tutor.progress.TopicMastery;
import dev.quiztutor.tutor.progress.WeekOfRightAnswers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The progress chart is a PNG that decodes, of the fixed size, for an empty, a small and a large
 * history, and its bars follow the data. Set {@code -Dquiztutor.chart.dump=DIR} to write the PNGs there
 * and look at them.
 */
class ProgressChartTest {
    /** The legend's colour boxes are right of this, beside the weekly bars. */
    private static final int LEGEND_X = 690;
    static final LocalDate FIRST = LocalDate.of(2026, 10, 12);

    static List<WeekOfRightAnswers> weeks(int... easyMediumHard) {
        List<WeekOfRightAnswers> weeks = new ArrayList<>();
        for (int i = 0; i < ProgressPicture.WEEKS; i++) {
            weeks.add(new WeekOfRightAnswers(FIRST.plusWeeks(i), easyMediumHard[3 * i], easyMediumHard[3 * i + 1],
                    easyMediumHard[3 * i + 2]));
        }
        return weeks;
    }

    static ProgressPicture empty() {
        return new ProgressPicture(weeks(new int[3 * ProgressPicture.WEEKS]), List.of(), 0.9);
    }

    static ProgressPicture small() {
        return new ProgressPicture(weeks(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 1, 0, 1),
                List.of(new TopicMastery("mlops", "MLOps maturity levels", 13, 4, 3)), 0.9);
    }

    /** Hundreds of answers a week and 40 topics with long titles: more than the chart draws. */
    static ProgressPicture large() {
        int[] counts = new int[3 * ProgressPicture.WEEKS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 50 + 37 * i % 300;
        }
        List<TopicMastery> topics = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            topics.add(new TopicMastery("topic-" + t, "A rather long topic title number " + t, 500, 100 + t, (7 * t) % 100));
        }
        return new ProgressPicture(weeks(counts), topics, 0.85);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                java.util.Arrays.copyOf(png, 8), "the PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO decodes it");
        assertEquals(ProgressChart.WIDTH, image.getWidth());
        assertEquals(ProgressChart.HEIGHT, image.getHeight());
        return image;
    }

    private static byte[] render(String name, ProgressPicture picture) throws IOException {
        byte[] png = ProgressChart.png(picture);
        String dump = System.getProperty("quiztutor.chart.dump");
        if (dump != null) {
            Files.createDirectories(Path.of(dump));
            Files.write(Path.of(dump, name + ".png"), png);
        }
        return png;
    }

    @Test
    void anEmptyHistoryStillMakesAValidPictureOfTheFixedSize() throws IOException {
        decode(render("empty", empty()));
    }

    @Test
    void aSmallHistoryDrawsItsBars() throws IOException {
        BufferedImage blank = decode(render("empty", empty()));
        BufferedImage image = decode(render("small", small()));
        assertTrue(colourCount(image, 0x2E7D32) > 0 && colourCount(image, 0xF9A825) > 0 && colourCount(image, 0xC62828) > 0,
                "an easy, a medium and a hard bar");
        assertTrue(colourCount(image, 0x1565C0) > 0, "a mastery bar");
        for (int bar : new int[] {0x2E7D32, 0xF9A825, 0xC62828, 0x1565C0}) {
            assertEquals(0, colourCount(blank, bar), "no bar when there is nothing");
        }
    }

    @Test
    void aLargeHistoryFitsTheSameSize() throws IOException {
        BufferedImage image = decode(render("large", large()));
        assertNotEquals(0, colourCount(image, 0xC62828));
        assertEquals(ProgressPicture.CHART_TOPICS, large().chartTopics().size(), "the most practised topics are drawn");
    }

    /**
     * Pixels of exactly this colour left of the legend (bars are filled flat; text is anti-aliased, so
     * never exactly a bar's colour).
     */
    private static int colourCount(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < LEGEND_X; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
