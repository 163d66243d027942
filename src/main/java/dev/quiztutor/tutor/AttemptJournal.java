package dev.quiztutor.tutor;

import java.util.List;

/**
 * Where attempt events are kept so that they outlive the cache and the process. The tutor only
 * appends and replays; storage decides how (see {@code store/}).
 */
public interface AttemptJournal {
    /** Every event of the attempt, oldest first; empty for an attempt never started. */
    List<AttemptEvent> load(AttemptKey key);

    /** Makes the event durable before returning: an event the user was told about is never lost. */
    void append(RecordedEvent event);

    /**
     * Makes {@code event} durable as the first event of its attempt, only if the attempt has none yet;
     * false, having stored nothing, when it has. A click on an attempt that is not in memory is most often
     * the member's first on it, so {@link LiveAttempts} decides it as a new attempt and lets the journal
     * check, which a database does within the write itself instead of reading the attempt first.
     */
    default boolean appendFirst(RecordedEvent event) {
        if (!load(event.key()).isEmpty()) {
            return false;
        }
        append(event);
        return true;
    }

    /**
     * The users who made at least one try at {@code place}, and those who solved; what a public post
     * shows as "12 answered, 7 right" after a restart.
     */
    default PlaceSummary summary(Place place) {
        return PlaceSummary.EMPTY;
    }
}
