package dev.quiztutor.bench.engine;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Grading and recording an answer whose attempt is in the cache: {@link Tutor#answer} as a click
 * calls it (Caffeine's atomic compute, grading, the new attempt, the recorded event with its score),
 * with a journal that keeps nothing so that storage (measured on its own) does not hide the engine.
 * Each iteration starts from 1,000,000 open attempts in the cache; each answer goes to the next one,
 * so no attempt takes more than its three tries within an iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBench {
    static final int ATTEMPTS = 1_000_000;
    static final int USERS_PER_POST = 1_000;

    private Tutor tutor;
    private LiveAttempts attempts;
    private Question question;
    private Response[] responses;
    private int next;

    @Setup(Level.Trial)
    public void bank() {
        QuizBank bank = BankLoader.load(Path.of("quizzes")).bank();
        question = bank.questions().filter(q -> q.kind() == QuestionKind.CHOICE).findFirst().orElseThrow();
        // Wrong letters only: an attempt stays open for all three tries.
        List<String> wrong = question.options().stream().map(o -> o.letter())
                .filter(l -> !question.answerLetters().contains(l)).toList();
        SplittableRandom random = new SplittableRandom(7);
        responses = new Response[4096];
        for (int i = 0; i < responses.length; i++) {
            responses[i] = ((Response.Valid) Response.check(question, List.of(wrong.get(random.nextInt(wrong.size())))))
                    .response();
        }
        attempts = new LiveAttempts(new NoJournal(), new LiveAttempts.Settings(2 * ATTEMPTS, Duration.ofHours(6)));
        tutor = new Tutor(bank, attempts, new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(),
                new java.util.Random(1));
    }

    @Setup(Level.Iteration)
    public void fill() {
        attempts.invalidateAll();
        attempts.cleanUp();
        for (int i = 0; i < ATTEMPTS; i++) {
            attempts.get(key(i), question);
        }
        attempts.cleanUp();
        next = 0;
    }

    private static Place place(int i) {
        return new Place(1, 1_000_000 + i / USERS_PER_POST);
    }

    private static long user(int i) {
        return i % USERS_PER_POST;
    }

    private dev.quiztutor.tutor.AttemptKey key(int i) {
        return new dev.quiztutor.tutor.AttemptKey(place(i), user(i), question.ref());
    }

    @Benchmark
    public Practice.Outcome answerInCache() {
        int i = next;
        next = i + 1 == ATTEMPTS ? 0 : i + 1;
        return tutor.answer(place(i), user(i), question, responses[i & 4095]);
    }
}
