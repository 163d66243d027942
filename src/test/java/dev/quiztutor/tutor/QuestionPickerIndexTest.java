package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The indexed pick Tutor uses gives exactly what the plain pick gives, for the same random draws. */
class QuestionPickerIndexTest {
    @Test
    void theIndexedPickIsThePlainPick() {
        SplittableRandom cases = new SplittableRandom(42);
        for (int round = 0; round < 2_000; round++) {
            int n = cases.nextInt(0, 40);
            List<Question> questions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                questions.add(Fixtures.choice("q" + i, Difficulty.EASY, "A"));
            }
            List<QuestionRef> recent = new ArrayList<>();
            int met = cases.nextInt(0, 25);
            for (int i = 0; i < met; i++) {
                recent.add(new QuestionRef("t", "q" + cases.nextInt(0, Math.max(1, n + 3))));
            }
            long seed = cases.nextLong();
            Optional<Question> plain = QuestionPicker.pick(questions, recent, new Random(seed));
            Optional<Question> indexed = QuestionPicker.pick(new QuestionPicker.Candidates(questions), recent,
                    new Random(seed));
            assertEquals(plain, indexed, "candidates " + n + ", recent " + recent);
        }
    }
}
