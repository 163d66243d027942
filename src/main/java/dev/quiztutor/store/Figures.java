package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /progress} and {@code /leaderboard} show, read from the figures the journal keeps.
 * Every figure is per guild: a member's progress in one study group is not mixed with another's.
 */
public interface Figures {
    /**
     * Ended attempts a topic needs before it can be called the weakest: below that, one unlucky
     * answer would decide it.
     */
    int WEAKEST_TOPIC_MIN_ANSWERED = 5;

    /** Topic test results a progress report lists. */
    int RECENT_TESTS = 5;

    /**
     * Practice attempts that ended and what they earned. {@code answered} counts every ended attempt:
     * solved, out of tries or given up (giving up is not a way to keep a ratio clean); {@code right}
     * counts the solved ones; {@code points} sums their scores.
     */
    record Totals(long answered, long right, double points) {
        public static final Totals NONE = new Totals(0, 0, 0);

        /** Right out of answered, 0 when nothing was answered. */
        public double rightRatio() {
            return answered == 0 ? 0 : (double) right / answered;
        }
    }

    record TopicTotals(String topicId, Totals totals) {
    }

    record DifficultyTotals(Difficulty difficulty, Totals totals) {
    }

    /**
     * Consecutive UTC days with at least one ended attempt. {@code current} still counts when the last
     * such day is yesterday (today is not over), and is 0 once a whole day was missed.
     */
    record Streak(int current, int best, Optional<LocalDate> lastDay) {
        public static final Streak NONE = new Streak(0, 0, Optional.empty());
    }

    /**
     * A member's progress in a guild. {@code overall} is the sum of {@code byTopic}; {@code byTopic}
     * is in topic id order and holds only topics the member answered; {@code byDifficulty} holds every
     * difficulty, easy first. {@code weakestTopic} is the topic with the lowest right ratio among those
     * with at least {@link #WEAKEST_TOPIC_MIN_ANSWERED} answered and not all right (ties: the one with
     * more answered, then by id); empty when none qualifies. {@code recentTests} newest first.
     */
    record Progress(long guild, long user, Totals overall, List<TopicTotals> byTopic,
                    List<DifficultyTotals> byDifficulty, Streak streak, Optional<TopicTotals> weakestTopic,
                    List<TopicTestStore.TestResult> recentTests) {
        public Progress {
            byTopic = List.copyOf(byTopic);
            byDifficulty = List.copyOf(byDifficulty);
            recentTests = List.copyOf(recentTests);
        }
    }

    /** Which attempts a leaderboard counts: those ended this calendar month (in a zone), or all. */
    enum Period {
        THIS_MONTH, ALL_TIME
    }

    /** A member's place: rank 1 is the top; every member has a rank of their own, ties are broken. */
    record Standing(int rank, long user, Totals totals) {
    }

    /**
     * The top of a guild's leaderboard, ordered by points, then right answers, then who reached their
     * figures first (the earlier last solved attempt), then user id. {@code caller} is the asking
     * member's standing, present whenever they ended an attempt in the period, inside the top or not.
     * {@code month} is the month counted for {@link Period#THIS_MONTH}.
     */
    record Leaderboard(long guild, Period period, Optional<YearMonth> month, List<Standing> top,
                       Optional<Standing> caller) {
        public Leaderboard {
            Objects.requireNonNull(period);
            top = List.copyOf(top);
        }
    }

    Progress progress(long guild, long user);

    /**
     * The top {@code limit} members of a guild and the caller's standing. {@code zone} says when
     * "this month" begins and ends (the guild's time zone, or UTC); it is ignored for all time.
     */
    Leaderboard leaderboard(long guild, Period period, ZoneId zone, int limit, long caller);
}
