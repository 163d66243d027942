package dev.quiztutor.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How hard a question is; the order (easy, medium, hard) is the order tests present them in. */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    /** The word used in quiz files and commands. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label().equals(wanted)).findFirst();
    }

    /** "easy, medium or hard", for error messages. */
    public static String allowed() {
        String all = Arrays.stream(values()).map(Difficulty::label).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
