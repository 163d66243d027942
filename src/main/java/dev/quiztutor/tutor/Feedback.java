package dev.quiztutor.tutor;

import java.util.Optional;

/**
 * What the tutor tells one user after an action on a practice question. Front ends render it; it
 * carries no text of its own beyond the hint, so every front end words it its own way.
 */
public sealed interface Feedback {
    /**
     * "Not right", or how many parts of a wrong answer are right, never which: "2 of 4 items right",
     * "1 of your 2 picks is right". One blank or item is simply right or not. Both front ends say it so.
     */
    static String wrongSummary(dev.quiztutor.bank.Question q, Grade grade, Response response) {
        return switch (q.kind()) {
            case BLANKS -> grade.of() == 1 ? "Not right" : grade.right() + " of " + grade.of() + " blanks right";
            case MATCHING -> grade.of() == 1 ? "Not right" : grade.right() + " of " + grade.of() + " items right";
            case MULTI -> {
                int picks = response instanceof Response.Letters l ? l.letters().size() : 0;
                yield grade.right() + " of your " + picks + (picks == 1 ? " pick" : " picks")
                        + (grade.right() == 1 ? " is" : " are") + " right";
            }
            case CHOICE, TRUEFALSE, SHORT, NUMERIC -> "Not right";
        };
    }

    /** The attempt after the action. */
    Progress progress();

    /** Whether the worked solution goes with this feedback: the attempt has ended. */
    default boolean revealsSolution() {
        return progress().status().ended();
    }

    /** Where the attempt stands, for "2 tries left" and "score 0.57". */
    record Progress(Attempt.Status status, int triesUsed, int triesLeft, int hintsShown, int hintsTotal,
                    double score, Optional<Grade> lastGrade) {
        static Progress of(Attempt attempt, int hintsTotal, ScoringPolicy scoring) {
            return new Progress(attempt.status(), attempt.triesUsed(), attempt.triesLeft(), attempt.hintsShown(),
                    hintsTotal, scoring.score(attempt), attempt.lastGrade());
        }

        public boolean moreHints() {
            return !status.ended() && hintsShown < hintsTotal;
        }
    }

    /**
     * Right: the attempt is solved. {@code said} is what the author wrote for this answer ("" for
     * nothing), as for the wrong answers below.
     */
    record Correct(Progress progress, String said) implements Feedback {
    }

    /**
     * Wrong, with tries left; for a blanks, matching or multiple-response task, how many parts are
     * right (never which). {@code said} is the author's feedback on this answer, such as why a
     * distractor is wrong; "" for none, and always "" where it would tell which parts are wrong.
     */
    record Incorrect(Progress progress, Grade grade, Response response, String said) implements Feedback {
    }

    /** Wrong, and that was the last try. */
    record OutOfTries(Progress progress, Grade grade, Response response, String said) implements Feedback {
    }

    /** The user chose to see the solution. */
    record GaveUp(Progress progress) implements Feedback {
    }

    /** The next hint, number {@code number} of {@code progress().hintsTotal()}. */
    record Hint(Progress progress, String text, int number) implements Feedback {
    }

    /** Every hint has been shown already, or the question has none. */
    record NoMoreHints(Progress progress) implements Feedback {
    }

    /** The attempt had already ended; nothing was counted and the result is shown again. */
    record AlreadyEnded(Progress progress) implements Feedback {
    }
}
