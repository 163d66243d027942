package dev.quiztutor;

import dev.quiztutor.bank.BankLoader;
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
import java.util.List;
import java.util.Optional;

/** Questions, topics and banks for tests. */
public final class Fixtures {
    public static final Path SHIPPED = Path.of("quizzes");
    public static final Path BROKEN = Path.of("src/test/resources/quizzes-broken");
    public static final Path FOREIGN = Path.of("src/test/resources/quizzes-foreign");

    private Fixtures() {
    }

    public static QuizBank shippedBank() {
        BankLoader.Report report = BankLoader.load(SHIPPED);
        if (!report.problems().isEmpty()) {
            throw new AssertionError("shipped bank has problems: " + report.problems());
        }
        return report.bank();
    }

    public static Topic shippedTopic() {
        return shippedBank().topic("mlops-maturity-levels").orElseThrow();
    }

    public static final Solution SOLUTION = new Solution(List.of(new Step("Think", "It is A.")), "A", "A = A");

    /** A choice question with options A-D, right answer {@code answer}, two hints and three tries. */
    public static ChoiceQuestion choice(String id, Difficulty difficulty, String answer) {
        return new ChoiceQuestion(new QuestionRef("t", id), difficulty, "Question " + id + "?", options("A", "B", "C", "D"),
                answer, List.of("First hint", "Second hint"), 3, SOLUTION, List.of("A mistake"));
    }

    public static ChoiceQuestion choice(String answer) {
        return choice("q", Difficulty.EASY, answer);
    }

    /** A blanks task with three blanks filled from A-D, right answer {@code answer}. */
    public static BlanksQuestion blanks(String id, Difficulty difficulty, String... answer) {
        String code = String.join("\n", java.util.stream.IntStream.rangeClosed(1, answer.length)
                .mapToObj(i -> "x" + i + " = [" + i + "]").toList());
        return new BlanksQuestion(new QuestionRef("t", id), difficulty, "Fill " + id, "python", code,
                options("A", "B", "C", "D"), List.of(answer), List.of("Only hint"), 3, SOLUTION, List.of());
    }

    public static List<Option> options(String... letters) {
        return java.util.Arrays.stream(letters).map(l -> new Option(l, "option " + l)).toList();
    }

    public static Topic topic(String id, List<Question> questions) {
        return new Topic(id, "Topic " + id, "", "", 0, Optional.empty(), questions, Path.of(id + ".json"));
    }
}
