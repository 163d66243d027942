package dev.quiztutor.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fill-in-the-blank code task: {@code code} holds numbered blanks {@code [1]}, {@code [2]}... and
 * every blank is filled from the shared {@code options} pool; one option may fill several blanks.
 */
public record BlanksQuestion(
        QuestionRef ref,
        Difficulty difficulty,
        String prompt,
        String language,
        String code,
        List<Option> options,
        List<String> answer,
        List<String> hints,
        int attempts,
        Solution solution,
        List<String> mistakes,
        Optional<Material> material) implements Question {

    public BlanksQuestion {
        options = List.copyOf(options);
        answer = List.copyOf(answer);
        hints = List.copyOf(hints);
        mistakes = List.copyOf(mistakes);
        Objects.requireNonNull(material, "material");
    }

    /** A task that needs no lesson material in sight. */
    public BlanksQuestion(QuestionRef ref, Difficulty difficulty, String prompt, String language, String code,
                          List<Option> options, List<String> answer, List<String> hints, int attempts,
                          Solution solution, List<String> mistakes) {
        this(ref, difficulty, prompt, language, code, options, answer, hints, attempts, solution, mistakes,
                Optional.empty());
    }

    @Override
    public BlanksQuestion withMaterial(Material material) {
        return new BlanksQuestion(ref, difficulty, prompt, language, code, options, answer, hints, attempts, solution,
                mistakes, Optional.of(material));
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.BLANKS;
    }

    @Override
    public List<String> answerLetters() {
        return answer;
    }

    public int blanks() {
        return answer.size();
    }

    /** The code with every blank filled with its option's text, as in the worked solution. */
    public String filledCode(List<String> letters) {
        String filled = code;
        for (int i = 0; i < letters.size(); i++) {
            String text = option(letters.get(i)).map(Option::text).orElse("?");
            filled = filled.replace("[" + (i + 1) + "]", text);
        }
        return filled;
    }
}
