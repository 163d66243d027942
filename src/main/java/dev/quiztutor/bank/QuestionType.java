package dev.quiztutor.bank;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What makes a question of one type: its right answer and what a learner may be told about each
 * answer they give. What every question shares (prompt, hints, tries, solution, mistakes) is in
 * {@link Question}; one case here per {@link QuestionKind}.
 */
public sealed interface QuestionType {
    QuestionKind kind();

    /** Options the learner picks from (choice, multi) or fills blanks and items from (blanks, matching). */
    default List<Option> options() {
        return List.of();
    }

    default Optional<Option> option(String letter) {
        // A loop, not a stream: the bank's checks ask for it per blank of every task (a filled code).
        for (Option option : options()) {
            if (option.letter().equals(letter)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** Multiple choice: one right option among {@code options}. */
    record Choice(List<Option> options, String answer) implements QuestionType {
        public Choice {
            options = List.copyOf(options);
        }

        public QuestionKind kind() {
            return QuestionKind.CHOICE;
        }
    }

    /**
     * A fill-in-the-blank code task: {@code code} holds numbered blanks {@code [1]}, {@code [2]}... and
     * every blank is filled from the shared {@code options} pool; one option may fill several blanks.
     */
    record Blanks(String language, String code, List<Option> options, List<String> answer) implements QuestionType {
        public Blanks {
            options = List.copyOf(options);
            answer = List.copyOf(answer);
        }

        public QuestionKind kind() {
            return QuestionKind.BLANKS;
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

    /** A statement that is true or false, with what to tell a learner who says each. */
    record TrueFalse(boolean answer, String feedbackTrue, String feedbackFalse) implements QuestionType {
        public QuestionKind kind() {
            return QuestionKind.TRUEFALSE;
        }

        /** What a learner who says {@code value} is told ("" for nothing). */
        public String feedback(boolean value) {
            return value ? feedbackTrue : feedbackFalse;
        }
    }

    /** Multiple response: the learner picks several options and is right only with exactly {@code answer}. */
    record MultipleResponse(List<Option> options, List<String> answer) implements QuestionType {
        public MultipleResponse {
            options = List.copyOf(options);
            answer = List.copyOf(answer);
        }

        public QuestionKind kind() {
            return QuestionKind.MULTI;
        }
    }

    /**
     * A typed answer: right when it equals one of {@code accepted} after {@link TypedText#normalise},
     * or is within {@code typos} edits of one. {@code known} are answers (right or wrong) with what to
     * tell a learner who types them.
     */
    record ShortAnswer(List<String> accepted, int typos, List<KnownAnswer> known) implements QuestionType {
        public ShortAnswer {
            accepted = List.copyOf(accepted);
            known = List.copyOf(known);
        }

        public QuestionKind kind() {
            return QuestionKind.SHORT;
        }

        /** Whether {@code typed} is right. Known wrong answers are never right, however close they are. */
        public boolean accepts(String typed) {
            String given = TypedText.normalise(typed);
            if (given.isEmpty()) {
                return false;
            }
            for (String answer : accepted) {
                if (TypedText.normalise(answer).equals(given)) {
                    return true;
                }
            }
            if (typos == 0 || knownWrong(given)) {
                return false;
            }
            for (String answer : accepted) {
                if (TypedText.withinEdits(TypedText.normalise(answer), given, typos)) {
                    return true;
                }
            }
            return false;
        }

        private boolean knownWrong(String normalised) {
            return known.stream().anyMatch(k -> TypedText.normalise(k.answer()).equals(normalised)
                    && accepted.stream().noneMatch(a -> TypedText.normalise(a).equals(normalised)));
        }

        /** The feedback written for {@code typed}, if any. */
        public Optional<String> feedback(String typed) {
            String given = TypedText.normalise(typed);
            return known.stream().filter(k -> TypedText.normalise(k.answer()).equals(given))
                    .map(KnownAnswer::feedback).findFirst();
        }

        /** The longest text a learner may need to type: the longest accepted answer. */
        public int longestAnswer() {
            return accepted.stream().mapToInt(String::length).max().orElse(0);
        }
    }

    /** A typed answer with its own feedback: a common wrong answer and why, or a note on a right one. */
    record KnownAnswer(String answer, String feedback) {
    }

    /**
     * A number: right when it falls in one of {@code accepted}. {@code unit} ("" for none) may follow
     * the number; {@code known} are numbers with their own feedback.
     */
    record Numeric(List<NumberRange> accepted, String unit, List<KnownNumber> known) implements QuestionType {
        public Numeric {
            accepted = List.copyOf(accepted);
            known = List.copyOf(known);
        }

        public QuestionKind kind() {
            return QuestionKind.NUMERIC;
        }

        public boolean accepts(BigDecimal value) {
            return accepted.stream().anyMatch(r -> r.contains(value));
        }

        public Optional<String> feedback(BigDecimal value) {
            return known.stream().filter(k -> k.value().compareTo(value) == 0).map(KnownNumber::feedback).findFirst();
        }
    }

    /**
     * The numbers from {@code min} to {@code max}, both included, and how the author wrote them: a value
     * with its tolerance ("3.14 ± 0.01", or "42" for an exact one) or a range ("1 to 2").
     */
    record NumberRange(BigDecimal min, BigDecimal max, String written) {
        public static NumberRange around(BigDecimal value, BigDecimal tolerance) {
            BigDecimal t = tolerance.abs();
            String written = t.signum() == 0 ? plain(value) : plain(value) + " ± " + plain(t);
            return new NumberRange(value.subtract(t), value.add(t), written);
        }

        public static NumberRange between(BigDecimal min, BigDecimal max) {
            return new NumberRange(min, max, plain(min) + " to " + plain(max));
        }

        public boolean contains(BigDecimal value) {
            return min.compareTo(value) <= 0 && value.compareTo(max) <= 0;
        }

        /** Whether the author wrote a range rather than a value. */
        public boolean isRange() {
            return written.contains(" to ");
        }

        public BigDecimal middle() {
            return min.add(max).divide(BigDecimal.valueOf(2));
        }

        public BigDecimal tolerance() {
            return max.subtract(min).divide(BigDecimal.valueOf(2));
        }

        public static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** A number with its own feedback. */
    record KnownNumber(BigDecimal value, String feedback) {
    }

    /**
     * Matching: each of {@code items} is matched to one option of a shared pool, which may hold extra
     * options; {@code answer} holds one letter per item.
     */
    record Matching(List<String> items, List<Option> options, List<String> answer) implements QuestionType {
        public Matching {
            items = List.copyOf(items);
            options = List.copyOf(options);
            answer = List.copyOf(answer);
        }

        public QuestionKind kind() {
            return QuestionKind.MATCHING;
        }
    }
}
