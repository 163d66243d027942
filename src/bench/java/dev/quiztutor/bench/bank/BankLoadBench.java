package dev.quiztutor.bench.bank;

import dev.quiztutor.bank.BankLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading and validating a generated bank, as {@code quiztutor run} does at startup. Run in
 * SingleShotTime with no warm-up in fresh forks it is the cold start ("ready in"); with warm-up
 * it is the steady cost (a reload).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BankLoadBench {
    @Param({"10000", "100000"})
    public int questions;

    private Path dir;

    @Setup
    public void generate() {
        dir = BankGen.bank(Path.of(System.getProperty("bench.out", "target/bench")).resolve("banks"), questions);
    }

    @Benchmark
    public BankLoader.Report load() {
        BankLoader.Report report = BankLoader.load(dir);
        if (!report.problems().isEmpty() || report.bank().topics().isEmpty()) {
            throw new IllegalStateException("generated bank has problems: " + report.problems().subList(0,
                    Math.min(3, report.problems().size())));
        }
        return report;
    }
}
