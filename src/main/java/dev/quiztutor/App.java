package dev.quiztutor;

import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.config.Config;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Tutor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** Wiring: builds the tutor and its parts from the config. */
public final class App {
    private App() {
    }

    /** A tutor that keeps everything in memory, for the console. */
    public static Tutor tutor(Config config, QuizBank bank) {
        LiveAttempts attempts = new LiveAttempts(new InMemoryAttemptJournal(), config.tutor().attemptCache().settings());
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        return new Tutor(bank, attempts, new InMemoryHistory(), config.tutor().scoring(), Clock.systemUTC(), random);
    }

    static long seed() {
        return new SecureRandom().nextLong();
    }
}
