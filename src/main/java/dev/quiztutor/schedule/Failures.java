package dev.quiztutor.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule's record of failing: how many of its slots failed in a row (a posted slot resets it to
 * zero) and the last failure seen, kept after a success so that {@code /schedule list} can still
 * show "last error".
 */
public record Failures(int consecutive, Optional<Failure> last) {
    public static final Failures NONE = new Failures(0, Optional.empty());

    public Failures {
        Objects.requireNonNull(last, "last");
        if (consecutive < 0) {
            throw new IllegalArgumentException("consecutive failures cannot be negative");
        }
    }

    /** One failure: when, and why in words a moderator can act on. */
    public record Failure(Instant at, String reason) {
        public Failure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
