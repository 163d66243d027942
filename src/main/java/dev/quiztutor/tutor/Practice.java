package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import java.time.Instant;
import java.util.Optional;

/**
 * The practice behaviour, "interactive with multiple tries": the user answers until right or out of
 * tries, may ask for hints one at a time, and may give up; then the solution is revealed. Pure
 * decisions: given an attempt and an action, the event to record and the feedback to give.
 */
public final class Practice {
    private final ScoringPolicy scoring;

    public Practice(ScoringPolicy scoring) {
        this.scoring = scoring;
    }

    public ScoringPolicy scoring() {
        return scoring;
    }

    /** A decision: the attempt after it, the event to record (none if nothing counted), and the feedback. */
    public record Outcome(Attempt attempt, Optional<AttemptEvent> recorded, Feedback feedback) {
    }

    public Outcome answer(Question question, Attempt attempt, Response response, Instant now) {
        if (attempt.status().ended()) {
            return unchanged(question, attempt);
        }
        Grade grade = Grade.of(question, response);
        AttemptEvent event = new AttemptEvent.Answered(now, response, grade);
        Attempt next = attempt.with(event);
        Feedback.Progress progress = progress(question, next);
        String said = AnswerFeedback.of(question, response);
        Feedback feedback = switch (next.status()) {
            case SOLVED -> new Feedback.Correct(progress, said);
            case OUT_OF_TRIES -> new Feedback.OutOfTries(progress, grade, response, said);
            default -> new Feedback.Incorrect(progress, grade, response, said);
        };
        return new Outcome(next, Optional.of(event), feedback);
    }

    public Outcome hint(Question question, Attempt attempt, Instant now) {
        if (attempt.status().ended()) {
            return unchanged(question, attempt);
        }
        int number = attempt.hintsShown() + 1;
        if (number > question.hints().size()) {
            return new Outcome(attempt, Optional.empty(), new Feedback.NoMoreHints(progress(question, attempt)));
        }
        AttemptEvent event = new AttemptEvent.HintShown(now, number);
        Attempt next = attempt.with(event);
        return new Outcome(next, Optional.of(event),
                new Feedback.Hint(progress(question, next), question.hints().get(number - 1), number));
    }

    public Outcome giveUp(Question question, Attempt attempt, Instant now) {
        if (attempt.status().ended()) {
            return unchanged(question, attempt);
        }
        AttemptEvent event = new AttemptEvent.GaveUp(now);
        Attempt next = attempt.with(event);
        return new Outcome(next, Optional.of(event), new Feedback.GaveUp(progress(question, next)));
    }

    /** Where the attempt stands, without acting on it. */
    public Feedback.Progress progress(Question question, Attempt attempt) {
        return Feedback.Progress.of(attempt, question.hints().size(), scoring);
    }

    private Outcome unchanged(Question question, Attempt attempt) {
        return new Outcome(attempt, Optional.empty(), new Feedback.AlreadyEnded(progress(question, attempt)));
    }
}
