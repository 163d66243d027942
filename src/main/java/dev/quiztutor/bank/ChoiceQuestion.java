package dev.quiztutor.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        List<String> mistakes,
        Optional<Material> material) implements Question {

    public ChoiceQuestion {
        options = List.copyOf(options);
        hints = List.copyOf(hints);
        mistakes = List.copyOf(mistakes);
        Objects.requireNonNull(material, "material");
    }

    /** A question that needs no lesson material in sight. */
    public ChoiceQuestion(QuestionRef ref, Difficulty difficulty, String prompt, List<Option> options, String answer,
                          List<String> hints, int attempts, Solution solution, List<String> mistakes) {
        this(ref, difficulty, prompt, options, answer, hints, attempts, solution, mistakes, Optional.empty());
    }

    @Override
    public ChoiceQuestion withMaterial(Material material) {
        return new ChoiceQuestion(ref, difficulty, prompt, options, answer, hints, attempts, solution, mistakes,
                Optional.of(material));
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
