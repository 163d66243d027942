package dev.quiztutor.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a moderator types into {@code /schedule add}: a time, a time zone, days, reveal hours.
 * Lenient in what it accepts (the ways people write these), exact in what it returns, and every
 * refusal is a message that shows what to type.
 */
public final class ScheduleInput {
    private static final String TIME_EXAMPLES = "such as 18:30, 6:30pm or 6pm";
    private static final String ZONE_EXAMPLES = "an IANA time zone such as Europe/Berlin, America/New_York,"
            + " Asia/Kolkata or UTC (see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)";
    private static final String DAYS_EXAMPLES = "\"every day\", \"weekdays\", \"weekends\" or days such as"
            + " \"mon,wed,fri\", \"tuesday thursday\" or \"mon-fri\"";

    /**
     * Hours and minutes with a colon, a dot or an "h" ("18:30", "18.30", "18h30"), then am/pm in any
     * of its spellings ("pm", " p.m.", "P"). An hour alone needs am/pm: "6" could be either.
     */
    private static final Pattern TIME = Pattern.compile(
            "(?<hour>\\d{1,2})(?:[:.h](?<minute>\\d{2}))?(?:\\s*(?<half>[ap])\\.?\\s*m?\\.?)?");

    /**
     * Abbreviations are not zones: most are ambiguous (CST is in the USA and in China), and the
     * fixed ones (EST) ignore daylight saving time, which a daily post should follow.
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("ET", "America/New_York"),
            Map.entry("CST", "America/Chicago (or Asia/Shanghai)"), Map.entry("CDT", "America/Chicago"),
            Map.entry("CT", "America/Chicago"),
            Map.entry("MST", "America/Denver (or America/Phoenix)"), Map.entry("MDT", "America/Denver"),
            Map.entry("MT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("PT", "America/Los_Angeles"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("BST", "Europe/London"), Map.entry("WET", "Europe/Lisbon"),
            Map.entry("CET", "Europe/Berlin, Europe/Paris or another city"),
            Map.entry("CEST", "Europe/Berlin, Europe/Paris or another city"),
            Map.entry("EET", "Europe/Athens or Europe/Helsinki"), Map.entry("EEST", "Europe/Athens or Europe/Helsinki"),
            Map.entry("MSK", "Europe/Moscow"), Map.entry("IST", "Asia/Kolkata (or Europe/Dublin)"),
            Map.entry("JST", "Asia/Tokyo"), Map.entry("KST", "Asia/Seoul"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"),
            Map.entry("NZST", "Pacific/Auckland"), Map.entry("NZDT", "Pacific/Auckland"));

    /** The region "UTC" rather than the offset "Z": it reads as UTC in {@code /schedule list}. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final Set<String> UTC_ALIASES = Set.of("UTC", "GMT", "Z", "ZULU", "UCT", "UNIVERSAL",
            "ETC/UTC", "ETC/GMT", "ETC/UCT", "ETC/UNIVERSAL", "ETC/ZULU", "GMT0", "UTC0");

    /** Region ids only: the legacy aliases (US/Eastern, CET, EST5EDT) are found through their region. */
    private static final List<String> REGION_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    private ScheduleInput() {
    }

