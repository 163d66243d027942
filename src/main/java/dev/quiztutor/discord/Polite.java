package dev.quiztutor.discord;

import dev.quiztutor.ops.Metrics;
import java.util.Map;
import java.util.Optional;

/** The short lines users get when something cannot be done; never a stack trace. */
final class Polite {
    static final String STALE = "This button is from an older version of the bot or is no longer valid."
            + " Use /practice for a fresh question.";
    static final String GONE = "This question is no longer in the quiz bank. Try /practice for a new one.";
    static final String LESSON_GONE = "This lesson is no longer available. Use /learn to start again.";
    static final String TEST_EXPIRED = "This test has expired or was replaced by a newer one. Start again with /test.";
    static final String NOT_YOURS = "This test belongs to someone else. Start your own with /test.";
    static final String SORRY = "Sorry, something went wrong on my side. Please try again in a moment.";
    static final String BUSY = "I'm very busy right now. Please try again in a moment.";
    static final String CANNOT_SHOW = "Sorry, this is more than one Discord message can hold, so I cannot show it."
            + " I have noted it for whoever looks after the quizzes.";
    static final String RESTARTING = "I'm restarting right now. Please try again in a minute.";

    /**
     * The refusals among these lines, by what an operator's metrics call them. Looked up by the line a
     * reply shows, so that every feature's refusal is counted where the reply is sent (Reply) and no
     * feature has to remember to count its own.
     */
    private static final Map<String, Metrics.TurnedAway> TURNED_AWAY = Map.of(
            STALE, Metrics.TurnedAway.STALE,
            GONE, Metrics.TurnedAway.GONE,
            LESSON_GONE, Metrics.TurnedAway.GONE,
            TEST_EXPIRED, Metrics.TurnedAway.GONE,
            NOT_YOURS, Metrics.TurnedAway.NOT_YOURS,
            BUSY, Metrics.TurnedAway.BUSY,
            RESTARTING, Metrics.TurnedAway.RESTARTING);

    private Polite() {
    }

    /** Why a reply showing {@code text} turns its interaction away; empty when it does not. */
    static Optional<Metrics.TurnedAway> turnedAway(String text) {
        return Optional.ofNullable(text == null ? null : TURNED_AWAY.get(text));
    }

    /** Whether {@code text} is the apology for a failure on the bot's side. */
    static boolean apology(String text) {
        return SORRY.equals(text) || CANNOT_SHOW.equals(text);
    }
}
