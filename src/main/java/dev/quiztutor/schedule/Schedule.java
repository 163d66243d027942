package dev.quiztutor.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A moderator's daily quiz post: where (guild, channel), when ({@link Timetable}), what
 * ({@link QuestionChoice}), whom to ping, and when to reveal the answer; its state (paused or not,
 * failures) and who created it.
 *
 * @param id          small and unique across guilds, so that a moderator can type it in
 *                    {@code /schedule remove}
 * @param activeSince when it was created or last resumed: slots due before are never posted, so a
 *                    schedule created at 18:10 for 18:00 starts tomorrow instead of posting at once
 */
public record Schedule(long id, long guild, long channel, Timetable timetable, QuestionChoice questions,
                       Optional<Long> pingRole, Optional<RevealAfter> reveal, Optional<Pause> pause,
                       long createdBy, Instant createdAt, Instant activeSince, Failures failures) {
    public Schedule {
        Objects.requireNonNull(timetable, "timetable");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(pingRole, "pingRole");
        Objects.requireNonNull(reveal, "reveal");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activeSince, "activeSince");
        Objects.requireNonNull(failures, "failures");
    }

    public boolean paused() {
        return pause.isPresent();
    }

    /** The latest slot due at or before {@code now} that this schedule owes (not one from before it was active). */
    public Optional<Slot> latestSlot(Instant now) {
        return timetable.latestAtOrBefore(now).filter(s -> !s.due().isBefore(activeSince));
    }

    /** "18:30 Europe/Berlin, weekdays: easy multiple choice from topic git-basics, answer after 3 hours". */
    public String describe() {
        return timetable.describe() + ": " + questions.describe()
                + reveal.map(r -> ", answer after " + r.describe()).orElse("");
    }

    /** The next post, empty while paused. */
    public Optional<Slot> nextSlot(Instant now) {
        return paused() ? Optional.empty() : timetable.nextAfter(now);
    }
}
