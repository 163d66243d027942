package dev.quiztutor.bank;

import java.util.List;

/** Multiple choice: one right option among {@code options}. */
public record ChoiceQuestion(
        QuestionRef ref,
        Difficulty difficulty,
        String prompt,
        List<Option> options,
        String answer,
        List<String> hints,
        int attempts,
        Solution solution,
        List<String> mistakes) implements Question {

    public ChoiceQuestion {
        options = List.copyOf(options);
        hints = List.copyOf(hints);
        mistakes = List.copyOf(mistakes);
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.CHOICE;
    }

    @Override
    public List<String> answerLetters() {
        return List.of(answer);
    }
}
