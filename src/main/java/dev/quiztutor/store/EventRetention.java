package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code storage.keepEventsDays}: attempt events older than that are deleted by a periodic sweep.
 * The figures they made ({@code member_stats}, {@code member_topic_stats}: /progress and the
 * all-time leaderboard) are separate rows and stay.
 *
 * <p>An attempt goes whole, once its newest event is older than the limit: an attempt replayed from
 * part of its events would give back tries it had used. The deletes run in batches, each its own
 * transaction, so the answers coming in meanwhile wait for one batch at most.
 */
public final class EventRetention {
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    /** Events age by days: a sweep every few hours keeps them within hours of the limit. */
    public static final Duration EVERY = Duration.ofHours(6);
    /** Attempts deleted per transaction. */
    static final int BATCH = 5_000;
    /**
     * The shortest limit allowed: the monthly leaderboard adds up the current month's events, and a
     * month has up to 31 days, begun up to 14 hours earlier in a server's own zone.
     */
    public static final int MIN_DAYS = 32;

    private static final String DELETE_OLD_ATTEMPTS = """
            DELETE FROM attempt_event
            WHERE (guild_id, post_id, user_id, topic_id, question_id) IN (
                SELECT guild_id, post_id, user_id, topic_id, question_id FROM attempt_event
                GROUP BY guild_id, post_id, user_id, topic_id, question_id
                HAVING MAX(at_second) < ?
                LIMIT ?)
            """;

    private final Database database;
    private final Duration keep;
    private final Clock clock;
    private final int batch;

    public EventRetention(Database database, Duration keep, Clock clock) {
        this(database, keep, clock, BATCH);
    }

    EventRetention(Database database, Duration keep, Clock clock, int batch) {
        this.batch = batch;
        this.database = Objects.requireNonNull(database);
        this.keep = Objects.requireNonNull(keep);
        this.clock = Objects.requireNonNull(clock);
        if (keep.compareTo(Duration.ofDays(MIN_DAYS)) < 0) {
            throw new IllegalArgumentException("events are kept at least " + MIN_DAYS + " days, not " + keep);
        }
    }

    /** The events deleted: those of every attempt whose newest event is older than the limit. Throws on failure. */
    public long deleteOld() {
        long olderThan = clock.instant().minus(keep).getEpochSecond();
        long deleted = 0;
        while (true) {
            long deletedNow = database.write("delete attempt events older than " + keep.toDays() + " days", session -> {
                PreparedStatement delete = session.prepare(DELETE_OLD_ATTEMPTS);
                delete.setLong(1, olderThan);
                delete.setInt(2, batch);
                return (long) delete.executeUpdate();
            });
            if (deletedNow == 0) {
                return deleted;
            }
            deleted += deletedNow;
        }
    }

    /** One sweep, for the periodic task: logs what it deleted; a failure is logged by the caller's guard. */
    public void sweep() {
        long deleted = deleteOld();
        if (deleted > 0) {
            LOG.info("deleted {} attempt events older than {} days (storage.keepEventsDays); the figures stay",
                    deleted, keep.toDays());
        }
    }
}
