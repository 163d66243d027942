package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user answered: one option letter for a choice question, one letter per blank (in order) for
 * a blanks task. Only {@link #parse} and {@link #of} make one, so a response always fits its question.
 */
public record Response(List<String> letters) {
    /**
     * The letters A to Z as shared strings, and a shared one-letter response for each: live attempts
     * keep their responses, and a click's letter is otherwise a fresh string cut from its component id.
     */
    private static final String[] LETTERS = new String[26];
    private static final Response[] SINGLE = new Response[26];

    static {
        for (int i = 0; i < 26; i++) {
            LETTERS[i] = String.valueOf((char) ('A' + i)).intern();
        }
        for (int i = 0; i < 26; i++) {
            SINGLE[i] = new Response(List.of(LETTERS[i]));
        }
    }

    public Response {
        String[] shared = new String[letters.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = shared(letters.get(i));
        }
        letters = List.of(shared);
    }

    public static Response of(String... letters) {
        return letters.length == 1 && singleIndex(letters[0]) >= 0 ? SINGLE[singleIndex(letters[0])]
                : new Response(List.of(letters));
    }

    /** The shared string for one capital letter; any other text as it is. */
    private static String shared(String letter) {
        int index = singleIndex(letter);
        return index >= 0 ? LETTERS[index] : letter;
    }

    private static int singleIndex(String letter) {
        if (letter.length() != 1) {
            return -1;
        }
        char c = letter.charAt(0);
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }

    /** The outcome of reading a user's typed answer. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(Response response) implements Parsed {
    }

    /** Why the text is not an answer, phrased for the user. */
    public record Invalid(String reason) implements Parsed {
    }

    /**
     * Reads "b", "A C B", "a,c,b" or "ACB": letters separated by spaces or commas, or run together
     * when every part is a single letter.
     */
    public static Parsed parse(Question question, String text) {
        String trimmed = text.trim().toUpperCase(Locale.ROOT);
        List<String> letters = new ArrayList<>();
        for (String part : trimmed.split("[\\s,;]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isLetter)) {
                part.chars().forEach(c -> letters.add(String.valueOf((char) c)));
            } else {
                letters.add(part);
            }
        }
        return check(question, letters);
    }

    /** Checks letters chosen through buttons or select menus, which a forged interaction could fake. */
    public static Parsed check(Question question, List<String> letters) {
        String valid = validLetters(question);
        int parts = question.parts();
        if (letters.size() != parts) {
            return new Invalid(parts == 1
                    ? "Answer with one letter: " + valid + "."
                    : "Answer with " + parts + " letters, one per blank in order, such as \""
                    + "A C B D".substring(0, 2 * parts - 1) + "\"; options are " + valid + ".");
        }
        for (String letter : letters) {
            if (question.option(letter).isEmpty()) {
                return new Invalid("\"" + letter + "\" is not an option; options are " + valid + ".");
            }
        }
        return new Valid(letters.size() == 1 ? Response.of(letters.get(0)) : new Response(letters));
    }

    private static String validLetters(Question question) {
        List<String> letters = question.options().stream().map(o -> o.letter()).toList();
        return letters.size() <= 2 ? String.join(" or ", letters)
                : String.join(", ", letters.subList(0, letters.size() - 1)) + " or " + letters.get(letters.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(" ", letters);
    }
}
