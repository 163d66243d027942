package dev.quiztutor.schedule;

import java.time.Instant;
import java.util.Objects;

/** Why a schedule is not posting: a moderator paused it, or it paused itself after failing repeatedly. */
public sealed interface Pause permits Pause.ByModerator, Pause.AfterFailures {
    Instant at();

    /** "paused by <@123> on ...", for {@code /schedule list}; {@code by} is a user id to mention. */
    record ByModerator(long by, Instant at) implements Pause {
        public ByModerator {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The schedule stopped itself after {@code failures} failed posts in a row; {@code reason} is the
     * last one's ("Missing permission: Send Messages in #quiz").
     */
    record AfterFailures(int failures, String reason, Instant at) implements Pause {
        public AfterFailures {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
