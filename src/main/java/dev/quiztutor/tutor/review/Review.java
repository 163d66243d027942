package dev.quiztutor.tutor.review;

import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One review of a question: when the member was asked to recall it, and how well they did. */
public record Review(Instant at, Rating rating) {
    public Review {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(rating, "rating");
    }

    /**
     * The review an attempt amounts to, if it amounts to one:
     * <ul>
     *   <li>gave up, out of tries, or a last counted answer that was wrong: {@link Rating#AGAIN};</li>
     *   <li>right after wrong tries or hints: {@link Rating#HARD};</li>
     *   <li>right on the first try without hints: {@link Rating#GOOD}.</li>
     * </ul>
     * An attempt still open after wrong tries is a miss: a member who answers wrong and walks away from
     * a practice post has not recalled it, and a topic test's wrong answer is exactly such an attempt
     * (one answer, no feedback). Its rating becomes Hard if they come back and solve it, since the card
     * is always derived from the events. An attempt with no answer and no give-up (only looked at, or
     * only hints so far) is no review.
     *
     * <p>The review is at the event that settled the rating: the answer or give-up that ended the
     * attempt, or an open attempt's last answer. Events after the end (answers to a finished question)
     * are not counted, as {@link Attempt} does not count them.
     */
    public static Optional<Review> of(Attempt attempt) {
        Optional<Instant> at = settledAt(attempt);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Rating rating = switch (attempt.status()) {
            case GAVE_UP, OUT_OF_TRIES, OPEN -> Rating.AGAIN;
            case SOLVED -> attempt.wrongTries() > 0 || attempt.hintsShown() > 0 ? Rating.HARD : Rating.GOOD;
        };
        return Optional.of(new Review(at.get(), rating));
    }

    /**
     * When the attempt's rating was settled: its give-up, or its last counted try (the one that ended
     * it, or an open attempt's latest); empty when it has neither.
     */
    private static Optional<Instant> settledAt(Attempt attempt) {
        int tries = 0;
        for (AttemptEvent event : attempt.events()) {
            if (event instanceof AttemptEvent.GaveUp && attempt.status() == Attempt.Status.GAVE_UP) {
                return Optional.of(event.at());
            }
            if (event instanceof AttemptEvent.Answered && ++tries == attempt.triesUsed()
                    && attempt.status() != Attempt.Status.GAVE_UP) {
                return Optional.of(event.at());
            }
        }
        return Optional.empty();
    }
}
