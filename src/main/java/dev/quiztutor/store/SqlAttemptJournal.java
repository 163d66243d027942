package dev.quiztutor.store;

import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.RecordedEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;

/**
 * The attempt journal in the database: one row per event in {@code attempt_event}. The event that
 * ends an attempt also adds the attempt to the member's figures ({@code member_topic_stats},
 * {@code member_stats}: answered, solved, points, day streak) in the same transaction, so figures
 * never disagree with the events, and a crash keeps both or neither.
 *
 * <p>An append is one commit and as few round trips as it can be: on PostgreSQL a single statement
 * (the network round trip is the cost there), after one read of the member's review card for an answer
 * or a give-up; on SQLite one transaction on the writer connection with its statements prepared once
 * (the fsync of the commit is the cost there).
 *
 * <p>The day streak counts consecutive UTC days with at least one ended attempt. UTC rather than the
 * guild's zone: the zone is a setting a moderator may change, and a streak stored against one zone's
 * days would not survive the change; UTC days are the same for every member of a guild.
 */
public final class SqlAttemptJournal implements AttemptJournal {
    private static final long SECONDS_PER_DAY = 86_400;

    /**
     * The event's position is one past the attempt's last, found in the same statement. Appends to
     * one attempt never race: {@code LiveAttempts} runs them one at a time per attempt; if two ever
     * did, the primary key would refuse the second rather than lose either.
     */
    private static final String INSERT_EVENT = """
            INSERT INTO attempt_event (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty,
                                       at_second, at_nano, event, response, grade_right, grade_of, hint_number,
                                       status_after, score_milli, place_kind)
            SELECT ?, ?, ?, ?, ?, COALESCE(MAX(seq) + 1, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            FROM attempt_event
            WHERE guild_id = ? AND post_id = ? AND user_id = ? AND topic_id = ? AND question_id = ?
            """;

    /** {@link #INSERT_EVENT} only when the attempt has no event yet (then at position 0): nothing otherwise. */
    private static final String INSERT_FIRST_EVENT = INSERT_EVENT + "HAVING MAX(seq) IS NULL\n";

    private static final String SELECT_EVENTS = """
            SELECT at_second, at_nano, event, response, grade_right, grade_of, hint_number
            FROM attempt_event
            WHERE guild_id = ? AND post_id = ? AND user_id = ? AND topic_id = ? AND question_id = ?
            ORDER BY seq
            """;

    private static final String INTO_TOPIC_STATS = """
            INSERT INTO member_topic_stats (guild_id, user_id, topic_id, difficulty, answered, solved, points_milli)
            """;

    private static final String TOPIC_STATS_CONFLICT = """
            ON CONFLICT (guild_id, user_id, topic_id, difficulty) DO UPDATE SET
                answered = member_topic_stats.answered + 1,
                solved = member_topic_stats.solved + excluded.solved,
                points_milli = member_topic_stats.points_milli + excluded.points_milli
            """;

    private static final String ADD_TO_TOPIC_STATS = INTO_TOPIC_STATS + "VALUES (?, ?, ?, ?, 1, ?, ?)\n"
            + TOPIC_STATS_CONFLICT;

    /**
     * One atomic upsert, not a read then a write: on PostgreSQL two answers of one member on two posts
     * run concurrently, and a read-modify-write would lose one of them. An event dated before the
     * streak's last day (a clock stepped back) counts in the totals but leaves the streak alone.
     */
    private static final String INTO_MEMBER_STATS = """
            INSERT INTO member_stats (guild_id, user_id, answered, solved, points_milli, last_solved_second,
                                      streak_current, streak_best, streak_last_day)
            """;

    private static final String MEMBER_STATS_CONFLICT = """
            ON CONFLICT (guild_id, user_id) DO UPDATE SET
                answered = member_stats.answered + 1,
                solved = member_stats.solved + excluded.solved,
                points_milli = member_stats.points_milli + excluded.points_milli,
                last_solved_second = CASE
                    WHEN excluded.last_solved_second IS NOT NULL
                         AND (member_stats.last_solved_second IS NULL
                              OR excluded.last_solved_second > member_stats.last_solved_second)
                    THEN excluded.last_solved_second
                    ELSE member_stats.last_solved_second END,
                streak_current = CASE
                    WHEN excluded.streak_last_day = member_stats.streak_last_day + 1
                    THEN member_stats.streak_current + 1
                    WHEN excluded.streak_last_day > member_stats.streak_last_day + 1 THEN 1
                    ELSE member_stats.streak_current END,
                streak_best = CASE
                    WHEN excluded.streak_last_day = member_stats.streak_last_day + 1
                         AND member_stats.streak_current + 1 > member_stats.streak_best
                    THEN member_stats.streak_current + 1
                    ELSE member_stats.streak_best END,
                streak_last_day = CASE
                    WHEN excluded.streak_last_day > member_stats.streak_last_day THEN excluded.streak_last_day
                    ELSE member_stats.streak_last_day END
            """;

