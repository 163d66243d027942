package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Picks a question at random among candidates, preferring one the audience has not met recently;
 * when every candidate was met, the one met longest ago.
 */
public final class QuestionPicker {
    private QuestionPicker() {
    }

    /** {@code recent} is oldest first, newest last, as {@link History#recent} gives it. */
    public static Optional<Question> pick(List<Question> candidates, List<QuestionRef> recent, RandomGenerator random) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Question> fresh = new ArrayList<>();
        Question stalest = null;
        int stalestIndex = Integer.MAX_VALUE;
        for (Question q : candidates) {
            int index = recent.lastIndexOf(q.ref());
            if (index < 0) {
                fresh.add(q);
            } else if (index < stalestIndex) {
                stalestIndex = index;
                stalest = q;
            }
        }
        if (!fresh.isEmpty()) {
            return Optional.of(fresh.get(random.nextInt(fresh.size())));
        }
        return Optional.of(stalest);
    }
}
