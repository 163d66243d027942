package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the store keeps about one member, in every server: counted (to show before asking) and
 * deleted (/forget-me, {@code quiztutor forget}), in one transaction, so a failure deletes nothing.
 *
 * <p>What a member did is deleted; what a server owns stays, without their name on it: a topic they
 * uploaded and a schedule they created keep working for the server, credited to nobody.
 */
public final class MemberData {
    /** Who a topic upload or a schedule is credited to once its member asked to be forgotten. */
    public static final String FORMER_MEMBER = "a former member";

    /** What is (or was) stored about a member, row by row as a member would name it. */
    public record Records(long answers, long otherSteps, long figureServers, long testsInProgress, long testResults,
                          long recentQuestions, long names, long reviewCards, long suggestions, long uploadsCredited,
                          long schedulesCredited) {
        public static final Records NONE = new Records(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public boolean isEmpty() {
            return equals(NONE);
        }

        /**
         * "132 answers, 4 hints or give-ups, your figures in 2 servers, 1 test result": the non-zero
         * parts in plain words, {@code whose} ("your", "their") naming the owner; "nothing" when none.
         */
        public String describe(String whose) {
            List<String> parts = new ArrayList<>();
            add(parts, answers, "answer", "answers");
            add(parts, otherSteps, "hint or give-up", "hints or give-ups");
            if (figureServers > 0) {
                parts.add(whose + " figures in " + count(figureServers, "server", "servers"));
            }
            add(parts, testsInProgress, "test in progress", "tests in progress");
            add(parts, testResults, "test result", "test results");
            add(parts, recentQuestions, "recently met question", "recently met questions");
            if (names > 0) {
                parts.add(whose + " name in " + count(names, "server", "servers"));
            }
            add(parts, reviewCards, "review card", "review cards");
            add(parts, suggestions, "suggestion (or draft, or credit for one)", "suggestions (drafts, credit)");
            add(parts, uploadsCredited, "credit for an uploaded topic", "credit for uploaded topics");
            add(parts, schedulesCredited, "credit for a schedule", "credit for schedules");
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }

        private static void add(List<String> parts, long n, String one, String many) {
            if (n > 0) {
                parts.add(count(n, one, many));
            }
        }

        private static String count(long n, String one, String many) {
            return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
        }
    }

    private static final String COUNT_ANSWERS =
            "SELECT COUNT(*) FROM attempt_event WHERE user_id = ? AND event = 'answered'";
    private static final String COUNT_OTHER_STEPS =
            "SELECT COUNT(*) FROM attempt_event WHERE user_id = ? AND event <> 'answered'";
    private static final String COUNT_FIGURE_SERVERS = """
            SELECT COUNT(*) FROM (SELECT guild_id FROM member_stats WHERE user_id = ?
                                  UNION SELECT guild_id FROM member_topic_stats WHERE user_id = ?) servers
            """;
    private static final String COUNT_TESTS_IN_PROGRESS = "SELECT COUNT(*) FROM test_in_progress WHERE user_id = ?";
    private static final String COUNT_TEST_RESULTS = "SELECT COUNT(*) FROM test_result WHERE user_id = ?";
    /** An audience is a user or a channel; snowflakes never collide across the two. */
    private static final String COUNT_RECENT = "SELECT COUNT(*) FROM recent_question WHERE audience_id = ?";
    private static final String COUNT_NAMES = "SELECT COUNT(*) FROM member_name WHERE user_id = ?";
    private static final String COUNT_UPLOADS = "SELECT COUNT(*) FROM server_topic WHERE uploader_id = ?";
    private static final String COUNT_SCHEDULES =
            "SELECT COUNT(*) FROM schedule WHERE created_by = ? OR paused_by = ?";

    private final Database database;

    public MemberData(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    /** What is stored about {@code user} now, without changing anything. */
    public Records inventory(long user) {
        return database.read("count what is stored about user " + user, session -> new Records(
                count(session, COUNT_ANSWERS, user),
                count(session, COUNT_OTHER_STEPS, user),
                count(session, COUNT_FIGURE_SERVERS, user, user),
                count(session, COUNT_TESTS_IN_PROGRESS, user),
                count(session, COUNT_TEST_RESULTS, user),
                count(session, COUNT_RECENT, user),
                count(session, COUNT_NAMES, user),
                reviewCards(session, user, false),
                suggestions(session, user, false),
                count(session, COUNT_UPLOADS, user),
                count(session, COUNT_SCHEDULES, user, user)));
    }

    /**
     * Deletes everything stored about {@code user} in every server, in one transaction, and returns
     * what was deleted. The figures go with the events, so the leaderboard (both periods) and
     * /progress no longer know the member.
     */
    public Records forget(long user) {
        return database.write("delete what is stored about user " + user, session -> {
            // Counted in the transaction that deletes, so the counts are exactly what went.
            long answers = count(session, COUNT_ANSWERS, user);
            long otherSteps = count(session, COUNT_OTHER_STEPS, user);
            long figureServers = count(session, COUNT_FIGURE_SERVERS, user, user);
            update(session, "DELETE FROM attempt_event WHERE user_id = ?", user);
            update(session, "DELETE FROM member_topic_stats WHERE user_id = ?", user);
            update(session, "DELETE FROM member_stats WHERE user_id = ?", user);
            // Children first: the foreign keys cascade, but SQLite enforces them per connection only.
            update(session, "DELETE FROM test_in_progress_question WHERE user_id = ?", user);
            long testsInProgress = update(session, "DELETE FROM test_in_progress WHERE user_id = ?", user);
            update(session, "DELETE FROM test_result_difficulty WHERE user_id = ?", user);
            long testResults = update(session, "DELETE FROM test_result WHERE user_id = ?", user);
            long recent = update(session, "DELETE FROM recent_question WHERE audience_id = ?", user);
            long names = update(session, "DELETE FROM member_name WHERE user_id = ?", user);
            long cards = reviewCards(session, user, true);
            long suggestions = suggestions(session, user, true);
            long uploads = update(session, "UPDATE server_topic SET uploader_id = 0, uploader_name = '" + FORMER_MEMBER
                    + "' WHERE uploader_id = ?", user);
            long schedules = count(session, COUNT_SCHEDULES, user, user);
            update(session, "UPDATE schedule SET created_by = 0 WHERE created_by = ?", user);
            update(session, "UPDATE schedule SET paused_by = 0 WHERE paused_by = ?", user);
            return new Records(answers, otherSteps, figureServers, testsInProgress, testResults, recent, names, cards,
                    suggestions, uploads, schedules);
        });
    }

    /** The member's review cards (spaced review), counted, or deleted when {@code delete}. */
    private static long reviewCards(Session session, long user, boolean delete) throws SQLException {
        return delete ? update(session, "DELETE FROM review_card WHERE user_id = ?", user)
                : count(session, "SELECT COUNT(*) FROM review_card WHERE user_id = ?", user);
    }

    /**
     * Their suggestions and drafts, and their name on the suggestions they wrote or decided on,
     * counted, or deleted (see {@link SqlSuggestionStore#deleteMember}) when {@code delete}.
     */
    private static long suggestions(Session session, long user, boolean delete) throws SQLException {
        return delete ? SqlSuggestionStore.deleteMember(session, user)
                : count(session, "SELECT COUNT(*) FROM suggestion WHERE author_id = ?", user)
                        + count(session, "SELECT COUNT(*) FROM suggestion WHERE decided_by = ?", user)
                        + count(session, "SELECT COUNT(*) FROM suggestion_draft WHERE user_id = ?", user);
    }

    private static long count(Session session, String sql, long... ids) throws SQLException {
        PreparedStatement select = session.prepare(sql);
        for (int i = 0; i < ids.length; i++) {
            select.setLong(i + 1, ids[i]);
        }
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static long update(Session session, String sql, long user) throws SQLException {
        PreparedStatement statement = session.prepare(sql);
        statement.setLong(1, user);
        return statement.executeUpdate();
    }
}
