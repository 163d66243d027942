package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Figures read from {@code member_stats}, {@code member_topic_stats}, {@code attempt_event} and
 * {@code test_result}. "Today" and "this month" come from the clock.
 */
public final class SqlFigures implements Figures {
    private static final String SELECT_TOPIC_STATS = """
            SELECT topic_id, difficulty, answered, solved, points_milli
            FROM member_topic_stats WHERE guild_id = ? AND user_id = ?
            """;

    private static final String SELECT_STREAK = """
            SELECT streak_current, streak_best, streak_last_day
            FROM member_stats WHERE guild_id = ? AND user_id = ?
            """;

    /**
     * Ranks in SQL (window functions, in SQLite since 3.25) so that only the top and the caller's row
     * leave the database, however large the guild. A member who solved nothing has no "reached" time:
     * COALESCE makes it the latest possible, as NULLS LAST would, which the two dialects do not agree
     * on by default.
     */
    private static final String RANKED = """
            SELECT user_id, answered, solved, points_milli, position FROM (
                SELECT user_id, answered, solved, points_milli,
                       ROW_NUMBER() OVER (ORDER BY points_milli DESC, solved DESC, reached, user_id) AS position
                FROM (%s) totals
            ) ranked
            WHERE position <= ? OR user_id = ?
            ORDER BY position
            """;

    private static final String ALL_TIME_TOTALS = """
            SELECT user_id, answered, solved, points_milli,
                   COALESCE(last_solved_second, 9223372036854775807) AS reached
            FROM member_stats WHERE guild_id = ?
            """;

    /**
     * The ending events of the month at posts (a lesson's answers score nothing); the status predicate
     * matches index attempt_event_ended word for word.
     */
    private static final String MONTH_TOTALS = """
            SELECT user_id, COUNT(*) AS answered,
                   SUM(CASE WHEN status_after = 'solved' THEN 1 ELSE 0 END) AS solved,
                   SUM(score_milli) AS points_milli,
                   COALESCE(MAX(CASE WHEN status_after = 'solved' THEN at_second END), 9223372036854775807) AS reached
            FROM attempt_event
            WHERE guild_id = ? AND status_after <> 'open' AND at_second >= ? AND at_second < ?
                  AND place_kind = 'post'
            GROUP BY user_id
            """;

    private static final String RANKED_ALL_TIME = RANKED.formatted(ALL_TIME_TOTALS);
    private static final String RANKED_THIS_MONTH = RANKED.formatted(MONTH_TOTALS);

    private final Database database;
    private final Clock clock;

    public SqlFigures(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Progress progress(long guild, long user) {
        LocalDate today = LocalDate.ofEpochDay(SqlAttemptJournal.utcDay(clock.instant()));
        return database.read("read the progress of user " + user, session -> {
            Map<String, long[]> topics = new TreeMap<>();
            Map<Difficulty, long[]> difficulties = new EnumMap<>(Difficulty.class);
            for (Difficulty d : Difficulty.values()) {
                difficulties.put(d, new long[3]);
            }
            long[] overall = new long[3];
            PreparedStatement select = session.prepare(SELECT_TOPIC_STATS);
            select.setLong(1, guild);
            select.setLong(2, user);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long[] figures = {row.getLong("answered"), row.getLong("solved"), row.getLong("points_milli")};
                    add(topics.computeIfAbsent(row.getString("topic_id"), t -> new long[3]), figures);
                    add(difficulties.get(Codes.difficulty(row.getString("difficulty"))), figures);
                    add(overall, figures);
                }
            }
            List<TopicTotals> byTopic = new ArrayList<>();
            topics.forEach((topic, figures) -> byTopic.add(new TopicTotals(topic, totals(figures))));
            List<DifficultyTotals> byDifficulty = new ArrayList<>();
            difficulties.forEach((difficulty, figures) ->
                    byDifficulty.add(new DifficultyTotals(difficulty, totals(figures))));
            return new Progress(guild, user, totals(overall), byTopic, byDifficulty,
                    streak(session, guild, user, today), weakest(byTopic),
                    SqlTopicTestStore.results(session, guild, user, OptionalLong.empty(), RECENT_TESTS));
        });
    }

    private static Streak streak(Session session, long guild, long user, LocalDate today) throws SQLException {
        PreparedStatement select = session.prepare(SELECT_STREAK);
        select.setLong(1, guild);
        select.setLong(2, user);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Streak.NONE;
            }
            LocalDate last = LocalDate.ofEpochDay(row.getLong("streak_last_day"));
            boolean alive = !last.isBefore(today.minusDays(1));
            return new Streak(alive ? row.getInt("streak_current") : 0, row.getInt("streak_best"),
                    Optional.of(last));
        }
    }

    static Optional<TopicTotals> weakest(List<TopicTotals> byTopic) {
        // Ratios compared by cross-multiplying, so that 2/6 and 1/3 are equal exactly.
        Comparator<TopicTotals> lowestRatio = (a, b) -> Long.compare(
                a.totals().right() * b.totals().answered(), b.totals().right() * a.totals().answered());
        return byTopic.stream()
                .filter(t -> t.totals().answered() >= WEAKEST_TOPIC_MIN_ANSWERED)
                .filter(t -> t.totals().right() < t.totals().answered())
                .min(lowestRatio
                        .thenComparing(t -> t.totals().answered(), Comparator.reverseOrder())
                        .thenComparing(TopicTotals::topicId));
    }

    @Override
    public Leaderboard leaderboard(long guild, Period period, ZoneId zone, int limit, long caller) {
        Objects.requireNonNull(period);
        Objects.requireNonNull(zone);
        Optional<YearMonth> month = period == Period.THIS_MONTH
                ? Optional.of(YearMonth.now(clock.withZone(zone))) : Optional.empty();
        String ranked = period == Period.THIS_MONTH ? RANKED_THIS_MONTH : RANKED_ALL_TIME;
        return database.read("read the leaderboard of guild " + guild, session -> {
            PreparedStatement select = session.prepare(ranked);
            int i = 1;
            select.setLong(i++, guild);
            if (month.isPresent()) {
                select.setLong(i++, month.get().atDay(1).atStartOfDay(zone).toEpochSecond());
                select.setLong(i++, month.get().plusMonths(1).atDay(1).atStartOfDay(zone).toEpochSecond());
            }
            select.setLong(i++, Math.max(0, limit));
            select.setLong(i, caller);
            List<Standing> top = new ArrayList<>();
            Optional<Standing> callerStanding = Optional.empty();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Standing standing = new Standing(row.getInt("position"), row.getLong("user_id"),
                            new Totals(row.getLong("answered"), row.getLong("solved"),
                                    Codes.points(row.getLong("points_milli"))));
                    if (standing.rank() <= limit) {
                        top.add(standing);
                    }
                    if (standing.user() == caller) {
                        callerStanding = Optional.of(standing);
                    }
                }
            }
            return new Leaderboard(guild, period, month, top, callerStanding);
        });
    }

    private static void add(long[] sum, long[] figures) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += figures[i];
        }
    }

    private static Totals totals(long[] figures) {
        return new Totals(figures[0], figures[1], Codes.points(figures[2]));
    }
}
