package dev.quiztutor.tutor.stats;

import java.util.List;
import java.util.OptionalLong;

/** Where the statistics read members' attempts from (see {@code store/SqlTopicAttempts}). */
public interface TopicAttempts {
    /**
     * Every attempt at a question of {@code topicId} in {@code guild} (in every guild when empty), at
     * every place (posts, lessons, reviews, topic tests), grouped per attempt with its events in order.
     */
    List<RecordedAttempt> of(OptionalLong guild, String topicId);
}
