package dev.quiztutor.store;

import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.RevealState;
import dev.quiztutor.schedule.SlotState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The stored forms of the schedule tables' enumerations, fixed here as {@link Codes} fixes the
 * others: renaming a Java constant never orphans a stored row, and a new constant does not compile
 * until it has a word (and a migration widening the column's CHECK).
 */
final class ScheduleCodes {
    static final String PAUSED_BY_MODERATOR = "moderator";
    static final String PAUSED_AFTER_FAILURES = "failures";

    private ScheduleCodes() {
    }

    static String slotState(SlotState state) {
        return switch (state) {
            case CLAIMED -> "claimed";
            case RETRY -> "retry";
            case POSTED -> "posted";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
        };
    }

    static SlotState slotState(String word) {
        return Arrays.stream(SlotState.values()).filter(s -> slotState(s).equals(word)).findFirst()
                .orElseThrow(() -> unknown("slot state", word));
    }

    static String revealState(RevealState state) {
        return switch (state) {
            case PENDING -> "pending";
            case CLAIMED -> "claimed";
            case REVEALED -> "revealed";
            case FAILED -> "failed";
        };
    }

    static RevealState revealState(String word) {
        return Arrays.stream(RevealState.values()).filter(s -> revealState(s).equals(word)).findFirst()
                .orElseThrow(() -> unknown("reveal state", word));
    }

    /** Bit n-1 for ISO day n: Monday is 1, Sunday 64; ISO numbers never change, unlike enum order might. */
    static int dayMask(Days days) {
        int mask = 0;
        for (DayOfWeek day : days.days()) {
            mask |= 1 << (day.getValue() - 1);
        }
        return mask;
    }

    static Days days(int mask) {
        if (mask < 1 || mask > 127) {
            throw unknown("day mask", String.valueOf(mask));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return Days.of(days);
    }

    /** A threshold compared with "now" in whole seconds, rounded up so that it is never early. */
    static long secondsUp(Instant at) {
        return at.getNano() == 0 ? at.getEpochSecond() : at.getEpochSecond() + 1;
    }

    private static StorageException unknown(String what, String word) {
        return new StorageException("The database holds an unknown " + what + " '" + word
                + "'; was it written by a newer version of the bot?");
    }
}