    /**
     * A time of day: 24-hour "18:30" or "06:05" ("18.30", "18h30" too), or 12-hour "6:30pm",
     * "6 pm", "6pm", "12am" (midnight), "12pm" (noon); also "noon" and "midnight".
     */
    public static Parsed<LocalTime> time(String text) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (input.isEmpty()) {
            return Parsed.invalid("Give a time of day, " + TIME_EXAMPLES + ".");
        }
        if (input.equals("noon") || input.equals("midday")) {
            return Parsed.ok(LocalTime.NOON);
        }
        if (input.equals("midnight")) {
            return Parsed.ok(LocalTime.MIDNIGHT);
        }
        Matcher m = TIME.matcher(input);
        String bad = "'" + text.strip() + "' is not a time of day; use 24-hour time or am/pm, " + TIME_EXAMPLES + ".";
        if (!m.matches() || (m.group("minute") == null && m.group("half") == null)) {
            return Parsed.invalid(bad);
        }
        int hour = Integer.parseInt(m.group("hour"));
        int minute = m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute"));
        if (minute > 59) {
            return Parsed.invalid("'" + text.strip() + "' has " + minute + " minutes; minutes go from 00 to 59.");
        }
        if (m.group("half") != null) {
            if (hour < 1 || hour > 12) {
                return Parsed.invalid("'" + text.strip() + "': with am/pm the hour goes from 1 to 12 (12am is"
                        + " midnight, 12pm noon), or write 24-hour time such as 18:30.");
            }
            hour = hour % 12 + (m.group("half").equals("p") ? 12 : 0);
        } else if (hour > 23) {
            return Parsed.invalid("'" + text.strip() + "' has hour " + hour + "; 24-hour time goes from 00:00 to"
                    + " 23:59.");
        }
        return Parsed.ok(LocalTime.of(hour, minute));
    }

    /**
     * A time zone: an IANA id in any letter case, with spaces for underscores ("america/new york");
     * a city alone when one zone has it ("Berlin", "New York"); UTC and its aliases (GMT, Z, Etc/UTC);
     * a fixed offset such as "UTC+2" or "+05:30", which does not follow daylight saving time.
     * Abbreviations (CET, EST, PST...) are refused with the zone they most likely mean.
     */
    public static Parsed<ZoneId> zone(String text) {
        String input = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (input.isEmpty()) {
            return Parsed.invalid("Give a time zone: " + ZONE_EXAMPLES + ".");
        }
        String upper = input.toUpperCase(Locale.ROOT);
        if (UTC_ALIASES.contains(upper)) {
            return Parsed.ok(UTC);
        }
        String suggestion = ABBREVIATIONS.get(upper);
        if (suggestion != null) {
            return Parsed.invalid("'" + input + "' is an abbreviation, which does not say when daylight saving time"
                    + " starts; give the zone of a city instead, such as " + suggestion + ".");
        }
        String wanted = input.replace(' ', '_');
        for (String id : REGION_ZONES) {
            if (id.equalsIgnoreCase(wanted)) {
                return Parsed.ok(ZoneId.of(id));
            }
        }
        if (!wanted.contains("/")) {
            List<String> cities = REGION_ZONES.stream()
                    .filter(id -> id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(wanted)).toList();
            if (cities.size() == 1) {
                return Parsed.ok(ZoneId.of(cities.get(0)));
            }
            if (cities.size() > 1) {
                return Parsed.invalid("'" + input + "' is in several zones: " + String.join(", ", cities)
                        + "; give one of them.");
            }
        }
        if (upper.matches("(UTC|GMT)?[+-]\\d{1,2}(:?\\d{2})?")) {
            try {
                String offset = upper.replaceFirst("^(UTC|GMT)", "");
                return Parsed.ok(ZoneId.of("UTC" + offset));
            } catch (DateTimeException e) {
                return Parsed.invalid("'" + input + "' is not an offset from UTC; offsets go from -18:00 to +18:00.");
            }
        }
        return Parsed.invalid("'" + input + "' is not a time zone I know; give " + ZONE_EXAMPLES + ".");
    }

    /**
     * Days of the week: "every day" (or "daily", "everyday", "all"), "weekdays", "weekends", or days
     * separated by commas, spaces, "and" or "&" ("mon,wed,fri", "Monday and Thursday"), each a full
     * name, a plural ("mondays") or a short form of at least two letters ("tu", "thu", "thurs"), and
     * ranges such as "mon-fri" (a range may wrap: "fri-mon").
     */
    public static Parsed<Days> days(String text) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (input.isEmpty()) {
            return Parsed.invalid("Give the days to post on: " + DAYS_EXAMPLES + ".");
        }
        String compact = input.replaceAll("[\\s_-]+", " ");
        switch (compact) {
            case "every day", "everyday", "daily", "all", "all days", "each day" -> {
                return Parsed.ok(Days.EVERY_DAY);
            }
            case "weekdays", "weekday", "workdays", "work days", "mon fri" -> {
                return Parsed.ok(Days.WEEKDAYS);
            }
            case "weekends", "weekend" -> {
                return Parsed.ok(Days.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
            }
            default -> {
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String spaced = input.replaceAll("\\s*[-–]\\s*", "-").replaceAll("\\b(and|&)\\b|&", " ");
        for (String word : spaced.split("[\\s,;/+]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String[] range = word.split("-", -1);
            if (range.length > 2) {
                return Parsed.invalid("'" + word + "' is not a day or a range of days; write a range as mon-fri.");
            }
            List<DayOfWeek> ends = new ArrayList<>();
            for (String part : range) {
                Optional<DayOfWeek> day = day(part);
                if (day.isEmpty()) {
                    return Parsed.invalid("'" + part + "' is not a day of the week; give " + DAYS_EXAMPLES + ".");
                }
                ends.add(day.get());
            }
            for (DayOfWeek d = ends.get(0); ; d = d.plus(1)) {
                days.add(d);
                if (d == ends.get(ends.size() - 1)) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            return Parsed.invalid("Give the days to post on: " + DAYS_EXAMPLES + ".");
        }
        return Parsed.ok(Days.of(days));
    }

    /**
     * How many hours after the post its answer is revealed: "none" (or "never", "no", "off", "0", an
     * empty option) for no reveal; otherwise a whole number of hours from 1 to 72 ("3", "3h",
     * "3 hours").
     */
    public static Parsed<Optional<RevealAfter>> reveal(String text) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (input.isEmpty() || Set.of("none", "never", "no", "off", "0", "-").contains(input)) {
            return Parsed.ok(Optional.empty());
        }
        Matcher m = Pattern.compile("(\\d{1,6})\\s*(h|hr|hrs|hour|hours)?").matcher(input);
        if (!m.matches()) {
            return Parsed.invalid("'" + text.strip() + "' is not a number of hours; give a whole number from "
                    + RevealAfter.MIN_HOURS + " to " + RevealAfter.MAX_HOURS + ", or \"none\" to never reveal.");
        }
        return revealHours(OptionalLong.of(Long.parseLong(m.group(1))));
    }

    /** The same from an integer option: empty or 0 is no reveal. */
    public static Parsed<Optional<RevealAfter>> revealHours(OptionalLong hours) {
        if (hours.isEmpty() || hours.getAsLong() == 0) {
            return Parsed.ok(Optional.empty());
        }
        long h = hours.getAsLong();
        if (h < RevealAfter.MIN_HOURS || h > RevealAfter.MAX_HOURS) {
            return Parsed.invalid("The answer can be revealed " + RevealAfter.MIN_HOURS + " to "
                    + RevealAfter.MAX_HOURS + " hours after the post, not " + h + " hours; or give \"none\".");
        }
        return Parsed.ok(Optional.of(new RevealAfter((int) h)));
    }

    /** "mon", "monday", "mondays", "mo", "tues", "thurs"...: a prefix of at least two letters of one day. */
    private static Optional<DayOfWeek> day(String word) {
        String w = word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word;
        if (w.length() < 2) {
            return Optional.empty();
        }
        Set<DayOfWeek> matches = new TreeSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (name.startsWith(w)) {
                matches.add(day);
            }
        }
        return matches.size() == 1 ? Optional.of(matches.iterator().next()) : Optional.empty();
    }
}
