package dev.quiztutor.schedule;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The days of the week a schedule posts on. There is one way to write each set: {@link #of}
 * turns all seven days into {@link EveryDay} and Monday to Friday into {@link Weekdays}, so that two
 * schedules on the same days are equal and {@code /schedule list} names them the way a moderator does.
 */
public sealed interface Days permits Days.EveryDay, Days.Weekdays, Days.OnDays {
    Days EVERY_DAY = new EveryDay();
    Days WEEKDAYS = new Weekdays();

    /** The days as a set, Monday first. */
    Set<DayOfWeek> days();

    /** "every day", "weekdays", "Mon, Wed, Fri". */
    String describe();

    default boolean includes(DayOfWeek day) {
        return days().contains(day);
    }

    /** The normalised form of a non-empty set of days. */
    static Days of(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a schedule posts on at least one day");
        }
        EnumSet<DayOfWeek> set = EnumSet.copyOf(days);
        if (set.equals(EVERY_DAY.days())) {
            return EVERY_DAY;
        }
        if (set.equals(WEEKDAYS.days())) {
            return WEEKDAYS;
        }
        return new OnDays(set);
    }

    record EveryDay() implements Days {
        @Override
        public Set<DayOfWeek> days() {
            return Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
        }

        @Override
        public String describe() {
            return "every day";
        }
    }

    record Weekdays() implements Days {
        @Override
        public Set<DayOfWeek> days() {
            return Collections.unmodifiableSet(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        }

        @Override
        public String describe() {
            return "weekdays";
        }
    }

    /** Some days that are neither every day nor exactly the weekdays (use {@link Days#of}). */
    record OnDays(Set<DayOfWeek> days) implements Days {
        public OnDays {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a schedule posts on at least one day");
            }
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
            if (days.size() == 7 || days.equals(WEEKDAYS.days())) {
                throw new IllegalArgumentException("use Days.of, which names " + days + " as "
                        + (days.size() == 7 ? "every day" : "weekdays"));
            }
        }

        @Override
        public String describe() {
            return days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .collect(Collectors.joining(", "));
        }
    }
}
