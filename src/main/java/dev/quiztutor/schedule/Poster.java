package dev.quiztutor.schedule;

/**
 * The Discord side of scheduled posts, which the scheduler calls from its own thread. Both calls
 * block until Discord answered and never throw for a Discord failure: they return
 * {@link PostResult.Failed}, saying whether it is permanent.
 *
 * <p>Each call must give up well within the scheduler's claim timeout ({@link Scheduler.Settings},
 * 10 minutes by default; a REST timeout of a minute is plenty): a call still running when the claim
 * times out may be repeated by another process.
 */
public interface Poster {
    /** Posts a question; {@link PostResult.Sent} carries the new message's id. */
    PostResult post(ScheduledPost post);

    /** Reveals the answer on a post made earlier. */
    PostResult reveal(ScheduledReveal reveal);
}
