package dev.quiztutor.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a schedule posts: a wall-clock time, in a zone, on some days of the week. Times follow the
 * zone's daylight-saving changes, as a person's alarm clock does:
 * <ul>
 * <li>a time that does not exist on the day clocks spring forward (02:30 in Berlin on the last
 *     Sunday of March) is moved later by the length of the gap (03:30), so the day still has its post;
 * <li>a time that happens twice on the day clocks fall back (02:30 in Berlin on the last Sunday of
 *     October) posts once, at the first of the two (the earlier offset).
 * </ul>
 * Both are {@link ZonedDateTime#of}'s rules. The time has minute precision: what a moderator types.
 */
public record Timetable(LocalTime time, ZoneId zone, Days days) {
    /**
     * How far back "the latest slot" looks: a schedule posting once a week has its latest slot at
     * most seven days back, plus one day for a slot that a gap moved past midnight.
     */
    private static final int DAYS_BACK = 8;

    public Timetable {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(days, "days");
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("a schedule's time is in whole minutes, not " + time);
        }
    }

    /** The slot of {@code date}, empty when the schedule does not post on that day of the week. */
    public Optional<Slot> slotOn(LocalDate date) {
        if (!days.includes(date.getDayOfWeek())) {
            return Optional.empty();
        }
        return Optional.of(new Slot(date, ZonedDateTime.of(date, time, zone).toInstant()));
    }

    /** The newest slot due at or before {@code now}: the one a pass of the scheduler may still owe. */
    public Optional<Slot> latestAtOrBefore(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        // From tomorrow: in a zone that once skipped a whole day, "today" may already be tomorrow's slot.
        for (LocalDate date = today.plusDays(1); !date.isBefore(today.minusDays(DAYS_BACK)); date = date.minusDays(1)) {
            Optional<Slot> slot = slotOn(date).filter(s -> !s.due().isAfter(now));
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** The first slot due strictly after {@code now}: "next post" in {@code /schedule list}. */
    public Optional<Slot> nextAfter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(DAYS_BACK)); date = date.plusDays(1)) {
            Optional<Slot> slot = slotOn(date).filter(s -> s.due().isAfter(now));
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** "18:30 Europe/Berlin, weekdays". */
    public String describe() {
        return time + " " + zone.getId() + ", " + days.describe();
    }
}
