package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.TypedText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How much of one response is right: 0 or 1 of 1 for a choice question, blanks right for a task. */
public record Grade(int right, int of) {
    /** Shared instances for grades of up to {@code SHARED} parts: a grade is a value, and live attempts keep one each. */
    private static final int SHARED = 16;
    private static final Grade[][] GRADES = new Grade[SHARED + 1][];

    static {
        for (int of = 0; of <= SHARED; of++) {
            GRADES[of] = new Grade[of + 1];
            for (int right = 0; right <= of; right++) {
                GRADES[of][right] = new Grade(right, of);
            }
        }
    }

    /** The grade {@code right} of {@code of}: a shared instance when small. */
    public static Grade of(int right, int of) {
        return of >= 0 && of <= SHARED && right >= 0 && right <= of ? GRADES[of][right] : new Grade(right, of);
    }

    public boolean correct() {
        return right == of;
    }

    /**
     * Grades a response that fits its question (see {@link Response}). Letters per blank or item count
     * one each; a multiple-response pick is {@code right} of {@code of} where right is the picks that
     * are right and of the right options and picks together, so it is correct only for exactly the
     * right set; the other types are right or wrong, 1 or 0 of 1.
     */
    public static Grade of(Question question, Response response) {
        if (!fits(question, response)) {
            // A stored answer to a question whose type has since changed: it was not an answer to this one.
            return of(0, Math.max(1, question.parts()));
        }
        return switch (question.kind()) {
            case CHOICE -> whole(((QuestionType.Choice) question.type()).answer().equals(letters(response).get(0)));
            case BLANKS -> parts(((QuestionType.Blanks) question.type()).answer(), letters(response));
            case MATCHING -> parts(((QuestionType.Matching) question.type()).answer(), letters(response));
            case MULTI -> {
                Set<String> right = new HashSet<>(((QuestionType.MultipleResponse) question.type()).answer());
                Set<String> union = new HashSet<>(right);
                union.addAll(letters(response));
                yield of((int) letters(response).stream().filter(right::contains).count(), union.size());
            }
            case TRUEFALSE -> whole(((QuestionType.TrueFalse) question.type()).answer() == ((Response.Truth) response).value());
            case SHORT -> whole(((QuestionType.ShortAnswer) question.type()).accepts(((Response.Typed) response).text()));
            case NUMERIC -> whole(TypedText.number(((Response.Typed) response).text())
                    .map(n -> ((QuestionType.Numeric) question.type()).accepts(n.value())).orElse(false));
        };
    }

    /** Whether a response is of the shape the question's type takes. */
    public static boolean fits(Question question, Response response) {
        return switch (question.kind()) {
            case CHOICE, MULTI -> response instanceof Response.Letters l && !l.letters().isEmpty();
            case BLANKS, MATCHING -> response instanceof Response.Letters l && l.letters().size() == question.parts();
            case TRUEFALSE -> response instanceof Response.Truth;
            case SHORT, NUMERIC -> response instanceof Response.Typed;
        };
    }

    private static Grade whole(boolean right) {
        return of(right ? 1 : 0, 1);
    }

    private static Grade parts(List<String> answer, List<String> given) {
        int right = 0;
        for (int i = 0; i < answer.size(); i++) {
            if (i < given.size() && answer.get(i).equals(given.get(i))) {
                right++;
            }
        }
        return of(right, answer.size());
    }

    private static List<String> letters(Response response) {
        return ((Response.Letters) response).letters();
    }
}
