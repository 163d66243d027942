package dev.quiztutor.schedule;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schedule asks: a topic (by id, so that reloading the bank does not break it) or any, a
 * difficulty or any, and the kind of question.
 */
public record QuestionChoice(Optional<String> topicId, Optional<Difficulty> difficulty, QuestionKind kind) {
    public QuestionChoice {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(kind, "kind");
    }

    /** "easy multiple choice from git-basics", "fill in the blanks from any topic". */
    public String describe() {
        return difficulty.map(d -> d.label() + " ").orElse("") + kind.description() + " from "
                + topicId.map(t -> "topic " + t).orElse("any topic");
    }
}
