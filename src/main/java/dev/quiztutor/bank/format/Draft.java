package dev.quiztutor.bank.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A question read from a foreign file, before it gets its id and becomes a question of our JSON
 * format. Deliberately independent of the bank's domain model: importers only need to say what a
 * question is, and {@link DraftWriter} turns that into the file format the validator checks.
 */
public sealed interface Draft {
    Common common();

    /** What every imported question has, whatever its type. Texts are already Discord markdown. */
    record Common(int line, String name, String category, String prompt, Optional<String> difficulty,
            List<String> hints, String generalFeedback, OptionalInt attempts) {
        public Common {
            hints = List.copyOf(hints);
        }

        /** A question with only a prompt and a place in its file; the rest is added with the withers. */
        public static Common of(int line, String name, String category, String prompt) {
            return new Common(line, name, category, prompt, Optional.empty(), List.of(), "", OptionalInt.empty());
        }

        public Common withHints(List<String> hints) {
            return new Common(line, name, category, prompt, difficulty, hints, generalFeedback, attempts);
        }

        public Common withGeneralFeedback(String feedback) {
            return new Common(line, name, category, prompt, difficulty, hints, feedback, attempts);
        }

        public Common withDifficulty(Optional<String> difficulty) {
            return new Common(line, name, category, prompt, difficulty, hints, generalFeedback, attempts);
        }

        public Common withAttempts(OptionalInt attempts) {
            return new Common(line, name, category, prompt, difficulty, hints, generalFeedback, attempts);
        }
    }

    /** An option of a choice or multiple-response question, with the feedback shown when it is picked ("" if none). */
    record Option(String text, String feedback) {
    }

    /** One right option (index into options). */
    record Choice(Common common, List<Option> options, int right) implements Draft {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** Right only with exactly the options of {@code right} (indexes, ascending). */
    record Multi(Common common, List<Option> options, List<Integer> right) implements Draft {
        public Multi {
            options = List.copyOf(options);
            right = List.copyOf(right);
        }
    }

    record TrueFalse(Common common, boolean answer, String feedbackTrue, String feedbackFalse) implements Draft {
    }

    /** Typed answer: any of {@code accept}; {@code feedback} maps typed answers (right or known wrong) to feedback. */
    record Short(Common common, List<String> accept, int typos, Map<String, String> feedback) implements Draft {
        public Short {
            accept = List.copyOf(accept);
        }
    }

    /** A number: any of {@code accept}; {@code feedback} maps numbers as text ("42") to feedback. */
    record Numeric(Common common, List<NumericAnswer> accept, String unit, Map<String, String> feedback)
            implements Draft {
        public Numeric {
            accept = List.copyOf(accept);
        }
    }

    /** Each item matched to one answer of the pool ({@code answer} holds one pool index per item). */
    record Matching(Common common, List<String> items, List<String> pool, List<Integer> answer) implements Draft {
        public Matching {
            items = List.copyOf(items);
            pool = List.copyOf(pool);
            answer = List.copyOf(answer);
        }
    }
}
