package dev.quiztutor.bank;

import java.util.Arrays;
import java.util.Optional;

/** The two question types a bank holds: multiple choice and fill-in-the-blank code. */
public enum QuestionKind {
    CHOICE("choice", "multiple choice"),
    BLANKS("blanks", "fill in the blanks");

    private final String label;
    private final String description;

    QuestionKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The word used in quiz files. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<QuestionKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text)).findFirst();
    }
}
