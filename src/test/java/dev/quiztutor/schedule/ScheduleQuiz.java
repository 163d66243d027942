package dev.quiztutor.schedule;

import dev.quiztutor.bank.BlanksQuestion;
import dev.quiztutor.bank.ChoiceQuestion;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Solution;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bank built in code for the scheduler's tests: topic "alpha" with six choice questions c1..c6
 * (easy, medium, hard, twice; answer B, two tries) and one blanks task k1; topic "beta" alike.
 */
final class ScheduleQuiz {
    static final QuizBank BANK = new QuizBank(List.of(topic("alpha"), topic("beta")));

    private ScheduleQuiz() {
    }

    static Question question(String topic, String id) {
        return BANK.question(new QuestionRef(topic, id)).orElseThrow();
    }

    private static Topic topic(String id) {
        List<Question> questions = new ArrayList<>();
        Difficulty[] levels = {Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD};
        for (int i = 1; i <= 6; i++) {
            questions.add(new ChoiceQuestion(new QuestionRef(id, "c" + i), levels[(i - 1) % 3], "Question " + i + "?",
                    List.of(new Option("A", "no"), new Option("B", "yes"), new Option("C", "maybe")), "B",
                    List.of("Think."), 2, solution(), List.of()));
        }
        questions.add(new BlanksQuestion(new QuestionRef(id, "k1"), Difficulty.MEDIUM, "Fill in.", "python",
                "x = [1] + [2]", List.of(new Option("A", "1"), new Option("B", "2"), new Option("C", "3")),
                List.of("A", "C"), List.of("One hint."), 2, solution(), List.of()));
        return new Topic(id, "Topic " + id, "tests", "A topic for tests.", 5, Optional.empty(), questions,
                Path.of(id + ".json"));
    }

    private static Solution solution() {
        return new Solution(List.of(new Step("Because", "it is.")), "B", "");
    }
}
