package dev.quiztutor.tutor;

import java.time.Instant;

/**
 * One step of an attempt, as it happened. An attempt is the list of its events; its state and score
 * are derived from them, so persisting an attempt is appending its events, and replaying them after a
 * restart gives back exactly the same state.
 */
public sealed interface AttemptEvent permits AttemptEvent.Answered, AttemptEvent.HintShown, AttemptEvent.GaveUp {
    Instant at();

    /** A counted try, with the grade it got when it was made. */
    record Answered(Instant at, Response response, Grade grade) implements AttemptEvent {
    }

    /** The user asked for, and was shown, hint number {@code number} (1-based). */
    record HintShown(Instant at, int number) implements AttemptEvent {
    }

    /** The user asked to see the solution before solving the question. */
    record GaveUp(Instant at) implements AttemptEvent {
    }
}
