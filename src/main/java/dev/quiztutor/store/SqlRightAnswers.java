package dev.quiztutor.store;

import dev.quiztutor.tutor.progress.RightAnswers;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A member's right answers from {@code attempt_event}: the events that ended an attempt solved (one per
 * attempt: nothing is recorded after an attempt ends), at posts, topic tests and reviews, not in a
 * lesson's quiz.
 */
public final class SqlRightAnswers implements RightAnswers {
    /** The member's rows through index attempt_event_member (guild, user, ...). */
    private static final String SOLVED_SINCE = """
            SELECT at_second, at_nano, difficulty FROM attempt_event
            WHERE guild_id = ? AND user_id = ? AND status_after = 'solved' AND place_kind <> 'lesson'
                  AND at_second >= ?
            """;

    private final Database database;

    public SqlRightAnswers(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public List<Solved> solvedSince(long guild, long user, Instant since) {
        return database.read("read the right answers of user " + user, session -> {
            PreparedStatement select = session.prepare(SOLVED_SINCE);
            select.setLong(1, guild);
            select.setLong(2, user);
            select.setLong(3, since.getEpochSecond());
            // The second is the index's unit; the few events in the first second that are before `since` go.
            return Session.rows(select, row -> new Solved(Instant.ofEpochSecond(row.getLong(1), row.getInt(2)),
                    Codes.difficulty(row.getString(3)))).stream().filter(s -> !s.at().isBefore(since)).toList();
        });
    }
}
