package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Topic tests in {@code test_in_progress}, {@code test_in_progress_question}, {@code test_result} and
 * {@code test_result_difficulty}. Start and finish times come from the clock.
 */
public final class SqlTopicTestStore implements TopicTestStore {
    /** The start time of a test saved again is kept: it is when the user started. */
    private static final String UPSERT_TEST = """
            INSERT INTO test_in_progress (guild_id, user_id, test_id, topic_id, requested, started_second, started_nano,
                                          saved_second)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (guild_id, user_id, test_id) DO UPDATE SET
                topic_id = excluded.topic_id,
                requested = excluded.requested,
                saved_second = excluded.saved_second
            """;

    /** Tests last saved before a moment; their questions go with them (ON DELETE CASCADE). */
    private static final String DELETE_ABANDONED = """
            DELETE FROM test_in_progress WHERE COALESCE(saved_second, started_second) < ?
            """;

    private static final String DELETE_QUESTIONS = """
            DELETE FROM test_in_progress_question WHERE guild_id = ? AND user_id = ? AND test_id = ?
            """;

    private static final String INSERT_QUESTION = """
            INSERT INTO test_in_progress_question (guild_id, user_id, test_id, position, topic_id, question_id,
                                                   state, response)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String DELETE_TEST = """
            DELETE FROM test_in_progress WHERE guild_id = ? AND user_id = ? AND test_id = ?
            """;

    /** {@code %s} is empty for every test of the user, or a condition on the test id. */
    private static final String IN_PROGRESS = """
            SELECT t.test_id, t.topic_id, t.requested, t.started_second, t.started_nano,
                   q.position, q.topic_id AS question_topic_id, q.question_id, q.state, q.response
            FROM test_in_progress t
            LEFT JOIN test_in_progress_question q
                   ON q.guild_id = t.guild_id AND q.user_id = t.user_id AND q.test_id = t.test_id
            WHERE t.guild_id = ? AND t.user_id = ? %s
            ORDER BY t.started_second, t.started_nano, t.test_id, q.position
            """;

    private static final String INSERT_RESULT = """
            INSERT INTO test_result (guild_id, user_id, test_id, topic_id, right_count, total, verdict,
                                     finished_second, finished_nano)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (guild_id, user_id, test_id) DO NOTHING
            """;

    private static final String INSERT_RESULT_DIFFICULTY = """
            INSERT INTO test_result_difficulty (guild_id, user_id, test_id, difficulty, right_count, total)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    /** {@code %s} as in {@link #IN_PROGRESS}; the limit applies to tests, not to joined rows. */
    private static final String RESULTS = """
            SELECT r.test_id, r.topic_id, r.right_count, r.total, r.verdict, r.finished_second, r.finished_nano,
                   d.difficulty, d.right_count AS difficulty_right, d.total AS difficulty_total
            FROM (SELECT * FROM test_result
                  WHERE guild_id = ? AND user_id = ? %s
                  ORDER BY finished_second DESC, finished_nano DESC, test_id DESC
                  LIMIT ?) r
            LEFT JOIN test_result_difficulty d
                   ON d.guild_id = r.guild_id AND d.user_id = r.user_id AND d.test_id = r.test_id
            ORDER BY r.finished_second DESC, r.finished_nano DESC, r.test_id DESC
            """;

    private static final String SELECT_ALL_IN_PROGRESS = IN_PROGRESS.formatted("");
    private static final String SELECT_ONE_IN_PROGRESS = IN_PROGRESS.formatted("AND t.test_id = ?");
    private static final String SELECT_RESULTS = RESULTS.formatted("");
    private static final String SELECT_ONE_RESULT = RESULTS.formatted("AND test_id = ?");

    private final Database database;
    private final Clock clock;

