package dev.quiztutor.ops;

import dev.quiztutor.tutor.LiveAttempts;
import java.util.function.Supplier;

/**
 * What the bot reports about itself for an operator's dashboard: interactions and how they were
 * acknowledged, refusals, Discord's 429s, scheduled posts, store writes and the live-attempt cache.
 * The Discord layer and the wiring call it; the domain never does. {@link #NONE} when
 * {@code metrics.port} is off, so an unmetered bot pays nothing; {@link PrometheusMetrics} otherwise.
 */
public interface Metrics {
    /** What the member used. */
    enum Kind { BUTTON, SELECT, MODAL, SLASH_COMMAND, AUTOCOMPLETE }

    /**
     * How the interaction's one acknowledgement went: the answer itself, a deferral (the answer
     * followed later), a polite refusal (see {@link TurnedAway}), or a failure (the handler threw,
     * the answer broke Discord's limits, or Discord refused the acknowledgement).
     */
    enum Outcome { ANSWERED, DEFERRED, REFUSED, FAILED }

    /** Why an interaction was turned away with a polite line. */
    enum TurnedAway {
        /** A button, menu or form the bot cannot read, or that does not fit its question: stale or forged. */
        STALE,
        /** Its question, lesson or test is gone (removed from the bank, expired, replaced). */
        GONE,
        /** Someone else's test. */
        NOT_YOURS,
        /** A moderator's command used by a member who is not one. */
        NOT_ALLOWED,
        /** Every worker busy. */
        BUSY,
        /** The bot is shutting down. */
        RESTARTING
    }

    /** A scheduled post or the reveal of its answer. */
    enum Scheduled { POST, REVEAL }

    /** An acknowledgement Discord took (or refused), {@code nanos} after the interaction arrived. */
    void acknowledged(Kind kind, String name, Outcome outcome, long nanos);

    void turnedAway(TurnedAway why);

    /** Discord answered 429 Too Many Requests; {@code scope} is its X-RateLimit-Scope (user, global, shared) or unknown. */
    void rateLimited(String scope);

    /** A scheduled post or reveal was sent, or failed ({@code permanent}: until a moderator acts). */
    void scheduled(Scheduled what, boolean sent, boolean permanent);

    /** A write to the store returned after {@code nanos}, committed or failed. */
    void storeWrite(long nanos, boolean committed);

    /** Reports the live-attempt cache's size, hits and misses from now on. */
    void attemptCache(Supplier<LiveAttempts.Stats> stats);

    /** Reports nothing: what a bot without {@code metrics.port} uses. */
    Metrics NONE = new Metrics() {
        @Override
        public void acknowledged(Kind kind, String name, Outcome outcome, long nanos) {
        }

        @Override
        public void turnedAway(TurnedAway why) {
        }

        @Override
        public void rateLimited(String scope) {
        }

        @Override
        public void scheduled(Scheduled what, boolean sent, boolean permanent) {
        }

        @Override
        public void storeWrite(long nanos, boolean committed) {
        }

        @Override
        public void attemptCache(Supplier<LiveAttempts.Stats> stats) {
        }
    };
}
