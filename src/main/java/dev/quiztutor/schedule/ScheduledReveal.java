package dev.quiztutor.schedule;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.PlaceSummary;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An answer to reveal on a scheduled post: edit message {@code messageId} in {@code channel} (or
 * reply to it) with the answer, the question's solution and the day's figures.
 *
 * @param figures who answered at the post and who got it right, from the attempt journal
 * @param membersWithReviews how many members of the guild have review questions due today; empty when
 *                           not known (no review cards kept, or they could not be read)
 */
public record ScheduledReveal(long scheduleId, long guild, long channel, long messageId, Topic topic,
                              Question question, PlaceSummary figures, OptionalInt membersWithReviews) {
    public ScheduledReveal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(membersWithReviews, "membersWithReviews");
    }

    /** A reveal that says nothing of reviews. */
    public ScheduledReveal(long scheduleId, long guild, long channel, long messageId, Topic topic, Question question,
                           PlaceSummary figures) {
        this(scheduleId, guild, channel, messageId, topic, question, figures, OptionalInt.empty());
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
