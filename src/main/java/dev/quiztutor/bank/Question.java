package dev.quiztutor.bank;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A practice question as the bank holds it. What every type shares is here; what makes it a type (the
 * right answer, the options, per-answer feedback) is its {@link QuestionType}.
 */
public record Question(
        QuestionRef ref,
        Difficulty difficulty,
        String prompt,
        QuestionType type,
        List<String> hints,
        int attempts,
        Solution solution,
        List<String> mistakes,
        Optional<Material> material) {

    public Question {
        hints = List.copyOf(hints);
        mistakes = List.copyOf(mistakes);
        Objects.requireNonNull(material, "material");
    }

    /** A question that needs no lesson material in sight. */
    public Question(QuestionRef ref, Difficulty difficulty, String prompt, QuestionType type, List<String> hints,
                    int attempts, Solution solution, List<String> mistakes) {
        this(ref, difficulty, prompt, type, hints, attempts, solution, mistakes, Optional.empty());
    }

    /** The same question shown with {@code material}. */
    public Question withMaterial(Material material) {
        return new Question(ref, difficulty, prompt, type, hints, attempts, solution, mistakes, Optional.of(material));
    }

    public String id() {
        return ref.questionId();
    }

    public QuestionKind kind() {
        return type.kind();
    }

    /** The options of a type that has them (choice, blanks, multi, matching); empty for the others. */
    public List<Option> options() {
        return type.options();
    }

    /**
     * The right letters of a type answered with letters: one for a choice question, one per blank or
     * item, or the right set of a multiple-response question; empty for the other types.
     */
    public List<String> answerLetters() {
        return switch (kind()) {
            case CHOICE -> List.of(((QuestionType.Choice) type).answer());
            case BLANKS -> ((QuestionType.Blanks) type).answer();
            case MULTI -> ((QuestionType.MultipleResponse) type).answer();
            case MATCHING -> ((QuestionType.Matching) type).answer();
            case TRUEFALSE, SHORT, NUMERIC -> List.of();
        };
    }

    /** How many parts are graded: blanks or items; 1 for the types answered in one piece. */
    public int parts() {
        return switch (kind()) {
            case BLANKS, MATCHING -> answerLetters().size();
            case CHOICE, MULTI, TRUEFALSE, SHORT, NUMERIC -> 1;
        };
    }

    /** The right answer as a solution names it: "option B", "blanks [1] = A, [2] = C", "true", "42 ± 0.5". */
    public String answerKey() {
        return switch (kind()) {
            case CHOICE -> "option " + ((QuestionType.Choice) type).answer();
            case BLANKS -> numbered(((QuestionType.Blanks) type).answer(), "blank ", "blanks ");
            case TRUEFALSE -> ((QuestionType.TrueFalse) type).answer() ? "true" : "false";
            case MULTI -> "options " + and(((QuestionType.MultipleResponse) type).answer());
            case SHORT -> "\"" + ((QuestionType.ShortAnswer) type).accepted().get(0) + "\"";
            case NUMERIC -> {
                QuestionType.Numeric n = (QuestionType.Numeric) type;
                yield n.accepted().get(0).written() + (n.unit().isEmpty() ? "" : " " + n.unit());
            }
            case MATCHING -> numbered(((QuestionType.Matching) type).answer(), "item ", "items ");
        };
    }

    /**
     * " (option B)" to follow the final answer in words, or "" when the words already say it, as they
     * do for a typed answer ("Concept drift" needs no "(\"concept drift\")" after it).
     */
    public String answerKeyNote() {
        String key = answerKey();
        String bare = key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
        return TypedText.normalise(solution.answer()).contains(TypedText.normalise(bare)) ? "" : " (" + key + ")";
    }

    /** "blank [1] = A", "blanks [1] = A, [2] = C". */
    private static String numbered(List<String> letters, String one, String many) {
        StringBuilder key = new StringBuilder(letters.size() == 1 ? one : many);
        for (int i = 0; i < letters.size(); i++) {
            key.append(i == 0 ? "" : ", ").append('[').append(i + 1).append("] = ").append(letters.get(i));
        }
        return key.toString();
    }

    /** "A, C and D". */
    public static String and(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
