package dev.quiztutor.bank;

import java.util.Objects;

/**
 * The stable name of a question: its topic id and its own id. Attempts and history are keyed by it,
 * so it survives edits to the question's text and a restart.
 */
public record QuestionRef(String topicId, String questionId) {
    public QuestionRef {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(questionId, "questionId");
    }

    @Override
    public String toString() {
        return topicId + "/" + questionId;
    }
}
