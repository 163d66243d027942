package dev.quiztutor.tutor;

import dev.quiztutor.bank.QuestionRef;

/**
 * Whose attempt at which question, where. {@code place} is the post the question was asked on (a
 * Discord message id, a console question number), so every member of a study group has their own
 * attempt on the same post, and the same user meets a question afresh on another day's post.
 */
public record AttemptKey(long place, long user, QuestionRef question) {
}
