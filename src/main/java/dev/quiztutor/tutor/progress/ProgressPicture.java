package dev.quiztutor.tutor.progress;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.Rating;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a member's progress chart shows: right answers per week and difficulty, oldest week first,
 * the last one the current (unfinished) week; and mastery per topic for the topics they have met, by
 * title. {@code retention} is the recall probability a question counts as mastered at, one day from now
 * ({@link #MASTERY_HORIZON}).
 */
public record ProgressPicture(List<WeekOfRightAnswers> weeks, List<TopicMastery> topics, double retention) {
    /** Weeks a picture covers: two months, long enough to see a trend, short enough to read each bar. */
    public static final int WEEKS = 8;

    /**
     * Topics the chart draws at most: more bars than that no longer fit their titles. The most
     * practised are drawn; the text names how many more there are.
     */
    public static final int CHART_TOPICS = 10;

    /**
     * How far ahead mastery looks: a question is mastered when FSRS says the member would still recall it
     * this long after now with at least the retention. Not at now: FSRS counts whole days since the last
     * review, so on the day of any review recall is 1, and a question missed today (the attempt ended on
     * its worked solution) would count as mastered. A day later is the first point the forgetting curve
     * speaks of memory rather than of the solution just read, and it is the card's own memory state that
     * decides: stability at least about a day at 90% (R(1, S) >= r), which a first miss (Again, stability
     * 0.212 days, recall 0.77 tomorrow) never has and a first-try right answer (Good, 2.3065 days, 0.95) has.
     * The scheduler agrees: such a card is not due again before tomorrow. And a question whose last review
     * was Again is not mastered until it is reviewed right again (Hard or better), whatever its recall: a
     * question long known (stability of about ten days or more) and missed today keeps a stability above
     * a day after the lapse, and a member who just got it wrong does not call it mastered. FSRS's card
     * stays exact; the last rating comes from the attempts ({@link Deck#lastRatings}).
     */
    public static final Duration MASTERY_HORIZON = Duration.ofDays(1);

    private static final Comparator<TopicMastery> BY_TITLE =
            Comparator.comparing(TopicMastery::title).thenComparing(TopicMastery::topicId);

    public ProgressPicture {
        weeks = List.copyOf(weeks);
        topics = topics.stream().sorted(BY_TITLE).toList();
        if (weeks.isEmpty()) {
            throw new IllegalArgumentException("a picture covers at least one week");
        }
        for (int i = 1; i < weeks.size(); i++) {
            if (!weeks.get(i).monday().equals(weeks.get(i - 1).monday().plusWeeks(1))) {
                throw new IllegalArgumentException("weeks follow each other, oldest first: " + weeks);
            }
        }
        if (!(retention > 0 && retention <= 1)) {
            throw new IllegalArgumentException("the retention is a probability above 0 and at most 1, not " + retention);
        }
    }

    /**
     * The picture of a member's progress on {@code today} in {@code zone}: their {@code solved} attempts
     * counted in the last {@link #WEEKS} weeks (Monday to Sunday in {@code zone}; others are ignored),
     * and their mastery of each of {@code topics} they have met in {@code deck}: recall
     * {@link #MASTERY_HORIZON} after {@code now} at the retention the deck's cards are scheduled for, and
     * a last review that was not Again. {@code attempts}, the member's attempts the deck was derived from,
     * are read only when some question is recalled that well (for its last rating).
     */
    public static ProgressPicture of(Collection<RightAnswers.Solved> solved, Instant now, ZoneId zone,
                                     Collection<Topic> topics, Deck deck,
                                     Supplier<? extends Collection<Deck.Attempted>> attempts) {
        double retention = deck.scheduler().settings().retention();
        LocalDate first = firstMonday(LocalDate.ofInstant(now, zone));
        List<WeekOfRightAnswers> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(WeekOfRightAnswers.none(first.plusWeeks(i)));
        }
        for (RightAnswers.Solved s : solved) {
            LocalDate day = LocalDate.ofInstant(s.at(), zone);
            int week = (int) ChronoUnit.WEEKS.between(first, day);
            if (!day.isBefore(first) && week < WEEKS) {
                weeks.set(week, weeks.get(week).plusOne(s.difficulty()));
            }
        }
        Instant at = now.plus(MASTERY_HORIZON);
        Set<QuestionRef> recalled = new HashSet<>();
        for (Topic topic : topics) {
            for (Question question : topic.questions()) {
                if (deck.card(question.ref()).isPresent() && deck.retrievability(question.ref(), at) >= retention) {
                    recalled.add(question.ref());
                }
            }
        }
        if (!recalled.isEmpty()) {
            Map<QuestionRef, Rating> last = Deck.lastRatings(attempts.get());
            recalled.removeIf(ref -> last.get(ref) == Rating.AGAIN);
        }
        List<TopicMastery> mastery = topics.stream()
                .map(topic -> mastery(topic, deck, recalled))
                .filter(m -> m.met() > 0)
                .toList();
        return new ProgressPicture(weeks, mastery, retention);
    }

    /** The Monday the picture of {@code today} starts on: {@link #WEEKS} weeks including this one. */
    public static LocalDate firstMonday(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
    }

    /** The instant the picture of {@code now} starts at: what to read right answers from. */
    public static Instant since(Instant now, ZoneId zone) {
        return firstMonday(LocalDate.ofInstant(now, zone)).atStartOfDay(zone).toInstant();
    }

    /** A topic's mastery: its questions the member has a card for, and of those the {@code mastered} ones. */
    static TopicMastery mastery(Topic topic, Deck deck, Set<QuestionRef> mastered) {
        int met = 0;
        int masteredHere = 0;
        for (Question question : topic.questions()) {
            if (deck.card(question.ref()).isPresent()) {
                met++;
                if (mastered.contains(question.ref())) {
                    masteredHere++;
                }
            }
        }
        return new TopicMastery(topic.id(), topic.title(), topic.questions().size(), met, masteredHere);
    }

    /** Nothing to draw: no right answer in these weeks and no topic met. */
    public boolean isEmpty() {
        return totalRight() == 0 && topics.isEmpty();
    }

    public int totalRight() {
        return weeks.stream().mapToInt(WeekOfRightAnswers::total).sum();
    }

    /** The current week: the last one. */
    public WeekOfRightAnswers thisWeek() {
        return weeks.get(weeks.size() - 1);
    }

    /**
     * The topics the chart draws: the {@link #CHART_TOPICS} with the most questions met (ties by title),
     * by title.
     */
    public List<TopicMastery> chartTopics() {
        return topics.stream()
                .sorted(Comparator.comparingInt(TopicMastery::met).reversed().thenComparing(BY_TITLE))
                .limit(CHART_TOPICS)
                .sorted(BY_TITLE)
                .toList();
    }

    /** The percentage of {@link #retention}, as the text says it ("90%"). */
    public int retentionPercent() {
        return (int) Math.round(100 * retention);
    }
}
