package dev.quiztutor;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
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

    /**
     * The seed topic alone, as a bank: the Discord tests written around its questions (choice and
     * blanks) pick from it without meeting the other shipped topic's types.
     */
    public static QuizBank seedBank() {
        return new QuizBank(List.of(shippedTopic()));
    }

    public static Topic shippedTopic() {
        return shippedBank().topic("mlops-maturity-levels").orElseThrow();
    }

    public static final Solution SOLUTION = new Solution(List.of(new Step("Think", "It is A.")), "A", "A = A");

    /** A choice question with options A-D, right answer {@code answer}, two hints and three tries. */
    public static Question choice(String id, Difficulty difficulty, String answer) {
        return new Question(new QuestionRef("t", id), difficulty, "Question " + id + "?",
                new QuestionType.Choice(options("A", "B", "C", "D"), answer), List.of("First hint", "Second hint"), 3,
                SOLUTION, List.of("A mistake"));
    }

    public static Question choice(String answer) {
        return choice("q", Difficulty.EASY, answer);
    }

    /** A blanks task with three blanks filled from A-D, right answer {@code answer}. */
    public static Question blanks(String id, Difficulty difficulty, String... answer) {
        String code = String.join("\n", java.util.stream.IntStream.rangeClosed(1, answer.length)
                .mapToObj(i -> "x" + i + " = [" + i + "]").toList());
        return new Question(new QuestionRef("t", id), difficulty, "Fill " + id,
                new QuestionType.Blanks("python", code, options("A", "B", "C", "D"), List.of(answer)),
                List.of("Only hint"), 3, SOLUTION, List.of());
    }

    public static List<Option> options(String... letters) {
        return java.util.Arrays.stream(letters).map(l -> new Option(l, "option " + l)).toList();
    }

    /**
     * A small bank built in code, so that tests do not depend on the quiz files: topics "alpha" and
     * "beta", each with choice questions c1..c6 (easy, medium, hard, easy, medium, hard; answer B,
     * {@code tries} tries, these {@code hints}) and one blanks task "k1" (medium; answer A C, two
     * tries, one hint).
     */
    public static QuizBank twoTopics(int tries, List<String> hints) {
        return new QuizBank(List.of(twoTopicsTopic("alpha", tries, hints), twoTopicsTopic("beta", tries, hints)));
    }

    private static Topic twoTopicsTopic(String id, int tries, List<String> hints) {
        List<Question> questions = new java.util.ArrayList<>();
        Difficulty[] levels = {Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD};
        Solution solution = new Solution(List.of(new Step("Because", "it is.")), "B", "");
        for (int i = 1; i <= 6; i++) {
            questions.add(new Question(new QuestionRef(id, "c" + i), levels[(i - 1) % 3], "Question " + i + "?",
                    new QuestionType.Choice(List.of(new Option("A", "no"), new Option("B", "yes"), new Option("C", "maybe")), "B"),
                    hints, tries, solution, List.of()));
        }
        questions.add(new Question(new QuestionRef(id, "k1"), Difficulty.MEDIUM, "Fill in.",
                new QuestionType.Blanks("python", "x = [1] + [2]",
                        List.of(new Option("A", "1"), new Option("B", "2"), new Option("C", "3")), List.of("A", "C")),
                List.of("One hint."), 2, solution, List.of()));
        return new Topic(id, "Topic " + id, "tests", "A topic for tests.", 5, Optional.empty(), questions,
                Path.of(id + ".json"));
    }

    public static Topic topic(String id, List<Question> questions) {
        return new Topic(id, "Topic " + id, "", "", 0, Optional.empty(), questions, Path.of(id + ".json"));
    }
}
