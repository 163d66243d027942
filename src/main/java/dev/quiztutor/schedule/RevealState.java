package dev.quiztutor.schedule;

/** Where the answer reveal of a posted slot stands. */
public enum RevealState {
    /** Waiting for its time, or for its next try after a failure that may pass. */
    PENDING,
    /** A process is revealing it now. */
    CLAIMED,
    REVEALED,
    /** Given up: the channel refused it, the question is gone, or retries ran out. */
    FAILED;

    public boolean settled() {
        return this == REVEALED || this == FAILED;
    }
}
