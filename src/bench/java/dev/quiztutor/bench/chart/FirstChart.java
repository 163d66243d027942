package dev.quiztutor.bench.chart;

import dev.quiztutor.chart.ProgressChart;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The first /progress chart after the bot starts: one render in a fresh JVM (JMH SingleShotTime, no
 * warm-up), which pays for loading Java2D, the fonts and XChart; against the first blank PNG encoded
 * in a fresh JVM (ImageIO's own start).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstChart {
    @Benchmark
    public byte[] firstRender() {
        return ProgressChart.png(ChartBench.large());
    }

    @Benchmark
    public byte[] firstBlankPng() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(ProgressChart.WIDTH, ProgressChart.HEIGHT,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
