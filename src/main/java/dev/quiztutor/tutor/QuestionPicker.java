package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Picks a question at random among candidates, preferring one the audience has not met recently;
 * when every candidate was met, the one met longest ago.
 */
public final class QuestionPicker {
    private QuestionPicker() {
    }

    /**
     * Candidates with each one's position, made once per selection (the bank never changes), so that
     * a pick costs a look-up per recent question rather than a scan of the recent list per candidate:
     * with a bank of 100,000 questions that is the difference between microseconds and milliseconds.
     */
    static final class Candidates {
        final List<Question> questions;
        private final Map<QuestionRef, Integer> positions;

        Candidates(List<Question> questions) {
            this.questions = List.copyOf(questions);
            this.positions = new HashMap<>(Math.max(16, questions.size() * 2));
            for (int i = 0; i < this.questions.size(); i++) {
                positions.putIfAbsent(this.questions.get(i).ref(), i);
            }
        }
    }

    /**
     * As {@link #pick(List, List, RandomGenerator)}, with the same result for the same random draws:
     * the fresh candidates are the ones not in {@code recent}, in candidate order, and the draw is one
     * {@code nextInt(fresh)}; only the way to the drawn one is shorter.
     */
    static Optional<Question> pick(Candidates candidates, List<QuestionRef> recent, RandomGenerator random) {
        int n = candidates.questions.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (candidates.positions.size() != n) {
            // The same question twice among the candidates: the general way handles it.
            return pick(candidates.questions, recent, random);
        }
        // Each recent candidate's position, and its latest index in recent.
        Map<Integer, Integer> latest = new HashMap<>();
        for (int i = 0; i < recent.size(); i++) {
            Integer position = candidates.positions.get(recent.get(i));
            if (position != null) {
                latest.put(position, i);
            }
        }
        int fresh = n - latest.size();
        if (fresh > 0) {
            int[] met = latest.keySet().stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(met);
            int index = random.nextInt(fresh);
            for (int position : met) {
                if (position <= index) {
                    index++;
                } else {
                    break;
                }
            }
            return Optional.of(candidates.questions.get(index));
        }
        // Every candidate was met: the one met longest ago (the smallest latest index).
        int stalest = -1;
        int stalestIndex = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> e : latest.entrySet()) {
            if (e.getValue() < stalestIndex) {
                stalestIndex = e.getValue();
                stalest = e.getKey();
            }
        }
        return Optional.of(candidates.questions.get(stalest));
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
