package dev.quiztutor.tutor;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;

/**
 * An attempt event as it is handed to the journal, with what storage keeps beside it for figures
 * (per topic and difficulty, points): the question's difficulty and kind, and the attempt's status
 * and score right after the event.
 */
public record RecordedEvent(AttemptKey key, Difficulty difficulty, QuestionKind kind, AttemptEvent event,
                            Attempt.Status statusAfter, double scoreAfter) {

    static RecordedEvent of(AttemptKey key, Question question, AttemptEvent event, Attempt after,
                            ScoringPolicy scoring) {
        return new RecordedEvent(key, question.difficulty(), question.kind(), event, after.status(),
                scoring.score(after));
    }

    /** True for the event that ended the attempt: the one that counts for the user's figures. */
    public boolean ends() {
        return statusAfter.ended();
    }

    /** True for the event that ended an attempt at a scored place: it adds to figures and the leaderboard. */
    public boolean scores() {
        return ends() && key.place().kind().scored();
    }
}
