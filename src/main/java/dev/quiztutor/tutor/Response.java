package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.TypedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user answered: option letters (choice: one; blanks and matching: one per blank or item, in
 * order; multi: the picked set, in letter order), true or false, or typed text (short and numeric
 * answers). Only the factories below make one from user input, so a response always fits its question.
 */
public sealed interface Response permits Response.Letters, Response.Truth, Response.Typed {

    /** Option letters. */
    record Letters(List<String> letters) implements Response {
        public Letters {
            String[] shared = new String[letters.size()];
            for (int i = 0; i < shared.length; i++) {
                shared[i] = Shared.letter(letters.get(i));
            }
            letters = List.of(shared);
        }

        @Override
        public String toString() {
            return String.join(" ", letters);
        }
    }

    /** True or false. */
    record Truth(boolean value) implements Response {
        public static final Truth TRUE = new Truth(true);
        public static final Truth FALSE = new Truth(false);

        public static Truth of(boolean value) {
            return value ? TRUE : FALSE;
        }

        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /** Text as the user typed it: a short answer or a number. */
    record Typed(String text) implements Response {
        @Override
        public String toString() {
            return "\"" + text + "\"";
        }
    }

    /** A response of one or more letters, shared when it is one capital letter (live attempts keep many). */
    static Letters of(String... letters) {
        return letters.length == 1 && Shared.index(letters[0]) >= 0 ? Shared.SINGLE[Shared.index(letters[0])]
                : new Letters(List.of(letters));
    }

    /** The outcome of reading a user's answer. */
    sealed interface Parsed permits Valid, Invalid {
    }

    record Valid(Response response) implements Parsed {
    }

    /** Why the input is not an answer, phrased for the user; nothing is counted. */
    record Invalid(String reason) implements Parsed {
    }

    /**
     * Reads an answer typed in the console: "b", "A C B", "a,c,b" or "ACB" for letters; "true", "t",
     * "false", "f" (and yes/no) for true or false; anything for a short answer; a number for a numeric one.
     */
    static Parsed parse(Question question, String text) {
        return switch (question.kind()) {
            case CHOICE, BLANKS, MULTI, MATCHING -> check(question, splitLetters(text));
            case TRUEFALSE -> {
                String t = text.strip().toLowerCase(Locale.ROOT);
                if (List.of("true", "t", "yes", "y").contains(t)) {
                    yield new Valid(Truth.TRUE);
                }
                if (List.of("false", "f", "no", "n").contains(t)) {
                    yield new Valid(Truth.FALSE);
                }
                yield new Invalid("Answer true or false.");
            }
            case SHORT, NUMERIC -> typed(question, text);
        };
    }

    private static List<String> splitLetters(String text) {
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
        return letters;
    }

    /** Checks letters chosen through buttons or select menus, which a forged interaction could fake. */
    static Parsed check(Question question, List<String> letters) {
        // The valid letters are worded only for a refusal: every click passes through here.
        QuestionKind kind = question.kind();
        if (kind == QuestionKind.TRUEFALSE || kind.typed()) {
            return new Invalid("This question takes " + (kind == QuestionKind.TRUEFALSE ? "true or false" : "a typed answer")
                    + ", not letters.");
        }
        if (question.options().isEmpty()) {
            return new Invalid("This question has no options.");
        }
        for (String letter : letters) {
            if (letter == null || question.type().option(letter).isEmpty()) {
                return new Invalid("\"" + letter + "\" is not an option; options are " + validLetters(question) + ".");
            }
        }
        if (kind == QuestionKind.MULTI) {
            Set<String> distinct = new LinkedHashSet<>(letters);
            if (distinct.isEmpty()) {
                return new Invalid("Pick at least one option: " + validLetters(question) + ".");
            }
            if (distinct.size() != letters.size()) {
                return new Invalid("Name each option once; options are " + validLetters(question) + ".");
            }
            return new Valid(new Letters(distinct.stream().sorted().toList()));
        }
        int parts = question.parts();
        if (letters.size() != parts) {
            String each = kind == QuestionKind.MATCHING ? "item" : "blank";
            return new Invalid(parts == 1
                    ? "Answer with one letter: " + validLetters(question) + "."
                    : "Answer with " + parts + " letters, one per " + each + " in order, such as \""
                    + "A C B D".substring(0, 2 * Math.min(parts, 4) - 1) + "\"; options are " + validLetters(question) + ".");
        }
        return new Valid(letters.size() == 1 ? of(letters.get(0)) : new Letters(letters));
    }

    /** A true/false button, which a forged interaction could send to another type. */
    static Parsed truth(Question question, boolean value) {
        return question.kind() == QuestionKind.TRUEFALSE ? new Valid(Truth.of(value))
                : new Invalid("This question does not take true or false.");
    }

    /** Typed text: a short answer, or a number (with the question's unit, if any). */
    static Parsed typed(Question question, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Invalid("Type an answer.");
        }
        if (t.length() > TypedText.MAX_TYPED) {
            return new Invalid("That is " + t.length() + " characters; an answer here is at most " + TypedText.MAX_TYPED + ".");
        }
        switch (question.kind()) {
            case SHORT:
                return new Valid(new Typed(t));
            case NUMERIC: {
                QuestionType.Numeric numeric = (QuestionType.Numeric) question.type();
                var number = TypedText.number(t);
                if (number.isEmpty()) {
                    return new Invalid("\"" + t + "\" is not a number; type digits such as 3.5 or 3,5"
                            + (numeric.unit().isEmpty() ? "" : " (in " + numeric.unit() + ")") + ".");
                }
                String rest = number.get().rest();
                if (!rest.isEmpty() && !TypedText.normalise(rest).equals(TypedText.normalise(numeric.unit()))) {
                    return new Invalid(numeric.unit().isEmpty()
                            ? "Type just the number, without \"" + rest + "\"."
                            : "The answer is in " + numeric.unit() + "; type the number alone or followed by "
                            + numeric.unit() + ", not \"" + rest + "\".");
                }
                return new Valid(new Typed(t));
            }
            default:
                return new Invalid("This question does not take a typed answer.");
        }
    }

    private static String validLetters(Question question) {
        List<String> letters = question.options().stream().map(o -> o.letter()).toList();
        return letters.size() <= 2 ? String.join(" or ", letters)
                : String.join(", ", letters.subList(0, letters.size() - 1)) + " or " + letters.get(letters.size() - 1);
    }

    /** Shared letter strings and one-letter responses: a click's letter is otherwise a fresh string. */
    final class Shared {
        private static final String[] LETTERS = new String[26];
        private static final Letters[] SINGLE = new Letters[26];

        static {
            for (int i = 0; i < 26; i++) {
                LETTERS[i] = String.valueOf((char) ('A' + i)).intern();
            }
            for (int i = 0; i < 26; i++) {
                SINGLE[i] = new Letters(List.of(LETTERS[i]));
            }
        }

        private Shared() {
        }

        static String letter(String letter) {
            int index = index(letter);
            return index >= 0 ? LETTERS[index] : letter;
        }

        static int index(String letter) {
            if (letter == null || letter.length() != 1) {
                return -1;
            }
            char c = letter.charAt(0);
            return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
        }
    }
}
