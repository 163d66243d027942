package dev.quiztutor.bench.engine;

import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.RecordedEvent;
import java.util.List;

/** A journal that keeps nothing: the engine's own cost, without storage (measured on its own). */
final class NoJournal implements AttemptJournal {
    volatile RecordedEvent last;

    @Override
    public List<AttemptEvent> load(AttemptKey key) {
        return List.of();
    }

    @Override
    public void append(RecordedEvent event) {
        last = event;
    }
}
