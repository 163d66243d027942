package dev.quiztutor.tutor.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where members' review cards are kept. A member's cards are always those {@link Deck#of} derives from
 * their attempts (practice and scheduled posts, lessons, topic tests, review sessions), whether a store
 * keeps them computed (the database: {@code store/SqlCardStore}) or derives them when asked
 * ({@link InMemoryCardStore}).
 */
public interface CardStore {
    /** The member's cards, every topic ({@link Deck#topic} narrows it to one). */
    Deck deck(long guild, long user);

    /** How many members of the guild have a card due on or before {@code day} in {@code zone}. */
    int membersWithDue(long guild, LocalDate day, ZoneId zone);

    /**
     * The member's attempts in the guild, each with the question it was at, of every topic or of one:
     * what a deck is rebuilt from and a progress chart drawn from. Only attempts whose events are still
     * stored: old events may be deleted, while cards are kept.
     */
    List<Deck.Attempted> attempts(long guild, long user, Optional<String> topic);
}
