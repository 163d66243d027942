package dev.quiztutor.discord;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.tutor.Response;
import java.util.List;

/** Reads what a click, a menu pick or a form brings back into a tutor response, refusing what does not fit. */
final class Answers {
    private Answers() {
    }

    /** An answer button: an option letter, or T / F on a true-or-false question. */
    static Response.Parsed fromButton(Question q, String value) {
        return switch (q.kind()) {
            case TRUEFALSE -> value.equals("T") || value.equals("F") ? Response.truth(q, value.equals("T"))
                    : new Response.Invalid("not T or F");
            case CHOICE -> Response.check(q, List.of(value));
            case BLANKS, MULTI, MATCHING, SHORT, NUMERIC -> new Response.Invalid("not answered with one button");
        };
    }

    /**
     * How many picks a menu of {@code q} stores: one per blank or item, or the options picked in the
     * one menu of a multiple-response question; 0 when {@code q} has no menus.
     */
    static int menus(Question q) {
        return switch (q.kind()) {
            case BLANKS, MATCHING -> q.parts();
            case MULTI -> 1;
            case CHOICE, TRUEFALSE, SHORT, NUMERIC -> 0;
        };
    }

    /** Whether {@code values} picked in menu {@code part} (1-based) fit {@code q}. */
    static boolean fits(Question q, int part, List<String> values) {
        if (part < 1 || part > menus(q) || values.stream().anyMatch(v -> q.type().option(v).isEmpty())) {
            return false;
        }
        return q.kind() == QuestionKind.MULTI ? !values.isEmpty() && values.stream().distinct().count() == values.size()
                : values.size() == 1;
    }
}
