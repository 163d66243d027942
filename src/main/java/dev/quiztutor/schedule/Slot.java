package dev.quiztutor.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's post of a schedule: the local date in the schedule's zone, and the instant it is due.
 * A schedule has at most one slot per local date, which is what makes "post once a day" checkable.
 */
public record Slot(LocalDate date, Instant due) {
    public Slot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(due, "due");
    }
}
