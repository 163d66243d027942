package dev.quiztutor.schedule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code /schedule list}: the schedule (with its pause and failures), when it posts
 * next (empty while paused), its last post and its latest slots, newest first, which show skipped
 * and failed days with their reasons.
 */
public record ScheduleStatus(Schedule schedule, Optional<Slot> next, Optional<SlotRecord> lastPost,
                             List<SlotRecord> recent) {
    public ScheduleStatus {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(lastPost, "lastPost");
        recent = List.copyOf(recent);
    }

    /** The last failure, for "last error: ..."; also kept after a later success. */
    public Optional<Failures.Failure> lastError() {
        return schedule.failures().last();
    }
}
