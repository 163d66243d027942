package dev.quiztutor.tutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.QuestionRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last questions of each audience in memory, bounded in audiences and in questions each. */
public final class InMemoryHistory implements History {
    private final int keep;
    private final Cache<Long, Deque<QuestionRef>> recent;

    public InMemoryHistory(int keep, long audiences) {
        this.keep = keep;
        this.recent = Caffeine.newBuilder().maximumSize(audiences).build();
    }

    public InMemoryHistory() {
        this(50, 100_000);
    }

    @Override
    public List<QuestionRef> recent(long audience, int limit) {
        Deque<QuestionRef> seen = recent.getIfPresent(audience);
        if (seen == null) {
            return List.of();
        }
        synchronized (seen) {
            List<QuestionRef> all = new ArrayList<>(seen);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    @Override
    public void seen(long audience, QuestionRef question) {
        Deque<QuestionRef> seen = recent.get(audience, k -> new ArrayDeque<>());
        synchronized (seen) {
            seen.remove(question);
            seen.addLast(question);
            while (seen.size() > keep) {
                seen.removeFirst();
            }
        }
    }
}
