package dev.quiztutor.tutor;

import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.TypedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The author's feedback on one answer, as Moodle and GIFT give it per option: why this distractor is
 * wrong, what this typed answer misses. Tasks of several parts (blanks, matching, multiple response)
 * get none with a try, since it would tell which parts are wrong; their learners see it all in the
 * reveal ({@link #picked}).
 */
public final class AnswerFeedback {
    private AnswerFeedback() {
    }

    /** What to tell a learner who gave {@code response} with their try; "" for nothing. */
    public static String of(Question question, Response response) {
        if (!Grade.fits(question, response)) {
            return "";
        }
        return switch (question.kind()) {
            case CHOICE -> question.type().option(((Response.Letters) response).letters().get(0))
                    .map(Option::feedback).orElse("");
            case TRUEFALSE -> ((QuestionType.TrueFalse) question.type()).feedback(((Response.Truth) response).value());
            case SHORT -> ((QuestionType.ShortAnswer) question.type()).feedback(((Response.Typed) response).text()).orElse("");
            case NUMERIC -> TypedText.number(((Response.Typed) response).text())
                    .flatMap(n -> ((QuestionType.Numeric) question.type()).feedback(n.value())).orElse("");
            case BLANKS, MATCHING, MULTI -> "";
        };
    }

    /**
     * The feedback of every option a learner picked, for the reveal of a several-part task: "B: why B is
     * wrong". Empty when the response is not letters or no picked option has feedback.
     */
    public static List<String> picked(Question question, Response response) {
        List<String> lines = new ArrayList<>();
        if (response instanceof Response.Letters letters) {
            for (String letter : letters.letters().stream().distinct().toList()) {
                question.type().option(letter).filter(Option::hasFeedback)
                        .ifPresent(o -> lines.add(o.letter() + ": " + o.feedback()));
            }
        }
        return lines;
    }
}