    public SqlTopicTestStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void save(TestId id, TopicTest test) {
        Instant now = clock.instant();
        database.write("save the topic test in progress " + id.test() + " of user " + id.user(), session -> {
            PreparedStatement upsert = session.prepare(UPSERT_TEST);
            int at = bindId(upsert, 1, id);
            upsert.setString(at++, test.paper().topicId());
            upsert.setInt(at++, test.paper().requested());
            upsert.setLong(at++, now.getEpochSecond());
            upsert.setInt(at++, now.getNano());
            upsert.setLong(at, now.getEpochSecond());
            upsert.executeUpdate();
            PreparedStatement delete = session.prepare(DELETE_QUESTIONS);
            bindId(delete, 1, id);
            delete.executeUpdate();
            PreparedStatement insert = session.prepare(INSERT_QUESTION);
            List<Question> questions = test.paper().questions();
            for (int position = 0; position < questions.size(); position++) {
                QuestionRef ref = questions.get(position).ref();
                int i = bindId(insert, 1, id);
                insert.setInt(i++, position);
                insert.setString(i++, ref.topicId());
                insert.setString(i++, ref.questionId());
                Optional<Response> answer = position < test.answers().size() ? test.answers().get(position) : null;
                if (answer == null) {
                    insert.setString(i++, "pending");
                    insert.setNull(i, Types.VARCHAR);
                } else if (answer.isEmpty()) {
                    insert.setString(i++, "skipped");
                    insert.setNull(i, Types.VARCHAR);
                } else {
                    insert.setString(i++, "answered");
                    insert.setString(i, Codes.response(answer.get()));
                }
                insert.addBatch();
            }
            if (!questions.isEmpty()) {
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<SavedTest> find(TestId id) {
        return inProgress(id.guild(), id.user(), OptionalLong.of(id.test())).stream().findFirst();
    }

    @Override
    public List<SavedTest> inProgress(long guild, long user) {
        return inProgress(guild, user, OptionalLong.empty());
    }

    private List<SavedTest> inProgress(long guild, long user, OptionalLong test) {
        return database.read("read the topic tests in progress of user " + user, session -> {
            PreparedStatement select = session.prepare(test.isPresent() ? SELECT_ONE_IN_PROGRESS : SELECT_ALL_IN_PROGRESS);
            select.setLong(1, guild);
            select.setLong(2, user);
            if (test.isPresent()) {
                select.setLong(3, test.getAsLong());
            }
            Map<Long, SavedTestBuilder> tests = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long testId = row.getLong("test_id");
                    SavedTestBuilder saved = tests.get(testId);
                    if (saved == null) {
                        saved = new SavedTestBuilder(new TestId(guild, user, testId), row.getString("topic_id"),
                                row.getInt("requested"),
                                Codes.instant(row.getLong("started_second"), row.getInt("started_nano")));
                        tests.put(testId, saved);
                    }
                    String questionId = row.getString("question_id");
                    if (questionId != null) {
                        saved.add(new QuestionRef(row.getString("question_topic_id"), questionId),
                                row.getString("state"), row.getString("response"));
                    }
                }
            }
            return tests.values().stream().map(SavedTestBuilder::build).toList();
        });
    }

    /** Collects one test's rows; answers stop at the first pending question, as a test is answered in order. */
    private static final class SavedTestBuilder {
        private final TestId id;
        private final String topicId;
        private final int requested;
        private final Instant started;
        private final List<QuestionRef> questions = new ArrayList<>();
        private final List<Optional<Response>> answers = new ArrayList<>();
        private boolean pendingSeen;

        SavedTestBuilder(TestId id, String topicId, int requested, Instant started) {
            this.id = id;
            this.topicId = topicId;
            this.requested = requested;
            this.started = started;
        }

        void add(QuestionRef question, String state, String response) {
            questions.add(question);
            switch (state) {
                case "pending" -> pendingSeen = true;
                case "skipped" -> {
                    if (!pendingSeen) {
                        answers.add(Optional.empty());
                    }
                }
                case "answered" -> {
                    if (!pendingSeen) {
                        answers.add(Optional.of(Codes.response(response)));
                    }
                }
                default -> throw new StorageException("The database holds an unknown test question state '"
                        + state + "'; was it written by a newer version of the bot?");
            }
        }

        SavedTest build() {
            return new SavedTest(id, topicId, requested, questions, answers, started);
        }
    }

    @Override
    public TestResult finish(TestId id, TopicTest.Report report) {
        Instant now = clock.instant();
        List<DifficultyTally> byDifficulty = Arrays.stream(Difficulty.values())
                .filter(d -> report.byDifficulty().containsKey(d))
                .map(d -> new DifficultyTally(d, report.byDifficulty().get(d)))
                .toList();
        TestResult result = new TestResult(id, report.paper().topicId(), report.overall(), byDifficulty,
                report.verdict(), now);
        return database.write("store the result of topic test " + id.test() + " of user " + id.user(),
                session -> {
                    PreparedStatement insert = session.prepare(INSERT_RESULT);
                    int at = bindId(insert, 1, id);
                    insert.setString(at++, result.topicId());
                    insert.setInt(at++, result.overall().right());
                    insert.setInt(at++, result.overall().total());
                    insert.setString(at++, Codes.verdict(result.verdict()));
                    insert.setLong(at++, now.getEpochSecond());
                    insert.setInt(at, now.getNano());
                    boolean inserted = insert.executeUpdate() > 0;
                    if (inserted && !byDifficulty.isEmpty()) {
                        PreparedStatement parts = session.prepare(INSERT_RESULT_DIFFICULTY);
                        for (DifficultyTally tally : byDifficulty) {
                            int i = bindId(parts, 1, id);
                            parts.setString(i++, Codes.difficulty(tally.difficulty()));
                            parts.setInt(i++, tally.tally().right());
                            parts.setInt(i, tally.tally().total());
                            parts.addBatch();
                        }
                        parts.executeBatch();
                    }
                    deleteTest(session, id);
                    return inserted ? result
                            : results(session, id.guild(), id.user(), OptionalLong.of(id.test()), 1).get(0);
                });
    }

    @Override
    public void discard(TestId id) {
        database.writeOneStatement("discard the topic test " + id.test() + " of user " + id.user(), session -> {
            deleteTest(session, id);
            return null;
        });
    }

    @Override
    public int discardAbandoned(Instant untouchedSince) {
        return database.writeOneStatement("discard the topic tests untouched since " + untouchedSince, session -> {
            PreparedStatement delete = session.prepare(DELETE_ABANDONED);
            // Whole seconds, rounded up: a test saved within the second before the limit goes too.
            delete.setLong(1, untouchedSince.getEpochSecond() + (untouchedSince.getNano() > 0 ? 1 : 0));
            return delete.executeUpdate();
        });
    }

    @Override
    public List<TestResult> results(long guild, long user, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.read("read the topic test results of user " + user,
                session -> results(session, guild, user, OptionalLong.empty(), limit));
    }

    /** Package-private so the figures read the latest results in their own session. */
    static List<TestResult> results(Session session, long guild, long user, OptionalLong test, int limit)
            throws SQLException {
        PreparedStatement select = session.prepare(test.isPresent() ? SELECT_ONE_RESULT : SELECT_RESULTS);
        int i = 1;
        select.setLong(i++, guild);
        select.setLong(i++, user);
        if (test.isPresent()) {
            select.setLong(i++, test.getAsLong());
        }
        select.setInt(i, limit);
        Map<Long, List<DifficultyTally>> tallies = new LinkedHashMap<>();
        Map<Long, TestResult> results = new LinkedHashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long testId = row.getLong("test_id");
                if (!results.containsKey(testId)) {
                    tallies.put(testId, new ArrayList<>());
                    results.put(testId, new TestResult(new TestId(guild, user, testId), row.getString("topic_id"),
                            new TopicTest.Tally(row.getInt("right_count"), row.getInt("total")), List.of(),
                            Codes.verdict(row.getString("verdict")),
                            Codes.instant(row.getLong("finished_second"), row.getInt("finished_nano"))));
                }
                String difficulty = row.getString("difficulty");
                if (difficulty != null) {
                    tallies.get(testId).add(new DifficultyTally(Codes.difficulty(difficulty),
                            new TopicTest.Tally(row.getInt("difficulty_right"), row.getInt("difficulty_total"))));
                }
            }
        }
        return results.values().stream().map(r -> new TestResult(r.id(), r.topicId(), r.overall(),
                tallies.get(r.id().test()).stream().sorted(Comparator.comparing(DifficultyTally::difficulty)).toList(),
                r.verdict(), r.finished())).toList();
    }

    private static void deleteTest(Session session, TestId id) throws SQLException {
        // The questions go with it: ON DELETE CASCADE.
        PreparedStatement delete = session.prepare(DELETE_TEST);
        bindId(delete, 1, id);
        delete.executeUpdate();
    }

    private static int bindId(PreparedStatement statement, int from, TestId id) throws SQLException {
        statement.setLong(from, id.guild());
        statement.setLong(from + 1, id.user());
        statement.setLong(from + 2, id.test());
        return from + 3;
    }
}
