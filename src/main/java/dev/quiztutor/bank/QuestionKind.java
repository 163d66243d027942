package dev.quiztutor.bank;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question types a bank holds, by the word quiz files use for them. Each has one case of
 * {@link QuestionType} holding its answer; switch expressions over this enum are how the front ends
 * reach every type (the compiler names a missing one).
 */
public enum QuestionKind {
    CHOICE("choice", "multiple choice"),
    BLANKS("blanks", "fill in the blanks"),
    TRUEFALSE("truefalse", "true or false"),
    MULTI("multi", "multiple response"),
    SHORT("short", "short answer"),
    NUMERIC("numeric", "number"),
    MATCHING("matching", "matching");

    /** What /practice, the console's {@code practice} and a practice schedule post: every type but code tasks. */
    public static final Set<QuestionKind> PRACTICE = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(BLANKS)));
    /** What /code and a code schedule post: fill-in-the-blank code tasks. */
    public static final Set<QuestionKind> CODE = Collections.unmodifiableSet(EnumSet.of(BLANKS));

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

    /** Whether the answer is typed (a modal on Discord) rather than picked. */
    public boolean typed() {
        return this == SHORT || this == NUMERIC;
    }

    /**
     * Whether the answer is picked part by part in select menus, then checked: blanks and matching
     * (a menu per blank or item) and multiple response (one menu of several values).
     */
    public boolean picksParts() {
        return this == BLANKS || this == MATCHING || this == MULTI;
    }

    public static Optional<QuestionKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text)).findFirst();
    }

    /** "\"choice\", \"blanks\", ... or \"matching\"", for error messages. */
    public static String allowed() {
        String all = Arrays.stream(values()).map(k -> "\"" + k.label + "\"").collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The kinds a post of {@code kind} draws from: code tasks, or every practice type. */
    public static Set<QuestionKind> family(QuestionKind kind) {
        return kind == BLANKS ? CODE : PRACTICE;
    }
}
