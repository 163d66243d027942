package dev.quiztutor.tutor.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What FSRS knows of one member's memory of one question after their reviews so far: its memory
 * state (stability in days, difficulty from 1 to 10), when it is due next and when it was last
 * reviewed. A value: a review makes a new card ({@link FsrsScheduler#review}).
 *
 * @param state     where the card is in FSRS's life cycle
 * @param step      the learning or relearning step the card is at; 0 in the other states
 * @param stability days until recall falls to 90%; 0 for a new card, which has no memory state yet
 * @param difficulty from 1 (easy) to 10 (hard); 0 for a new card
 * @param due       when the card should be reviewed next
 * @param lastReview when it was last reviewed; empty for a new card
 * @param reps      reviews so far
 * @param lapses    times the question was forgotten after it had been learnt (Again in {@link State#REVIEW})
 */
public record Card(State state, int step, double stability, double difficulty, Instant due,
                   Optional<Instant> lastReview, int reps, int lapses) {

    /** FSRS's card states, plus {@link #NEW} for a card never reviewed. */
    public enum State {
        NEW, LEARNING, REVIEW, RELEARNING
    }

    public Card {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(lastReview, "lastReview");
        if ((state == State.NEW) != lastReview.isEmpty()) {
            throw new IllegalArgumentException("a card has a last review exactly when it is not new: " + state);
        }
        if (state != State.NEW && !(stability > 0 && difficulty >= 1 && difficulty <= 10)) {
            throw new IllegalArgumentException("a reviewed card needs a positive stability and a difficulty from 1 to 10, "
                    + "not " + stability + " and " + difficulty);
        }
        if (step < 0 || reps < 0 || lapses < 0 || lapses > reps) {
            throw new IllegalArgumentException("step, reps and lapses count up from 0, lapses at most reps");
        }
    }

    /** A card never reviewed, due at once (as in the reference implementations). */
    public static Card fresh(Instant now) {
        return new Card(State.NEW, 0, 0, 0, now, Optional.empty(), 0, 0);
    }

    /** The day the card falls due for someone living in {@code zone}. */
    public LocalDate dueDay(ZoneId zone) {
        return due.atZone(zone).toLocalDate();
    }

    /**
     * Whether the card is due on or before {@code day} in {@code zone}: a card due at 20:00 on a day is
     * due that whole day, as a deck's cards are in Anki.
     */
    public boolean dueBy(LocalDate day, ZoneId zone) {
        return !dueDay(zone).isAfter(day);
    }
}
