package dev.quiztutor.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * The right to post one slot, won in the store ({@link ScheduleStore#claim}). Only the holder of
 * the current claim can record the slot's outcome: the token is checked by every write.
 *
 * @param tries       1 for the first claim; more when a failed try or an abandoned claim is taken over
 * @param lastFailure the reason the previous try failed, when it did (not when it was abandoned)
 */
public record SlotClaim(long scheduleId, Slot slot, long token, int tries, Optional<String> lastFailure) {
    public SlotClaim {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }
}
