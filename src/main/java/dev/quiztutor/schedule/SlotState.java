package dev.quiztutor.schedule;

/**
 * Where one slot (schedule, local date) stands. The first three outcomes are final: a settled slot is
 * never posted again, whatever process looks at it.
 */
public enum SlotState {
    /** A process claimed it and is posting now; no outcome yet. */
    CLAIMED,
    /** A try failed for a reason that may pass (Discord unavailable); it may be claimed again later. */
    RETRY,
    POSTED,
    /** Not posted, on purpose: it was missed by more than the grace window. */
    SKIPPED,
    /** Not posted: the channel refused it, the topic is gone, or retries ran out. */
    FAILED;

    public boolean settled() {
        return this == POSTED || this == SKIPPED || this == FAILED;
    }
}
