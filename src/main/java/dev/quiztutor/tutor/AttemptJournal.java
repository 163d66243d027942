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
     * The users who made at least one try at {@code place}, and those who solved; what a public post
     * shows as "12 answered, 7 right" after a restart.
     */
    default PlaceSummary summary(Place place) {
        return PlaceSummary.EMPTY;
    }
}
