package dev.quiztutor.tutor.review;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a member has to review, counted on one day in their zone: what the end of a review session
 * and /progress say.
 *
 * @param today    questions due today or overdue
 * @param tomorrow questions due tomorrow
 * @param week     questions due in the seven days after today (tomorrow included)
 * @param next     the first day after today with a question due; empty when no question comes back
 */
public record Outlook(int today, int tomorrow, int week, Optional<LocalDate> next) {
    public static final Outlook NOTHING = new Outlook(0, 0, 0, Optional.empty());

    public Outlook {
        Objects.requireNonNull(next, "next");
        if (today < 0 || tomorrow < 0 || week < tomorrow) {
            throw new IllegalArgumentException("counts are not negative, and the week includes tomorrow");
        }
    }

    /** Whether no question the bank still has will ever come back: the member has met none. */
    public boolean none() {
        return today == 0 && next.isEmpty();
    }
}
