package dev.quiztutor.chart;

import dev.quiztutor.tutor.stats.Figure;
import dev.quiztutor.tutor.stats.QuestionStats;
import dev.quiztutor.tutor.stats.TopicStats;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * A topic's statistics as a picture: per question, its facility (mean score as a share of the maximum)
 * and its discrimination side by side, on one scale from -1 to 1, so a moderator sees at a glance the
 * question everyone gets (a tall facility bar), nobody gets, and the one that misleads the strong
 * (a discrimination bar below zero). Drawn with Java2D, no display needed.
 */
public final class StatsChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;
    /**
     * Room for the question ids side by side, in characters (about 7 pixels each in the axis font):
     * beyond it the labels turn upright so that they do not overlap.
     */
    private static final int LEVEL_LABEL_CHARS = (WIDTH - 120) / 7;

    static {
        // A server has no display; AWT must know before anything touches it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private StatsChart() {
    }

    /**
     * The chart as PNG bytes of {@link #WIDTH} by {@link #HEIGHT}, over the questions with a facility
     * (enough attempts); empty when none has one yet: an empty chart tells nobody anything.
     */
    public static Optional<byte[]> png(TopicStats stats) {
        List<String> questions = new ArrayList<>();
        List<Double> facility = new ArrayList<>();
        List<Double> discrimination = new ArrayList<>();
        for (QuestionStats q : stats.questions()) {
            if (q.facility() instanceof Figure.Value f) {
                questions.add(q.question().id());
                facility.add(f.value());
                // A missing bar, not a zero one: zero would read as "no discrimination at all".
                discrimination.add(q.discrimination() instanceof Figure.Value d ? d.value() : null);
            }
        }
        if (questions.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(shortTitle(stats.topic().title()) + ": facility and discrimination per question")
                .xAxisTitle("question").yAxisTitle("share / correlation").build();
        CategoryStyler style = chart.getStyler();
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setChartBackgroundColor(Color.WHITE);
        style.setSeriesColors(new Color[] {new Color(0x3B7DD8), new Color(0xE07B39)});
        style.setYAxisMin(-1.0);
        style.setYAxisMax(1.0);
        style.setYAxisDecimalPattern("0.0");
        style.setAntiAlias(true);
        style.setOverlapped(false);
        int side = questions.stream().mapToInt(id -> id.length() + 2).sum();
        style.setXAxisLabelRotation(side > LEVEL_LABEL_CHARS ? 45 : 0);
        chart.addSeries("facility (mean score)", questions, facility);
        chart.addSeries("discrimination (from topic tests)", questions, discrimination);
        try {
            return Optional.of(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the statistics chart", e);
        }
    }

    private static String shortTitle(String title) {
        return title.length() <= 40 ? title : title.substring(0, 39) + "…";
    }
}
