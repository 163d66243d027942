package dev.quiztutor.bank;

import java.util.List;
import java.util.Optional;

/**
 * A practice question as the bank holds it. The two kinds differ in what an answer is: one letter
 * for a choice question, one letter per numbered blank for a blanks task.
 */
public sealed interface Question permits ChoiceQuestion, BlanksQuestion {
    QuestionRef ref();

    Difficulty difficulty();

    String prompt();

    List<Option> options();

    List<String> hints();

    /** Tries each user gets on this question. */
    int attempts();

    Solution solution();

    List<String> mistakes();

    /** The lesson material shown with the question, when the question cannot be answered without it. */
    Optional<Material> material();

    /** The same question shown with {@code material}. */
    Question withMaterial(Material material);

    QuestionKind kind();

    /** The right letters in order: one for a choice question, one per blank for a blanks task. */
    List<String> answerLetters();

    default String id() {
        return ref().questionId();
    }

    default Optional<Option> option(String letter) {
        return options().stream().filter(o -> o.letter().equals(letter)).findFirst();
    }

    /** The right letters as a solution names them: "option B", "blank [1] = A" or "blanks [1] = A, [2] = C". */
    default String answerKey() {
        if (kind() == QuestionKind.CHOICE) {
            return "option " + answerLetters().get(0);
        }
        StringBuilder key = new StringBuilder(parts() == 1 ? "blank " : "blanks ");
        for (int i = 0; i < parts(); i++) {
            key.append(i == 0 ? "" : ", ").append('[').append(i + 1).append("] = ").append(answerLetters().get(i));
        }
        return key.toString();
    }

    /** How many letters make a complete answer. */
    default int parts() {
        return answerLetters().size();
    }
}
