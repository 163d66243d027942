package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One user's attempt at one question: its events and what follows from them. Immutable; an update
 * makes a new attempt with one more event.
 */
public final class Attempt {
    /** Where an attempt stands. Every state but {@link #OPEN} reveals the solution. */
    public enum Status {
        OPEN, SOLVED, OUT_OF_TRIES, GAVE_UP;

        public boolean ended() {
            return this != OPEN;
        }
    }

    private final List<AttemptEvent> events;
    private final int triesAllowed;
    private final Status status;
    private final int triesUsed;
    private final int hintsShown;
    private final Grade lastGrade;

    private Attempt(List<AttemptEvent> events, int triesAllowed) {
        this.events = events;
        this.triesAllowed = triesAllowed;
        Status state = Status.OPEN;
        int tries = 0;
        int hints = 0;
        Grade last = null;
        for (AttemptEvent event : events) {
            if (state.ended()) {
                break;
            }
            if (event instanceof AttemptEvent.Answered answered) {
                tries++;
                last = answered.grade();
                if (answered.grade().correct()) {
                    state = Status.SOLVED;
                } else if (tries >= triesAllowed) {
                    state = Status.OUT_OF_TRIES;
                }
            } else if (event instanceof AttemptEvent.HintShown) {
                hints++;
            } else if (event instanceof AttemptEvent.GaveUp) {
                state = Status.GAVE_UP;
            }
        }
        this.status = state;
        this.triesUsed = tries;
        this.hintsShown = hints;
        this.lastGrade = last;
    }

    /** A fresh attempt with no events. */
    public static Attempt start(Question question) {
        return new Attempt(List.of(), question.attempts());
    }

    /** The attempt the given events make, as after a restart. */
    public static Attempt replay(Question question, List<AttemptEvent> events) {
        return new Attempt(List.copyOf(events), question.attempts());
    }

    public Attempt with(AttemptEvent event) {
        List<AttemptEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(event);
        return new Attempt(Collections.unmodifiableList(more), triesAllowed);
    }

    public List<AttemptEvent> events() {
        return events;
    }

    public Status status() {
        return status;
    }

    public int triesUsed() {
        return triesUsed;
    }

    public int triesLeft() {
        return status.ended() ? 0 : triesAllowed - triesUsed;
    }

    public int triesAllowed() {
        return triesAllowed;
    }

    /** Tries that were wrong: every try but the solving one. */
    public int wrongTries() {
        return status == Status.SOLVED ? triesUsed - 1 : triesUsed;
    }

    public int hintsShown() {
        return hintsShown;
    }

    public Optional<Grade> lastGrade() {
        return Optional.ofNullable(lastGrade);
    }
}
