package dev.quiztutor.tutor.review;

import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Attempt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's cards, one per question they have been reviewed on, derived from their attempts and
 * nothing else: every attempt that amounts to a review ({@link Review#of}) is a review of its
 * question, in time order, wherever it was made (a practice post, a scheduled post, a topic test, a
 * review session). So the deck can always be rebuilt from the stored events, and gives the same cards
 * whatever order the attempts come in. A question never reviewed has no card: review brings back what
 * a member met, not what they have yet to meet.
 */
public final class Deck {
    /** One attempt of the member's at a question, with the question it was at. */
    public record Attempted(QuestionRef question, Attempt attempt) {
        public Attempted {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    private static final Comparator<QuestionRef> BY_REF =
            Comparator.comparing(QuestionRef::topicId).thenComparing(QuestionRef::questionId);

    /** Time order; two reviews at the same instant (never seen) in a fixed order all the same. */
    private static final Comparator<Review> IN_TIME = Comparator.comparing(Review::at).thenComparing(Review::rating);

    private final FsrsScheduler scheduler;
    private final Map<QuestionRef, Card> cards;

    private Deck(FsrsScheduler scheduler, Map<QuestionRef, Card> cards) {
        this.scheduler = scheduler;
        this.cards = Collections.unmodifiableMap(cards);
    }

    /** The member's deck from their attempts, in any order. */
    public static Deck of(FsrsScheduler scheduler, Collection<Attempted> attempts) {
        Objects.requireNonNull(scheduler, "scheduler");
        Map<QuestionRef, List<Review>> reviews = new HashMap<>();
        for (Attempted attempted : attempts) {
            Review.of(attempted.attempt()).ifPresent(review ->
                    reviews.computeIfAbsent(attempted.question(), q -> new ArrayList<>()).add(review));
        }
        Map<QuestionRef, Card> cards = new LinkedHashMap<>();
        reviews.keySet().stream().sorted(BY_REF).forEach(question -> {
            List<Review> inTime = reviews.get(question).stream().sorted(IN_TIME).toList();
            Card card = Card.fresh(inTime.get(0).at());
            for (Review review : inTime) {
                card = scheduler.review(card, review.rating(), review.at());
            }
            cards.put(question, card);
        });
        return new Deck(scheduler, cards);
    }

    /**
     * Each question's last review's rating, from the member's attempts in any order: the last review
     * {@link #of} folds into its card. A card does not keep it (FSRS's state has no rating), and a question
     * whose attempts are no longer stored is not in it.
     */
    public static Map<QuestionRef, Rating> lastRatings(Collection<Attempted> attempts) {
        Map<QuestionRef, Review> last = new HashMap<>();
        for (Attempted attempted : attempts) {
            Review.of(attempted.attempt()).ifPresent(review -> last.merge(attempted.question(), review,
                    (a, b) -> IN_TIME.compare(a, b) >= 0 ? a : b));
        }
        Map<QuestionRef, Rating> ratings = new HashMap<>();
        last.forEach((question, review) -> ratings.put(question, review.rating()));
        return ratings;
    }

    /**
     * A deck of cards already computed, as a store keeps them: the same deck {@link #of} gives from the
     * attempts those cards were reviewed from.
     */
    public static Deck ofCards(FsrsScheduler scheduler, Map<QuestionRef, Card> cards) {
        Objects.requireNonNull(scheduler, "scheduler");
        Map<QuestionRef, Card> sorted = new LinkedHashMap<>();
        cards.keySet().stream().sorted(BY_REF).forEach(q -> sorted.put(q, Objects.requireNonNull(cards.get(q), "card")));
        return new Deck(scheduler, sorted);
    }

    /** The cards of one topic's questions: what {@code /review topic} draws from. */
    public Deck topic(String topicId) {
        Map<QuestionRef, Card> mine = new LinkedHashMap<>();
        cards.forEach((q, card) -> {
            if (q.topicId().equals(topicId)) {
                mine.put(q, card);
            }
        });
        return new Deck(scheduler, mine);
    }

    public FsrsScheduler scheduler() {
        return scheduler;
    }

    /** Every card, by question (topic id, then question id). */
    public Map<QuestionRef, Card> cards() {
        return cards;
    }

    public Optional<Card> card(QuestionRef question) {
        return Optional.ofNullable(cards.get(question));
    }

    /**
     * The questions due on or before {@code day} for a member in {@code zone}, most overdue (earliest
     * due) first: what a review session on that day asks.
     */
    public List<QuestionRef> dueBy(LocalDate day, ZoneId zone) {
        return cards.entrySet().stream()
                .filter(e -> e.getValue().dueBy(day, zone))
                .sorted(Map.Entry.<QuestionRef, Card>comparingByValue(Comparator.comparing(Card::due))
                        .thenComparing(Map.Entry.comparingByKey(BY_REF)))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The questions due today, at {@code now}, for a member in {@code zone}, most overdue first. */
    public List<QuestionRef> dueToday(Instant now, ZoneId zone) {
        return dueBy(LocalDate.ofInstant(now, zone), zone);
    }

    /** The questions due on {@code first} through {@code last} in {@code zone} (not before): "due this week". */
    public List<QuestionRef> dueBetween(LocalDate first, LocalDate last, ZoneId zone) {
        return dueBy(last, zone).stream()
                .filter(q -> !cards.get(q).dueDay(zone).isBefore(first))
                .toList();
    }

    /**
     * How likely the member is to recall the question at {@code at}: 0 for a question never reviewed.
     * A topic's mastery is the share of its questions at or above the desired retention.
     */
    public double retrievability(QuestionRef question, Instant at) {
        Card card = cards.get(question);
        return card == null ? 0 : scheduler.retrievability(card, at);
    }
}
