package dev.quiztutor.schedule;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A question to post for a schedule: in {@code schedule.channel()}, pinging {@code schedule.pingRole()}.
 * Members answer it at {@code new Place(guild, messageId)} as any practice post.
 *
 * @param slot     the day it is posted for; empty for a test post from {@code /schedule now}
 * @param revealAt when the answer will be revealed, to say so on the post; empty when it will not be
 *                 (the schedule has no reveal, or it is a test post)
 */
public record ScheduledPost(Schedule schedule, Topic topic, Question question, Optional<Slot> slot,
                            Optional<Instant> revealAt) {
    public ScheduledPost {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(revealAt, "revealAt");
    }

    public boolean test() {
        return slot.isEmpty();
    }
}
