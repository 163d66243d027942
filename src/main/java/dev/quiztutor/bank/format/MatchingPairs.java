package dev.quiztutor.bank.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pairs of a matching question as a format reads them: each item with its answer, answers that
 * repeat sharing one place in the pool, and an answer without an item (a distractor) only in the pool.
 */
public final class MatchingPairs {
    private final List<String> items = new ArrayList<>();
    private final List<String> pool = new ArrayList<>();
    private final List<Integer> answer = new ArrayList<>();

    public void add(String item, String match) {
        int index = pool.indexOf(match);
        if (index < 0) {
            index = pool.size();
            pool.add(match);
        }
        if (!item.isBlank()) {
            items.add(item);
            answer.add(index);
        }
    }

    /** The question, or nothing after skipping it in {@code batch} when no pair had an item. */
    public Optional<Draft> draft(Draft.Common common, Batch batch, int line, String label) {
        if (items.isEmpty()) {
            batch.skip(line, label, "no item to match");
            return Optional.empty();
        }
        return Optional.of(new Draft.Matching(common, items, pool, answer));
    }
}
