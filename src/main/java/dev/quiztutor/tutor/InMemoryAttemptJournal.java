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

    public int eventCount() {
        return events.values().stream().mapToInt(List::size).sum();
    }
}
