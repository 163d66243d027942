package dev.quiztutor.schedule;

import java.time.Duration;

/**
 * How long after a scheduled post its answer is revealed, in whole hours: at least one, so people
 * get time to answer, and at most three days, so the answer still comes while the post is fresh.
 */
public record RevealAfter(int hours) {
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 72;

    public RevealAfter {
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw new IllegalArgumentException("the answer is revealed " + MIN_HOURS + " to " + MAX_HOURS
                    + " hours after the post, not " + hours);
        }
    }

    public Duration duration() {
        return Duration.ofHours(hours);
    }

    /** "3 hours", "1 hour". */
    public String describe() {
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
