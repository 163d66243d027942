package dev.quiztutor.tutor.progress;

import dev.quiztutor.bank.Difficulty;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The questions a member got right in one week, Monday to Sunday in the guild's time zone, per
 * difficulty.
 */
public record WeekOfRightAnswers(LocalDate monday, int easy, int medium, int hard) {
    public WeekOfRightAnswers {
        Objects.requireNonNull(monday, "monday");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + monday.getDayOfWeek());
        }
        if (easy < 0 || medium < 0 || hard < 0) {
            throw new IllegalArgumentException("right answers are counted from 0");
        }
    }

    public static WeekOfRightAnswers none(LocalDate monday) {
        return new WeekOfRightAnswers(monday, 0, 0, 0);
    }

    public int of(Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> easy;
            case MEDIUM -> medium;
            case HARD -> hard;
        };
    }

    public int total() {
        return easy + medium + hard;
    }

    /** This week with one more right answer of {@code difficulty}. */
    WeekOfRightAnswers plusOne(Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> new WeekOfRightAnswers(monday, easy + 1, medium, hard);
            case MEDIUM -> new WeekOfRightAnswers(monday, easy, medium + 1, hard);
            case HARD -> new WeekOfRightAnswers(monday, easy, medium, hard + 1);
        };
    }
}
