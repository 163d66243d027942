package dev.quiztutor.tutor.progress;

import java.util.Objects;

/**
 * How much of a topic a member has mastered: of the topic's {@code questions}, the {@code met} ones
 * they have a review card for, and the {@code mastered} ones they would still recall tomorrow with at
 * least the desired retention (FSRS retrievability; see {@link ProgressPicture#MASTERY_HORIZON}).
 */
public record TopicMastery(String topicId, String title, int questions, int met, int mastered) {
    public TopicMastery {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(title, "title");
        if (!(0 <= mastered && mastered <= met && met <= questions)) {
            throw new IllegalArgumentException("0 <= mastered <= met <= questions, not " + mastered + ", " + met
                    + ", " + questions);
        }
    }

    /** Mastered out of all the topic's questions, 0 for a topic without questions. */
    public double share() {
        return questions == 0 ? 0 : (double) mastered / questions;
    }

    /** The share as a whole percentage, as the chart and the text show it. */
    public int percent() {
        return (int) Math.round(100 * share());
    }
}
