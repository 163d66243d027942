package dev.quiztutor.chart;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.tutor.progress.ProgressPicture;
import dev.quiztutor.tutor.progress.ProgressText;
import dev.quiztutor.tutor.progress.TopicMastery;
import dev.quiztutor.tutor.progress.WeekOfRightAnswers;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * A member's progress as one PNG of {@link #WIDTH} × {@link #HEIGHT}: above, right answers per week
 * stacked by difficulty; below, mastery per topic as a share of the topic's questions. A picture with
 * nothing in it still renders (the panels say so); whether to send it is the front end's choice.
 */
public final class ProgressChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;
    private static final int WEEKS_HEIGHT = 320;

    /** Easy to hard as green, amber, red: the order people read difficulty colours in. */
    private static final Color EASY = new Color(0x2E7D32);
    private static final Color MEDIUM = new Color(0xF9A825);
    private static final Color HARD = new Color(0xC62828);
    private static final Color MASTERY = new Color(0x1565C0);
    private static final Color INK = new Color(0x212121);

    private ProgressChart() {}

    /** The picture as PNG bytes. */
    public static byte[] png(ProgressPicture picture) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            weeks(picture).paint(g, WIDTH, WEEKS_HEIGHT);
            Graphics2D lower = (Graphics2D) g.create(0, WEEKS_HEIGHT, WIDTH, HEIGHT - WEEKS_HEIGHT);
            try {
                List<TopicMastery> topics = picture.chartTopics();
                if (topics.isEmpty()) {
                    note(lower, masteryTitle(picture), "No topic met yet: mastery shows once you have answered a question.");
                } else {
                    mastery(picture, topics).paint(lower, WIDTH, HEIGHT - WEEKS_HEIGHT);
                }
            } finally {
                lower.dispose();
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /**
     * The image as PNG, deflated at level 1 rather than ImageIO's default: a chart is mostly flat colour,
     * which the fastest level packs almost as small (54 KB against 47 KB for a large history) in a third
     * of the time, and encoding is most of a render's cost (BENCHMARKS.md).
     */
    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // The PNG writer's deflate level is 9 × (1 - quality), rounded: 0.9 is level 1.
            param.setCompressionQuality(0.9f);
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG written to memory failed", e);
        } finally {
            writer.dispose();
        }
    }

    private static CategoryChart weeks(ProgressPicture picture) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(WEEKS_HEIGHT)
                .title("Right answers per week").yAxisTitle("right").build();
        CategoryStyler styler = chart.getStyler();
        style(styler);
        styler.setStacked(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setSeriesColors(new Color[] {EASY, MEDIUM, HARD});
        styler.setYAxisMin(0.0);
        // Whole answers only: the axis ends on a multiple of 4, so its ticks fall on whole numbers.
        int highest = picture.weeks().stream().mapToInt(WeekOfRightAnswers::total).max().orElse(0);
        styler.setYAxisMax((double) Math.max(4, (highest + 3) / 4 * 4));
        styler.setYAxisDecimalPattern("#,##0");
        List<String> labels = picture.weeks().stream().map(ProgressText::weekLabel).toList();
        for (Difficulty d : Difficulty.values()) {
            chart.addSeries(d.label(), labels, picture.weeks().stream().map(w -> (Number) w.of(d)).toList());
        }
        return chart;
    }

    private static CategoryChart mastery(ProgressPicture picture, List<TopicMastery> topics) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT - WEEKS_HEIGHT)
                .title(masteryTitle(picture)).yAxisTitle("% mastered").build();
        CategoryStyler styler = chart.getStyler();
        style(styler);
        styler.setLegendVisible(false);
        styler.setSeriesColors(new Color[] {MASTERY});
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(100.0);
        styler.setYAxisDecimalPattern("0");
        styler.setLabelsVisible(true);
        styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // Few topics: narrow bars and long titles; many: the titles lean so that they do not overlap.
        styler.setAvailableSpaceFill(Math.min(0.6, 0.15 * topics.size()));
        int titleChars = topics.size() <= 2 ? 40 : topics.size() <= 4 ? 24 : 18;
        if (topics.size() > 4) {
            styler.setXAxisLabelRotation(20);
        }
        // Two topics may start alike: a category label must be unique, so a cut title keeps its place's number.
        List<String> labels = new java.util.ArrayList<>();
        for (TopicMastery t : topics) {
            String label = shorten(t.title(), titleChars);
            labels.add(labels.contains(label) ? label + " (" + (labels.size() + 1) + ")" : label);
        }
        chart.addSeries("mastered", labels, topics.stream().map(t -> (Number) t.percent()).toList());
        return chart;
    }

    private static String masteryTitle(ProgressPicture picture) {
        return "Mastery per topic (recall at least " + picture.retentionPercent() + "% tomorrow)";
    }

    private static void style(CategoryStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(INK);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setXAxisTitleVisible(false);
        styler.setToolTipsEnabled(false);
        styler.setAvailableSpaceFill(0.6);
    }

    private static String shorten(String title, int chars) {
        return title.length() <= chars ? title : title.substring(0, chars - 1).strip() + "…";
    }

    /** A panel with a title and one line where a chart would be empty. */
    private static void note(Graphics2D g, String title, String line) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(INK);
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        g.setFont(titleFont);
        FontMetrics m = g.getFontMetrics();
        g.drawString(title, (WIDTH - m.stringWidth(title)) / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        m = g.getFontMetrics();
        g.drawString(line, (WIDTH - m.stringWidth(line)) / 2, (HEIGHT - WEEKS_HEIGHT) / 2);
    }
}
