package dev.quiztutor.store;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import java.util.List;

/** The store's tests' bank: {@link Fixtures#twoTopics} with three tries and two hints per choice question. */
final class TestQuiz {
    static final QuizBank BANK = Fixtures.twoTopics(3, List.of("Think.", "Think harder."));

    private TestQuiz() {
    }

    static Question question(String topic, String id) {
        return BANK.question(new QuestionRef(topic, id)).orElseThrow();
    }
}
