package dev.quiztutor.schedule;

import java.util.Objects;

/**
 * The right to reveal one post's answer, won in the store ({@link ScheduleStore#claimReveal}); only
 * its holder can record the outcome. {@code tries} counts this one.
 */
public record RevealClaim(DueReveal reveal, long token, int tries) {
    public RevealClaim {
        Objects.requireNonNull(reveal, "reveal");
    }
}
