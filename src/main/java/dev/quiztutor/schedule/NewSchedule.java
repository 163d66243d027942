package dev.quiztutor.schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /schedule add} asks for, validated by {@link ScheduleInput}: the store gives it an id
 * and a creation time ({@link ScheduleStore#create}).
 */
public record NewSchedule(long guild, long channel, Timetable timetable, QuestionChoice questions,
                          Optional<Long> pingRole, Optional<RevealAfter> reveal, long createdBy) {
    public NewSchedule {
        Objects.requireNonNull(timetable, "timetable");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(pingRole, "pingRole");
        Objects.requireNonNull(reveal, "reveal");
    }
}
