package dev.quiztutor.tutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps events in memory for the life of the process: the console's journal, and a test double. */
public final class InMemoryAttemptJournal implements AttemptJournal {
    private final Map<AttemptKey, List<AttemptEvent>> events = new ConcurrentHashMap<>();

    @Override
    public List<AttemptEvent> load(AttemptKey key) {
        List<AttemptEvent> found = events.get(key);
        if (found == null) {
            return List.of();
        }
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    @Override
    public void append(RecordedEvent recorded) {
        List<AttemptEvent> list = events.computeIfAbsent(recorded.key(), k -> new ArrayList<>());
        synchronized (list) {
            list.add(recorded.event());
        }
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
                for (AttemptEvent event : list) {
                    if (event instanceof AttemptEvent.Answered answeredEvent) {
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
