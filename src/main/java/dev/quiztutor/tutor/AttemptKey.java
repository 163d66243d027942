package dev.quiztutor.tutor;

import dev.quiztutor.bank.QuestionRef;

/** Whose attempt at which question, where: the key of live attempts and of their stored events. */
public record AttemptKey(Place place, long user, QuestionRef question) {
}
