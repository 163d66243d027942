package dev.quiztutor.bench.chart;

import dev.quiztutor.chart.ProgressChart;
import dev.quiztutor.tutor.progress.ProgressPicture;
import dev.quiztutor.tutor.progress.TopicMastery;
import dev.quiztutor.tutor.progress.WeekOfRightAnswers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * /progress's chart: {@link ProgressChart#png} of a member's picture, against the floor of any PNG of
 * that size, ImageIO encoding a blank 800 × 600 image (what is left when nothing is drawn). Sampled, so
 * that the report gives percentiles. {@code history}: {@code small} (a few answers in two weeks, one
 * topic), {@code large} (hundreds of answers every week, 40 topics of which 10 are drawn).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChartBench {
    @Param({"small", "large"})
    public String history;

    private ProgressPicture picture;
    private BufferedImage blank;

    @Setup
    public void picture() {
        picture = history.equals("small") ? small() : large();
        blank = new BufferedImage(ProgressChart.WIDTH, ProgressChart.HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    @Benchmark
    public byte[] render() {
        return ProgressChart.png(picture);
    }

    @Benchmark
    public byte[] blankPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        ImageIO.write(blank, "png", out);
        return out.toByteArray();
    }

    static List<WeekOfRightAnswers> weeks(int[] counts) {
        LocalDate first = LocalDate.of(2026, 10, 12);
        List<WeekOfRightAnswers> weeks = new ArrayList<>();
        for (int i = 0; i < ProgressPicture.WEEKS; i++) {
            weeks.add(new WeekOfRightAnswers(first.plusWeeks(i), counts[3 * i], counts[3 * i + 1], counts[3 * i + 2]));
        }
        return weeks;
    }

    static ProgressPicture small() {
        int[] counts = new int[3 * ProgressPicture.WEEKS];
        counts[18] = 2;
        counts[19] = 1;
        counts[21] = 1;
        counts[23] = 1;
        return new ProgressPicture(weeks(counts), List.of(new TopicMastery("mlops", "MLOps maturity levels", 13, 4, 3)), 0.9);
    }

    static ProgressPicture large() {
        int[] counts = new int[3 * ProgressPicture.WEEKS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 50 + 37 * i % 300;
        }
        List<TopicMastery> topics = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            topics.add(new TopicMastery("topic-" + t, "Topic number " + t + " with a longer title", 500, 100 + t, (7 * t) % 100));
        }
        return new ProgressPicture(weeks(counts), topics, 0.9);
    }
}
