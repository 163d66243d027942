package dev.quiztutor.tutor;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import java.util.Objects;
import java.util.Optional;

/**
 * An attempt event as it is handed to the journal, with what storage keeps beside it for figures
 * (per topic and difficulty, points): the question's difficulty and kind, and the attempt's status
 * and score right after the event; and, when the tutor recorded it, the whole attempt after the event,
 * from which storage keeps the member's review card without reading the attempt back.
 */
public record RecordedEvent(AttemptKey key, Difficulty difficulty, QuestionKind kind, AttemptEvent event,
                            Attempt.Status statusAfter, double scoreAfter, Optional<Attempt> attemptAfter) {

    public RecordedEvent {
        Objects.requireNonNull(attemptAfter, "attemptAfter");
    }

    /** An event without its attempt (a test or a benchmark writing events by hand): storage reads the attempt back. */
    public RecordedEvent(AttemptKey key, Difficulty difficulty, QuestionKind kind, AttemptEvent event,
                         Attempt.Status statusAfter, double scoreAfter) {
        this(key, difficulty, kind, event, statusAfter, scoreAfter, Optional.empty());
    }

    static RecordedEvent of(AttemptKey key, Question question, AttemptEvent event, Attempt after,
                            ScoringPolicy scoring) {
        return new RecordedEvent(key, question.difficulty(), question.kind(), event, after.status(),
                scoring.score(after), Optional.of(after));
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
