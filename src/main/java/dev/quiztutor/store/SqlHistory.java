package dev.quiztutor.store;

import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.History;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Recently met questions in the database, so that a restart does not start repeating questions.
 * Each audience keeps at most {@code keep} questions: every {@link #seen} trims the oldest beyond that.
 */
public final class SqlHistory implements History {
    /** As many as {@code InMemoryHistory} keeps: more than the tutor ever asks for. */
    public static final int DEFAULT_KEEP = 50;

    /** Meeting a question again moves it to the newest place, as in {@code InMemoryHistory}. */
    private static final String UPSERT = """
            INSERT INTO recent_question (audience_id, topic_id, question_id, seq)
            SELECT ?, ?, ?, COALESCE(MAX(seq), 0) + 1 FROM recent_question WHERE audience_id = ?
            ON CONFLICT (audience_id, topic_id, question_id) DO UPDATE SET seq = excluded.seq
            """;

    /** Deletes everything older than the {@code keep}-th newest; nothing when there are fewer. */
    private static final String TRIM = """
            DELETE FROM recent_question
            WHERE audience_id = ?
              AND seq <= (SELECT seq FROM recent_question WHERE audience_id = ?
                          ORDER BY seq DESC LIMIT 1 OFFSET ?)
            """;

    private static final String RECENT = """
            SELECT topic_id, question_id FROM recent_question
            WHERE audience_id = ?
            ORDER BY seq DESC, topic_id, question_id
            LIMIT ?
            """;

    private final Database database;
    private final int keep;

    public SqlHistory(Database database, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a history keeps at least 1 question, not " + keep);
        }
        this.database = Objects.requireNonNull(database);
        this.keep = keep;
    }

    public SqlHistory(Database database) {
        this(database, DEFAULT_KEEP);
    }

    @Override
    public List<QuestionRef> recent(long audience, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.read("read the recent questions of " + audience, session -> {
            PreparedStatement select = session.prepare(RECENT);
            select.setLong(1, audience);
            select.setInt(2, Math.min(limit, keep));
            List<QuestionRef> newestFirst = Session.rows(select,
                    row -> new QuestionRef(row.getString(1), row.getString(2)));
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst);
        });
    }

    @Override
    public void seen(long audience, QuestionRef question) {
        Objects.requireNonNull(question);
        database.write("remember a question met by " + audience, session -> {
            PreparedStatement upsert = session.prepare(UPSERT);
            upsert.setLong(1, audience);
            upsert.setString(2, question.topicId());
            upsert.setString(3, question.questionId());
            upsert.setLong(4, audience);
            upsert.executeUpdate();
            PreparedStatement trim = session.prepare(TRIM);
            trim.setLong(1, audience);
            trim.setLong(2, audience);
            trim.setInt(3, keep);
            trim.executeUpdate();
            return null;
        });
    }
}
