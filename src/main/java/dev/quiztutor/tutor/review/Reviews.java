package dev.quiztutor.tutor.review;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.Tutor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spaced review, as every front end runs it: a member's due questions, most overdue first, each
 * graded exactly like practice (tries, hints, give up, the solution at the end) through the
 * {@link Tutor}, and recorded at the session's place so that the question's card moves on; then what
 * is due next.
 *
 * <p>"Today" is the day in the zone the front end names (a server's time zone setting, the console's
 * own): a card falls due on the day its due instant falls on there ({@link Card#dueBy}). Questions the
 * bank no longer has (a removed topic or question) are skipped and never counted: their cards stay in
 * the store, and come back if the question does.
 */
public final class Reviews {
    /** "This week": the seven days after today. */
    public static final int WEEK_DAYS = 7;

    private final Tutor tutor;
    private final CardStore cards;

    public Reviews(Tutor tutor, CardStore cards) {
        this.tutor = Objects.requireNonNull(tutor);
        this.cards = Objects.requireNonNull(cards);
    }

    /** Today, in {@code zone}, by the tutor's clock. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(tutor.clock().instant(), zone);
    }

    /**
     * The session's questions due today or earlier, most overdue first, that the bank of its guild still
     * has (of its topic, when it has one).
     */
    public List<Question> due(ReviewSession session, ZoneId zone) {
        QuizBank bank = tutor.banks().forGuild(session.guild());
        return cards.deck(session.guild(), session.user()).dueBy(today(zone), zone).stream()
                .filter(ref -> session.topicId().map(ref.topicId()::equals).orElse(true))
                .map(bank::question)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The question to ask next: the most overdue one not yet finished in this session and not in
     * {@code passed} (questions the member moved past unanswered); empty when the session is done.
     * A question answered in the session is normally due again a day or more later, so it has left the
     * due list already; the check on the session's own attempts makes sure it is never asked twice.
     */
    public Optional<Question> next(ReviewSession session, ZoneId zone, Collection<QuestionRef> passed) {
        return due(session, zone).stream()
                .filter(q -> !passed.contains(q.ref()))
                .filter(q -> !progress(session, q).status().ended())
                .findFirst();
    }

    /**
     * Whether the session belongs to an earlier day: a question due today was finished in it before
     * today began (its card was last reviewed before today, so the session's ended attempt is older). Such
     * a session cannot ask that question again, its attempt there being over; today's review is a new
     * session, as a fresh /review would start.
     */
    public boolean fromEarlierDay(ReviewSession session, ZoneId zone) {
        LocalDate today = today(zone);
        Deck deck = cards.deck(session.guild(), session.user());
        for (Question q : due(session, zone)) {
            Optional<Card> card = deck.card(q.ref());
            boolean reviewedBeforeToday = card.flatMap(Card::lastReview)
                    .map(last -> LocalDate.ofInstant(last, zone).isBefore(today)).orElse(false);
            if (reviewedBeforeToday && progress(session, q).status().ended()) {
                return true;
            }
        }
        return false;
    }

    /** What the member has due, of one topic or all, counted today in {@code zone}. */
    public Outlook outlook(long guild, long user, Optional<String> topicId, ZoneId zone) {
        QuizBank bank = tutor.banks().forGuild(guild);
        LocalDate today = today(zone);
        LocalDate tomorrow = today.plusDays(1);
        LocalDate weekEnd = today.plusDays(WEEK_DAYS);
        int dueToday = 0;
        int dueTomorrow = 0;
        int dueWeek = 0;
        LocalDate next = null;
        for (Map.Entry<QuestionRef, Card> entry : cards.deck(guild, user).cards().entrySet()) {
            QuestionRef ref = entry.getKey();
            if (topicId.isPresent() && !topicId.get().equals(ref.topicId()) || bank.question(ref).isEmpty()) {
                continue;
            }
            LocalDate day = entry.getValue().dueDay(zone);
            if (!day.isAfter(today)) {
                dueToday++;
                continue;
            }
            if (day.equals(tomorrow)) {
                dueTomorrow++;
            }
            if (!day.isAfter(weekEnd)) {
                dueWeek++;
            }
            if (next == null || day.isBefore(next)) {
                next = day;
            }
        }
        return new Outlook(dueToday, dueTomorrow, dueWeek, Optional.ofNullable(next));
    }

    /** The outlook of the session's member and topic. */
    public Outlook outlook(ReviewSession session, ZoneId zone) {
        return outlook(session.guild(), session.user(), session.topicId(), zone);
    }

    /**
     * How many members of the guild have a question due today in {@code zone}: what a scheduled post's
     * reveal may say. Counted from the cards alone, so a question the bank no longer has may count.
     */
    public int membersWithDue(long guild, ZoneId zone) {
        return cards.membersWithDue(guild, today(zone), zone);
    }

    public Practice.Outcome answer(ReviewSession session, Question question, Response response) {
        return tutor.answer(session.place(), session.user(), question, response);
    }

    public Practice.Outcome hint(ReviewSession session, Question question) {
        return tutor.hint(session.place(), session.user(), question);
    }

    public Practice.Outcome giveUp(ReviewSession session, Question question) {
        return tutor.giveUp(session.place(), session.user(), question);
    }

    /** Where the member's attempt at {@code question} in this session stands. */
    public Feedback.Progress progress(ReviewSession session, Question question) {
        return tutor.progress(session.place(), session.user(), question);
    }
}
