package dev.quiztutor.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What {@code /schedule add} accepts, and the exact replies to what it refuses. */
class ScheduleInputTest {
    @Test
    void timesIn24HourAndAmPmForms() {
        assertEquals(LocalTime.of(18, 30), ok(ScheduleInput.time("18:30")));
        assertEquals(LocalTime.of(6, 5), ok(ScheduleInput.time("06:05")));
        assertEquals(LocalTime.of(18, 30), ok(ScheduleInput.time(" 6:30pm ")));
        assertEquals(LocalTime.of(18, 30), ok(ScheduleInput.time("6:30 PM")));
        assertEquals(LocalTime.of(18, 0), ok(ScheduleInput.time("6pm")));
        assertEquals(LocalTime.of(6, 0), ok(ScheduleInput.time("6 a.m.")));
        assertEquals(LocalTime.of(0, 0), ok(ScheduleInput.time("12am")));
        assertEquals(LocalTime.of(12, 15), ok(ScheduleInput.time("12:15pm")));
        assertEquals(LocalTime.of(18, 30), ok(ScheduleInput.time("18h30")));
        assertEquals(LocalTime.NOON, ok(ScheduleInput.time("noon")));

        assertEquals("'25:00' has hour 25; 24-hour time goes from 00:00 to 23:59.", message(ScheduleInput.time("25:00")));
        assertEquals("'18:75' has 75 minutes; minutes go from 00 to 59.", message(ScheduleInput.time("18:75")));
        assertEquals("'18:30pm': with am/pm the hour goes from 1 to 12 (12am is midnight, 12pm noon), or write 24-hour"
                + " time such as 18:30.", message(ScheduleInput.time("18:30pm")));
        assertEquals("'6' is not a time of day; use 24-hour time or am/pm, such as 18:30, 6:30pm or 6pm.",
                message(ScheduleInput.time("6")), "an hour alone could be morning or evening");
        assertEquals("'tonight' is not a time of day; use 24-hour time or am/pm, such as 18:30, 6:30pm or 6pm.",
                message(ScheduleInput.time("tonight")));
        assertEquals("Give a time of day, such as 18:30, 6:30pm or 6pm.", message(ScheduleInput.time(" ")));
    }

    @Test
    void zonesByIanaIdCityOrUtcAliasAndAbbreviationsAreRefusedWithTheLikelyZone() {
        assertEquals(ZoneId.of("Europe/Berlin"), ok(ScheduleInput.zone("Europe/Berlin")));
        assertEquals(ZoneId.of("America/New_York"), ok(ScheduleInput.zone("america/new york")));
        assertEquals(ZoneId.of("America/New_York"), ok(ScheduleInput.zone("New York")));
        assertEquals(ZoneId.of("Europe/Berlin"), ok(ScheduleInput.zone("berlin")));
        assertEquals(ZoneId.of("UTC"), ok(ScheduleInput.zone("UTC")));
        assertEquals(ZoneId.of("UTC"), ok(ScheduleInput.zone("gmt")));
        assertEquals(ZoneId.of("UTC"), ok(ScheduleInput.zone("Etc/UTC")));
        assertEquals(ZoneId.of("UTC+02:00"), ok(ScheduleInput.zone("UTC+2")));
        assertEquals(ZoneId.of("UTC+05:30"), ok(ScheduleInput.zone("+05:30")));

        assertEquals("'PST' is an abbreviation, which does not say when daylight saving time starts; give the zone of a"
                + " city instead, such as America/Los_Angeles.", message(ScheduleInput.zone("PST")));
        assertEquals("'Mars/Olympus' is not a time zone I know; give an IANA time zone such as Europe/Berlin,"
                + " America/New_York, Asia/Kolkata or UTC (see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones).",
                message(ScheduleInput.zone("Mars/Olympus")));
        assertEquals("'UTC+19' is not an offset from UTC; offsets go from -18:00 to +18:00.",
                message(ScheduleInput.zone("UTC+19")));
    }

    @Test
    void daysAsEveryDayWeekdaysListsAndRanges() {
        assertEquals(Days.EVERY_DAY, ok(ScheduleInput.days("every day")));
        assertEquals(Days.EVERY_DAY, ok(ScheduleInput.days("Daily")));
        assertEquals(Days.WEEKDAYS, ok(ScheduleInput.days("weekdays")));
        assertEquals(Days.WEEKDAYS, ok(ScheduleInput.days("Mon-Fri")));
        assertEquals(Days.WEEKDAYS, ok(ScheduleInput.days("mon,tue,wed,thu,fri")), "named as weekdays");
        assertEquals(Days.EVERY_DAY, ok(ScheduleInput.days("monday - sunday")));
        Days mwf = Days.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        assertEquals(mwf, ok(ScheduleInput.days("mon,wed,fri")));
        assertEquals(mwf, ok(ScheduleInput.days("Monday, Wednesday and Friday")));
        assertEquals(mwf, ok(ScheduleInput.days("mondays wednesdays fridays")));
        assertEquals(Days.of(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)), ok(ScheduleInput.days("tues & thurs")));
        assertEquals(Days.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), ok(ScheduleInput.days("weekends")));
        assertEquals(Days.of(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)),
                ok(ScheduleInput.days("fri-mon")), "a range may wrap over the weekend");

        assertEquals("'t' is not a day of the week; give \"every day\", \"weekdays\", \"weekends\" or days such as"
                + " \"mon,wed,fri\", \"tuesday thursday\" or \"mon-fri\".", message(ScheduleInput.days("t, fri")),
                "t is Tuesday or Thursday");
        assertEquals("'funday' is not a day of the week; give \"every day\", \"weekdays\", \"weekends\" or days such as"
                + " \"mon,wed,fri\", \"tuesday thursday\" or \"mon-fri\".", message(ScheduleInput.days("funday")));
    }

    @Test
    void revealHoursFromOneToSeventyTwoOrNone() {
        assertEquals(Optional.empty(), ok(ScheduleInput.reveal("none")));
        assertEquals(Optional.empty(), ok(ScheduleInput.reveal("")));
        assertEquals(Optional.of(new RevealAfter(3)), ok(ScheduleInput.reveal("3")));
        assertEquals(Optional.of(new RevealAfter(12)), ok(ScheduleInput.reveal("12 hours")));
        assertEquals(Optional.of(new RevealAfter(72)), ok(ScheduleInput.revealHours(OptionalLong.of(72))));
        assertEquals(Optional.empty(), ok(ScheduleInput.revealHours(OptionalLong.empty())));

        assertEquals("The answer can be revealed 1 to 72 hours after the post, not 73 hours; or give \"none\".",
                message(ScheduleInput.reveal("73h")));
        assertEquals("'soon' is not a number of hours; give a whole number from 1 to 72, or \"none\" to never reveal.",
                message(ScheduleInput.reveal("soon")));
        assertEquals("The answer can be revealed 1 to 72 hours after the post, not -2 hours; or give \"none\".",
                message(ScheduleInput.revealHours(OptionalLong.of(-2))));
    }

    private static <T> T ok(Parsed<T> parsed) {
        assertInstanceOf(Parsed.Ok.class, parsed, () -> "refused: " + parsed);
        return parsed.orElseThrow();
    }

    private static String message(Parsed<?> parsed) {
        return assertInstanceOf(Parsed.Invalid.class, parsed, () -> "accepted: " + parsed).message();
    }
}
