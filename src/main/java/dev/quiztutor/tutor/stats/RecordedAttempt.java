package dev.quiztutor.tutor.stats;

import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.AttemptEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's attempt at one question, as the store keeps it: its events, oldest first, and the topic
 * test it was part of, if it was. Attempts at posts, lessons, reviews and tests all count for a
 * question's attempts, facility and picks; only those in a test count for its discrimination.
 */
public record RecordedAttempt(QuestionRef question, Optional<Sitting> test, List<AttemptEvent> events) {
    /** One member's sitting of one topic test: the attempts that share it are the test's questions. */
    public record Sitting(long guild, long user, long test) {
    }

    public RecordedAttempt {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(test, "test");
        events = List.copyOf(events);
    }
}
