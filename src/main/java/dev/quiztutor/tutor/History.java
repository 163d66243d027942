package dev.quiztutor.tutor;

import dev.quiztutor.bank.QuestionRef;
import java.util.List;

/**
 * Which questions someone (a user, or a channel for scheduled posts) met recently, so that picking
 * avoids repeats.
 */
public interface History {
    /** Up to {@code limit} questions {@code audience} met, oldest first, newest last. */
    List<QuestionRef> recent(long audience, int limit);

    void seen(long audience, QuestionRef question);
}
