package dev.quiztutor.schedule;

import dev.quiztutor.bank.QuestionRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A posted slot whose answer is due to be revealed, as {@link ScheduleStore#dueReveals} finds it.
 * It carries everything the reveal needs, so a post is still revealed after its schedule was paused
 * or removed.
 */
public record DueReveal(long scheduleId, LocalDate date, long guild, long channel, long messageId,
                        QuestionRef question, Instant due, int tries) {
    public DueReveal {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(due, "due");
    }
}
