package dev.quiztutor.bench.engine;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bench.bank.BankGen;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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
 * Picking a question for /practice: {@link Tutor#pick} over the whole bank (every choice question,
 * any topic and difficulty), avoiding the audience's 20 most recent, with the history in memory so
 * that storage does not hide the picking. Audiences rotate over 1,000 users.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PickBench {
    /** 0: the shipped bank (13 questions); else a generated bank of that many questions. */
    @Param({"0", "10000", "100000"})
    public int questions;

    private Tutor tutor;
    private Tutor.Selection selection;
    private long audience;

    @Setup
    public void bank() {
        Path dir = questions == 0 ? Path.of("quizzes")
                : BankGen.bank(Path.of(System.getProperty("bench.out", "target/bench")).resolve("banks"), questions);
        tutor = new Tutor(BankLoader.load(dir).bank(), new LiveAttempts(new NoJournal(), LiveAttempts.Settings.DEFAULT),
                new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new java.util.Random(3));
        selection = Tutor.Selection.of(QuestionKind.PRACTICE);
        for (long a = 0; a < 1000; a++) {
            for (int i = 0; i < 20; i++) {
                tutor.pick(a, selection);
            }
        }
    }

    @Benchmark
    public Optional<Question> pick() {
        audience = audience == 999 ? 0 : audience + 1;
        return tutor.pick(audience, selection);
    }
}
