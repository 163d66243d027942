package dev.quiztutor.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slot times, without a database: what a moderator's "02:30 Europe/Berlin" means on each day. */
class TimetableTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aTimeInTheSpringForwardGapMovesLaterByTheGap() {
        Timetable night = new Timetable(LocalTime.of(2, 30), BERLIN, Days.EVERY_DAY);
        assertEquals(Instant.parse("2025-03-29T01:30:00Z"), due(night, "2025-03-29"), "02:30 CET");
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), due(night, "2025-03-30"), "no 02:30: 03:30 CEST");
        assertEquals(Instant.parse("2025-03-31T00:30:00Z"), due(night, "2025-03-31"), "02:30 CEST");

        Timetable ny = new Timetable(LocalTime.of(2, 30), NEW_YORK, Days.EVERY_DAY);
        assertEquals(Instant.parse("2025-03-08T07:30:00Z"), due(ny, "2025-03-08"));
        assertEquals(Instant.parse("2025-03-09T07:30:00Z"), due(ny, "2025-03-09"), "no 02:30: 03:30 EDT");
        assertEquals(Instant.parse("2025-03-10T06:30:00Z"), due(ny, "2025-03-10"));
    }

    @Test
    void aTimeThatHappensTwiceWhenClocksFallBackIsTheFirst() {
        Timetable night = new Timetable(LocalTime.of(2, 30), BERLIN, Days.EVERY_DAY);
        assertEquals(Instant.parse("2025-10-26T00:30:00Z"), due(night, "2025-10-26"), "02:30 CEST, not CET");
        Instant secondTime = Instant.parse("2025-10-26T01:30:00Z");
        assertEquals(LocalDate.parse("2025-10-26"), night.latestAtOrBefore(secondTime).orElseThrow().date(),
                "when 02:30 comes round again the latest slot is still the one already due");
        assertEquals(Instant.parse("2025-10-27T01:30:00Z"), night.nextAfter(secondTime).orElseThrow().due());

        Timetable ny = new Timetable(LocalTime.of(1, 30), NEW_YORK, Days.EVERY_DAY);
        assertEquals(Instant.parse("2025-11-02T05:30:00Z"), due(ny, "2025-11-02"), "01:30 EDT, not EST");
        assertEquals(Instant.parse("2025-11-03T06:30:00Z"), due(ny, "2025-11-03"));
    }

    @Test
    void theLatestAndTheNextSlotSkipDaysOffAndLookAWeekAround() {
        Timetable mwf = new Timetable(LocalTime.of(18, 0), BERLIN,
                Days.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));
        Instant tuesday = Instant.parse("2025-03-11T12:00:00Z");
        assertEquals(new Slot(LocalDate.parse("2025-03-10"), Instant.parse("2025-03-10T17:00:00Z")),
                mwf.latestAtOrBefore(tuesday).orElseThrow());
        assertEquals(new Slot(LocalDate.parse("2025-03-12"), Instant.parse("2025-03-12T17:00:00Z")),
                mwf.nextAfter(tuesday).orElseThrow());
        Instant atTheSlot = Instant.parse("2025-03-12T17:00:00Z");
        assertEquals(LocalDate.parse("2025-03-12"), mwf.latestAtOrBefore(atTheSlot).orElseThrow().date(),
                "a slot is due at its instant");
        assertEquals(LocalDate.parse("2025-03-14"), mwf.nextAfter(atTheSlot).orElseThrow().date());

        Timetable sundays = new Timetable(LocalTime.of(9, 0), BERLIN, Days.of(EnumSet.of(DayOfWeek.SUNDAY)));
        Instant sundayMorning = Instant.parse("2025-03-16T07:59:00Z");
        assertEquals(LocalDate.parse("2025-03-09"), sundays.latestAtOrBefore(sundayMorning).orElseThrow().date(),
                "a week back");
        assertEquals(LocalDate.parse("2025-03-16"), sundays.nextAfter(sundayMorning).orElseThrow().date());
        assertEquals(Optional.empty(), mwf.slotOn(LocalDate.parse("2025-03-11")));
    }

    @Test
    void daysHaveOneFormEachAndAScheduleTimeHasWholeMinutes() {
        assertEquals(Days.EVERY_DAY, Days.of(EnumSet.allOf(DayOfWeek.class)));
        assertEquals(Days.WEEKDAYS, Days.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertEquals("Mon, Wed, Fri",
                Days.of(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)).describe());
        assertThrows(IllegalArgumentException.class, () -> Days.of(EnumSet.noneOf(DayOfWeek.class)));
        assertThrows(IllegalArgumentException.class,
                () -> new Days.OnDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertThrows(IllegalArgumentException.class, () -> new Timetable(LocalTime.of(18, 0, 30), BERLIN,
                Days.EVERY_DAY));
        assertEquals("18:30 Europe/Berlin, weekdays",
                new Timetable(LocalTime.of(18, 30), BERLIN, Days.WEEKDAYS).describe());
    }

    private static Instant due(Timetable timetable, String date) {
        return timetable.slotOn(LocalDate.parse(date)).orElseThrow().due();
    }
}
