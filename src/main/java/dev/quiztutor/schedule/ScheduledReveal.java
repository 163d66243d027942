package dev.quiztutor.schedule;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.PlaceSummary;
import java.util.Objects;

/**
 * An answer to reveal on a scheduled post: edit message {@code messageId} in {@code channel} (or
 * reply to it) with the answer, the question's solution and the day's figures.
 *
 * @param figures who answered at the post and who got it right, from the attempt journal
 */
public record ScheduledReveal(long scheduleId, long guild, long channel, long messageId, Topic topic,
                              Question question, PlaceSummary figures) {
    public ScheduledReveal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(figures, "figures");
    }

    public int answered() {
        return figures.answered().size();
    }

    public int right() {
        return figures.right().size();
    }

    /** Percentage of those who answered who got it right, rounded; 0 when nobody answered. */
    public int percentRight() {
        return answered() == 0 ? 0 : (int) Math.round(100.0 * right() / answered());
    }
}