    private static final String ADD_TO_MEMBER_STATS = INTO_MEMBER_STATS + "VALUES (?, ?, 1, ?, ?, ?, 1, 1, ?)\n"
            + MEMBER_STATS_CONFLICT;

    /**
     * PostgreSQL: the event and both figure updates as one statement (data-modifying CTEs run exactly
     * once, in the statement's single snapshot), so an ending event costs one round trip and one
     * commit, as a plain insert does. Parameters are in the order of the three parts.
     */
    private static final String EVENT_AND_FIGURES = "WITH event AS (" + INSERT_EVENT + "), topic AS ("
            + ADD_TO_TOPIC_STATS + ")\n" + ADD_TO_MEMBER_STATS;

    /** Within a statement whose CTE {@code card} writes the member's review card: only if it wrote. */
    private static final String IF_CARD_WRITTEN = "EXISTS (SELECT 1 FROM card)";

    /**
     * PostgreSQL, an answer or a give-up: the event and its figures after the card's write ({@code WITH card
     * AS (...), } prepended, see {@link SqlCardStore.Change#conditionalWrite}), each part only if the card
     * was written; the statement returns how many cards it wrote (0 or 1). Parameters in the order of the parts.
     */
    private static final String AFTER_CARD = "event AS (" + INSERT_EVENT + "HAVING " + IF_CARD_WRITTEN + "\n)\n";
    private static final String AFTER_CARD_WITH_FIGURES = AFTER_CARD
            + ", topic AS (" + INTO_TOPIC_STATS + "SELECT ?, ?, ?, ?, 1, ?, ? WHERE " + IF_CARD_WRITTEN + "\n"
            + TOPIC_STATS_CONFLICT + ")\n"
            + ", member AS (" + INTO_MEMBER_STATS + "SELECT ?, ?, 1, ?, ?, ?, 1, 1, ? WHERE " + IF_CARD_WRITTEN + "\n"
            + MEMBER_STATS_CONFLICT + ")\n";
    private static final String COUNT_CARD_WRITTEN = "SELECT COUNT(*) FROM card";

    /** Who tried at a post, and whether they ever answered right: the primary key's prefix serves it. */
    private static final String SELECT_SUMMARY = """
            SELECT user_id, MAX(CASE WHEN grade_right = grade_of THEN 1 ELSE 0 END) AS solved
            FROM attempt_event
            WHERE guild_id = ? AND post_id = ? AND event = 'answered'
            GROUP BY user_id
            """;

    /**
     * How often an answer's write is tried on PostgreSQL: first optimistically (the card read, then the one
     * statement, no transaction), then, after another process changed the card in between, in a transaction
     * holding the card's row lock; that try can only lose a race to insert the same first card, and the next
     * one then finds the card and locks it.
     */
    private static final int CONTENDED_TRIES = 3;

    private final Database database;
    private final SqlCardStore cards;

    public SqlAttemptJournal(Database database, SqlCardStore cards) {
        this.database = Objects.requireNonNull(database);
        this.cards = Objects.requireNonNull(cards);
    }

    @Override
    public List<AttemptEvent> load(AttemptKey key) {
        return database.read("load the attempt " + key.question() + " of user " + key.user(), session -> {
            PreparedStatement select = session.prepare(SELECT_EVENTS);
            bindKey(select, 1, key);
            return Session.rows(select, SqlAttemptJournal::event);
        });
    }

