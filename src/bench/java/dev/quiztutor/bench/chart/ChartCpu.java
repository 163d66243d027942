package dev.quiztutor.bench.chart;

import dev.quiztutor.chart.ProgressChart;
import dev.quiztutor.tutor.progress.ProgressPicture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * CPU time per chart, which a busy machine does not inflate as it does wall time: the thread's CPU
 * time of each of {@code n} renders (after as many to warm up), for both histories and the blank PNG.
 * Prints {@code key=value} pairs (mean and p99 in ms) for {@code BenchMain}.
 */
public final class ChartCpu {
    private ChartCpu() {}

    interface Op {
        byte[] run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        ProgressPicture small = ChartBench.small();
        ProgressPicture large = ChartBench.large();
        BufferedImage blank = new BufferedImage(ProgressChart.WIDTH, ProgressChart.HEIGHT, BufferedImage.TYPE_INT_RGB);
        measure("small", n, () -> ProgressChart.png(small));
        measure("large", n, () -> ProgressChart.png(large));
        measure("blank", n, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(blank, "png", out);
            return out.toByteArray();
        });
    }

    private static void measure(String name, int n, Op op) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += op.run().length;
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += op.run().length;
            ms[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double mean = Arrays.stream(ms).average().orElse(0);
        double p99 = ms[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)];
        System.out.println(String.format(Locale.ROOT, "%sCpuMean=%.2f %sCpuP99=%.2f %sBytes=%d", name, mean, name, p99,
                name, sink / (2L * n)));
    }
}
