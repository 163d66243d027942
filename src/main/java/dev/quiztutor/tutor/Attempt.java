package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's attempt at one question: its events and what follows from them. Immutable; an update
 * makes a new attempt with one more event.
 *
 * <p>Compact, because the live attempts cache holds up to hundreds of thousands of them: the events
 * sit in a plain array (no list wrappers) and the counters in shorts (see BENCHMARKS.md, bytes per
 * live attempt).
 */
public final class Attempt {
    /** Where an attempt stands. Every state but {@link #OPEN} reveals the solution. */
    public enum Status {
        OPEN, SOLVED, OUT_OF_TRIES, GAVE_UP;

        public boolean ended() {
            return this != OPEN;
        }
    }

    private static final AttemptEvent[] NONE = new AttemptEvent[0];

    /** Never changed after construction, never handed out. */
    private final AttemptEvent[] events;
    private final Status status;
    private final Grade lastGrade;
    private final short triesAllowed;
    private final short triesUsed;
    private final short hintsShown;

    private Attempt(AttemptEvent[] events, int triesAllowed) {
        this.events = events;
        this.triesAllowed = (short) triesAllowed;
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
        this.triesUsed = (short) tries;
        this.hintsShown = (short) Math.min(hints, Short.MAX_VALUE);
        this.lastGrade = last;
    }

    /** A fresh attempt with no events. */
    public static Attempt start(Question question) {
        return new Attempt(NONE, question.attempts());
    }

    /** The attempt the given events make, as after a restart. */
    public static Attempt replay(Question question, List<AttemptEvent> events) {
        AttemptEvent[] copy = events.toArray(NONE);
        for (AttemptEvent event : copy) {
            Objects.requireNonNull(event, "event");
        }
        return new Attempt(copy, question.attempts());
    }

    /**
     * The attempt its stored events make, without the question: as the journal recorded them, each with
     * the attempt's status after it. The tries allowed are read from the events: the count of answers at
     * the event that ran out of tries, or, when none did, as many as an attempt can hold (the attempt had
     * tries left; how many is the question's, which a stored history need not know). Status, tries used,
     * wrong tries and hints are those of the attempt as it was played; what review cards and statistics read.
     */
    public static Attempt ofRecorded(List<RecordedEvent> recorded) {
        AttemptEvent[] events = new AttemptEvent[recorded.size()];
        int allowed = Short.MAX_VALUE;
        int answers = 0;
        boolean ended = false;
        for (int i = 0; i < events.length; i++) {
            RecordedEvent one = recorded.get(i);
            events[i] = Objects.requireNonNull(one.event(), "event");
            if (one.event() instanceof AttemptEvent.Answered) {
                answers++;
            }
            if (!ended && one.statusAfter().ended()) {
                ended = true;
                if (one.statusAfter() == Status.OUT_OF_TRIES) {
                    allowed = answers;
                }
            }
        }
        return new Attempt(events, allowed);
    }

    public Attempt with(AttemptEvent event) {
        AttemptEvent[] more = Arrays.copyOf(events, events.length + 1);
        more[events.length] = Objects.requireNonNull(event, "event");
        return new Attempt(more, triesAllowed);
    }

    /** The events, oldest first (an unmodifiable copy). */
    public List<AttemptEvent> events() {
        return List.of(events);
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