    @Override
    public PlaceSummary summary(Place place) {
        return database.read("count the answers of post " + place.post(), session -> {
            PreparedStatement select = session.prepare(SELECT_SUMMARY);
            select.setLong(1, place.guild());
            select.setLong(2, place.post());
            Set<Long> answered = new HashSet<>();
            Set<Long> right = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    answered.add(row.getLong(1));
                    if (row.getInt(2) == 1) {
                        right.add(row.getLong(1));
                    }
                }
            }
            return new PlaceSummary(answered, right);
        });
    }

    /**
     * Commits the event, and for an event that ends an attempt at a scored place (a post, not a lesson)
     * the member's figures, and for an event that changes one of the member's reviews (an answer or a
     * give-up, at any place) their review card ({@link SqlCardStore}), before returning.
     */
    @Override
    public void append(RecordedEvent recorded) {
        Objects.requireNonNull(recorded);
        String what = "store an attempt event";
        if (database.dialect() == Database.Dialect.POSTGRESQL && !SqlCardStore.changesReview(recorded)) {
            database.writeOneStatement(what, session -> {
                PreparedStatement statement = session.prepare(recorded.scores() ? EVENT_AND_FIGURES : INSERT_EVENT);
                int next = bindEvent(statement, 1, recorded);
                if (recorded.scores()) {
                    bindMemberStats(statement, bindTopicStats(statement, next, recorded), recorded);
                }
                return statement.executeUpdate();
            });
        } else if (database.dialect() == Database.Dialect.POSTGRESQL) {
            // Two round trips and the commit of one statement, as the event alone was before review cards:
            // the card's read, then its write, the event and the figures as one statement.
            for (int tries = 1; ; tries++) {
                boolean locked = tries > 1;
                Database.Work<Boolean> work = session -> writeWithCard(session, recorded, locked);
                boolean written = locked ? database.write(what, work) : database.writeOneStatement(what, work);
                if (written) {
                    return;
                }
                if (tries >= CONTENDED_TRIES) {
                    throw new StorageException("Could not " + what + ": the member's review card kept changing");
                }
            }
        } else {
            database.write(what, session -> {
                cards.recorded(session, recorded);
                PreparedStatement insert = session.prepare(INSERT_EVENT);
                bindEvent(insert, 1, recorded);
                insert.executeUpdate();
                addToFigures(session, recorded);
                return null;
            });
        }
    }

    /**
     * SQLite: the event, only if its attempt has none yet, as the write's first statement (the writer's
     * transaction: no other write comes between the check and the insert, in this process or another);
     * then its card and figures as in {@link #append}. PostgreSQL, and an event without its attempt (whose
     * card is read back from the events, this one included), take the interface's way: a read, then
     * {@link #append}.
     */
    @Override
    public boolean appendFirst(RecordedEvent recorded) {
        Objects.requireNonNull(recorded);
        if (database.dialect() != Database.Dialect.SQLITE || recorded.attemptAfter().isEmpty()) {
            return AttemptJournal.super.appendFirst(recorded);
        }
        return database.write("store an attempt event", session -> {
            PreparedStatement insert = session.prepare(INSERT_FIRST_EVENT);
            bindEvent(insert, 1, recorded);
            if (insert.executeUpdate() == 0) {
                return false;
            }
            cards.recorded(session, recorded);
            addToFigures(session, recorded);
            return true;
        });
    }

    /** SQLite: the member's figures, for an event that ends an attempt at a scored place. */
    private static void addToFigures(Session session, RecordedEvent recorded) throws SQLException {
        if (recorded.scores()) {
            PreparedStatement topic = session.prepare(ADD_TO_TOPIC_STATS);
            bindTopicStats(topic, 1, recorded);
            topic.executeUpdate();
            PreparedStatement member = session.prepare(ADD_TO_MEMBER_STATS);
            bindMemberStats(member, 1, recorded);
            member.executeUpdate();
        }
    }

    /**
     * PostgreSQL: reads the member's card ({@code lock}: for update, in the caller's transaction), then writes
     * the card, the event and its figures in one statement; false, having written nothing, when the card
     * changed after it was read.
     */
    private boolean writeWithCard(Session session, RecordedEvent recorded, boolean lock) throws SQLException {
        java.util.Optional<SqlCardStore.Change> change = cards.change(session, recorded, lock);
        if (change.isEmpty()) {
            PreparedStatement statement = session.prepare(recorded.scores() ? EVENT_AND_FIGURES : INSERT_EVENT);
            int next = bindEvent(statement, 1, recorded);
            if (recorded.scores()) {
                bindMemberStats(statement, bindTopicStats(statement, next, recorded), recorded);
            }
            statement.executeUpdate();
            return true;
        }
        PreparedStatement statement = session.prepare("WITH card AS (" + change.get().conditionalWrite() + "), "
                + (recorded.scores() ? AFTER_CARD_WITH_FIGURES : AFTER_CARD) + COUNT_CARD_WRITTEN);
        int next = bindEvent(statement, change.get().bindConditionalWrite(statement, 1), recorded);
        if (recorded.scores()) {
            bindMemberStats(statement, bindTopicStats(statement, next, recorded), recorded);
        }
        try (ResultSet written = statement.executeQuery()) {
            written.next();
            return written.getLong(1) == 1;
        }
    }

    /** The UTC day of an instant, counted from 1970-01-01: the unit of the day streak. */
    static long utcDay(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** Binds {@link #INSERT_EVENT} from parameter {@code from}; returns the next parameter's index. */
    private static int bindEvent(PreparedStatement insert, int from, RecordedEvent recorded) throws SQLException {
        AttemptKey key = recorded.key();
        AttemptEvent event = recorded.event();
        int i = bindKey(insert, from, key);
        insert.setString(i++, Codes.kind(recorded.kind()));
        insert.setString(i++, Codes.difficulty(recorded.difficulty()));
        insert.setLong(i++, event.at().getEpochSecond());
        insert.setInt(i++, event.at().getNano());
        if (event instanceof AttemptEvent.Answered answered) {
            insert.setString(i++, "answered");
            insert.setString(i++, Codes.response(answered.response()));
            insert.setInt(i++, answered.grade().right());
            insert.setInt(i++, answered.grade().of());
            insert.setNull(i++, Types.INTEGER);
        } else if (event instanceof AttemptEvent.HintShown hint) {
            insert.setString(i++, "hint");
            insert.setNull(i++, Types.VARCHAR);
            insert.setNull(i++, Types.INTEGER);
            insert.setNull(i++, Types.INTEGER);
            insert.setInt(i++, hint.number());
        } else if (event instanceof AttemptEvent.GaveUp) {
            insert.setString(i++, "gave_up");
            insert.setNull(i++, Types.VARCHAR);
            insert.setNull(i++, Types.INTEGER);
            insert.setNull(i++, Types.INTEGER);
            insert.setNull(i++, Types.INTEGER);
        } else {
            throw new IllegalArgumentException("no stored form for the attempt event " + event);
        }
        insert.setString(i++, Codes.status(recorded.statusAfter()));
        insert.setInt(i++, Math.toIntExact(Codes.milli(recorded.scoreAfter())));
        insert.setString(i++, Codes.placeKind(key.place().kind()));
        return bindKey(insert, i, key);
    }

    private static int bindTopicStats(PreparedStatement topic, int from, RecordedEvent recorded) throws SQLException {
        AttemptKey key = recorded.key();
        int i = from;
        topic.setLong(i++, key.place().guild());
        topic.setLong(i++, key.user());
        topic.setString(i++, key.question().topicId());
        topic.setString(i++, Codes.difficulty(recorded.difficulty()));
        topic.setLong(i++, solved(recorded) ? 1 : 0);
        topic.setLong(i++, Codes.milli(recorded.scoreAfter()));
        return i;
    }

    private static int bindMemberStats(PreparedStatement member, int from, RecordedEvent recorded)
            throws SQLException {
        AttemptKey key = recorded.key();
        Instant at = recorded.event().at();
        int i = from;
        member.setLong(i++, key.place().guild());
        member.setLong(i++, key.user());
        member.setLong(i++, solved(recorded) ? 1 : 0);
        member.setLong(i++, Codes.milli(recorded.scoreAfter()));
        if (solved(recorded)) {
            member.setLong(i++, at.getEpochSecond());
        } else {
            member.setNull(i++, Types.BIGINT);
        }
        member.setLong(i++, utcDay(at));
        return i;
    }

    private static boolean solved(RecordedEvent recorded) {
        return recorded.statusAfter() == Attempt.Status.SOLVED;
    }

    private static int bindKey(PreparedStatement statement, int from, AttemptKey key) throws SQLException {
        int i = from;
        statement.setLong(i++, key.place().guild());
        statement.setLong(i++, key.place().post());
        statement.setLong(i++, key.user());
        statement.setString(i++, key.question().topicId());
        statement.setString(i++, key.question().questionId());
        return i;
    }

    /** The event of a row holding at_second, at_nano, event, response, grade_right, grade_of and hint_number. */
    static AttemptEvent event(ResultSet row) throws SQLException {
        Instant at = Codes.instant(row.getLong("at_second"), row.getInt("at_nano"));
        String kind = row.getString("event");
        return switch (kind) {
            case "answered" -> new AttemptEvent.Answered(at, Codes.response(row.getString("response")),
                    Grade.of(row.getInt("grade_right"), row.getInt("grade_of")));
            case "hint" -> new AttemptEvent.HintShown(at, row.getInt("hint_number"));
            case "gave_up" -> new AttemptEvent.GaveUp(at);
            default -> throw new StorageException("The database holds an unknown attempt event '" + kind
                    + "'; was it written by a newer version of the bot?");
        };
    }
}
