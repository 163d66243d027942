package dev.quiztutor.tutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Keeps events in memory for the life of the process: the console's journal, and a test double. */
public final class InMemoryAttemptJournal implements AttemptJournal {
    /** Each attempt's events as recorded (with the status after each): what review cards are rebuilt from. */
    private final Map<AttemptKey, List<RecordedEvent>> events = new ConcurrentHashMap<>();

    @Override
    public List<AttemptEvent> load(AttemptKey key) {
        List<RecordedEvent> found = events.get(key);
        if (found == null) {
            return List.of();
        }
        synchronized (found) {
            return found.stream().map(RecordedEvent::event).toList();
        }
    }

    @Override
    public void append(RecordedEvent recorded) {
        List<RecordedEvent> list = events.computeIfAbsent(recorded.key(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(recorded);
        }
    }

    @Override
    public boolean appendFirst(RecordedEvent recorded) {
        List<RecordedEvent> list = events.computeIfAbsent(recorded.key(), k -> new ArrayList<>());
        synchronized (list) {
            if (!list.isEmpty()) {
                return false;
            }
            list.add(recorded);
            return true;
        }
    }

    /** The recorded events of every attempt whose key matches, each attempt's oldest first (copies). */
    public Map<AttemptKey, List<RecordedEvent>> recorded(Predicate<AttemptKey> which) {
        Map<AttemptKey, List<RecordedEvent>> found = new LinkedHashMap<>();
        events.forEach((key, list) -> {
            if (which.test(key)) {
                synchronized (list) {
                    found.put(key, List.copyOf(list));
                }
            }
        });
        return found;
    }

    @Override
    public PlaceSummary summary(Place place) {
        java.util.Set<Long> answered = new java.util.HashSet<>();
        java.util.Set<Long> right = new java.util.HashSet<>();
        events.forEach((key, list) -> {
            if (!key.place().equals(place)) {
                return;
            }
            synchronized (list) {
                for (RecordedEvent recorded : list) {
                    if (recorded.event() instanceof AttemptEvent.Answered answeredEvent) {
                        answered.add(key.user());
                        if (answeredEvent.grade().correct()) {
                            right.add(key.user());
                        }
                    }
                }
            }
        });
        return new PlaceSummary(answered, right);
    }

    public int eventCount() {
        return events.values().stream().mapToInt(List::size).sum();
    }
}
