package dev.quiztutor.store;

import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.schedule.DueReveal;
import dev.quiztutor.schedule.Failures;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.Pause;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.RevealAfter;
import dev.quiztutor.schedule.RevealClaim;
import dev.quiztutor.schedule.RevealState;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduleStore;
import dev.quiztutor.schedule.Slot;
import dev.quiztutor.schedule.SlotClaim;
import dev.quiztutor.schedule.SlotRecord;
import dev.quiztutor.schedule.SlotRecord.PostedMessage;
import dev.quiztutor.schedule.SlotRecord.RevealRecord;
import dev.quiztutor.schedule.SlotState;
import dev.quiztutor.schedule.Timetable;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules in {@code schedule} and their slots in {@code schedule_slot} (migration V2).
 *
 * <p>Every claim is one statement whose condition the database checks atomically: an
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} for a slot (the insert wins a fresh slot, the
 * conditional update a slot waiting to retry or abandoned), a conditional {@code UPDATE} for a
 * reveal. On PostgreSQL a concurrent claimer waits for the row and then re-checks the condition
 * against the committed row; on SQLite writes run one at a time (one writer connection per process,
 * SQLite's lock between processes). Either way exactly one claimer sees its token in the row.
 * Outcomes are recorded only {@code WHERE claim_token = ?}: a claimer that was too slow and lost its
 * claim records nothing.
 */
public final class SqlScheduleStore implements ScheduleStore {
    private static final Logger log = LoggerFactory.getLogger(SqlScheduleStore.class);

    private static final String NEXT_ID = "UPDATE schedule_id_sequence SET last_id = last_id + 1 WHERE name = 'schedule'";
    private static final String LAST_ID = "SELECT last_id FROM schedule_id_sequence WHERE name = 'schedule'";

    private static final String INSERT_SCHEDULE = """
            INSERT INTO schedule (schedule_id, guild_id, channel_id, minute_of_day, time_zone, day_mask, topic_id,
                                  difficulty, kind, ping_role_id, reveal_hours, created_by, created_second,
                                  created_nano, active_second, active_nano, failures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """;

    private static final String SCHEDULE_COLUMNS = """
            SELECT schedule_id, guild_id, channel_id, minute_of_day, time_zone, day_mask, topic_id, difficulty, kind,
                   ping_role_id, reveal_hours, created_by, created_second, created_nano, active_second, active_nano,
                   paused, paused_by, paused_second, paused_nano, failures, last_failure, last_failure_second,
                   last_failure_nano
            FROM schedule
            """;

    private static final String SELECT_SCHEDULE = SCHEDULE_COLUMNS + "WHERE schedule_id = ? AND guild_id = ?";
    private static final String SELECT_SCHEDULE_BY_ID = SCHEDULE_COLUMNS + "WHERE schedule_id = ?";
    private static final String SELECT_GUILD = SCHEDULE_COLUMNS + "WHERE guild_id = ? ORDER BY schedule_id";
    private static final String SELECT_ACTIVE = SCHEDULE_COLUMNS + "WHERE paused IS NULL ORDER BY schedule_id";

    private static final String DELETE_SCHEDULE = "DELETE FROM schedule WHERE schedule_id = ? AND guild_id = ?";

    private static final String PAUSE = """
            UPDATE schedule SET paused = 'moderator', paused_by = ?, paused_second = ?, paused_nano = ?
            WHERE schedule_id = ? AND guild_id = ? AND paused IS NULL
            """;

    private static final String RESUME = """
            UPDATE schedule SET paused = NULL, paused_by = NULL, paused_second = NULL, paused_nano = NULL, failures = 0,
                                active_second = ?, active_nano = ?
            WHERE schedule_id = ? AND guild_id = ? AND paused IS NOT NULL
            """;

    private static final String SLOT_COLUMNS = """
            SELECT schedule_id, slot_date, guild_id, channel_id, due_second, state, tries, claim_token, changed_second,
                   changed_nano, reason, message_id, topic_id, question_id, reveal_state, reveal_second, reveal_tries,
                   reveal_changed_second, reveal_changed_nano, reveal_reason
            FROM schedule_slot
            """;

    private static final String SELECT_SLOT = SLOT_COLUMNS + "WHERE schedule_id = ? AND slot_date = ?";
    private static final String SELECT_RECENT_SLOTS = SLOT_COLUMNS
            + "WHERE schedule_id = ? ORDER BY slot_date DESC LIMIT ?";
    private static final String SELECT_LAST_POSTED = SLOT_COLUMNS
            + "WHERE schedule_id = ? AND state = 'posted' ORDER BY slot_date DESC LIMIT 1";

    /**
     * The claim of a slot, in one statement. The SELECT yields no row for a paused or removed
     * schedule, so their slots are never claimed; the WHERE of the SELECT is also what lets SQLite
     * parse an upsert on INSERT ... SELECT. A claim is stale when it was made before the second
     * {@code staleBefore} is in: it errs towards waiting longer, never shorter.
     */
    private static final String CLAIM_SLOT = """
            INSERT INTO schedule_slot (schedule_id, slot_date, guild_id, channel_id, due_second, state, tries,
                                       claim_token, changed_second, changed_nano)
            SELECT schedule_id, ?, guild_id, channel_id, ?, 'claimed', 1, ?, ?, ?
            FROM schedule WHERE schedule_id = ? AND paused IS NULL
            ON CONFLICT (schedule_id, slot_date) DO UPDATE SET
                state = 'claimed',
                tries = schedule_slot.tries + 1,
                claim_token = excluded.claim_token,
                changed_second = excluded.changed_second,
                changed_nano = excluded.changed_nano,
                retry_second = NULL
            WHERE (schedule_slot.state = 'retry' AND schedule_slot.retry_second <= ?)
               OR (schedule_slot.state = 'claimed' AND schedule_slot.changed_second < ?)
            """;

    /**
     * Settles the older slots a newer claim leaves behind: one waiting to retry whose retry never
     * came (the bot was down past the next slot's time), or one whose claim went stale and was never
     * taken over. Only the latest slot is ever claimed, so nobody else will settle them, and
     * {@code /schedule list} would show them as pending for good.
     */
    private static final String SUPERSEDE_OLDER = """
            UPDATE schedule_slot SET
                reason = CASE WHEN state = 'retry'
                    THEN 'not tried again before the next slot was due (the bot was not running); the last try: '
                         || COALESCE(reason, 'no reason recorded')
                    ELSE 'claimed by a process that stopped before posting; not taken over before the next slot was due'
                    END,
                state = 'skipped', retry_second = NULL, changed_second = ?, changed_nano = ?
            WHERE schedule_id = ? AND slot_date < ?
              AND (state = 'retry' OR (state = 'claimed' AND changed_second < ?))
            """;

    private static final String CLAIM_HOLDER = """
            SELECT claim_token, state, tries, reason FROM schedule_slot WHERE schedule_id = ? AND slot_date = ?
            """;

    /** Every outcome ends with this condition: only the current claim's holder records. */
    private static final String HELD = " WHERE schedule_id = ? AND slot_date = ? AND claim_token = ? AND state = 'claimed'";

    private static final String POSTED = """
            UPDATE schedule_slot SET state = 'posted', changed_second = ?, changed_nano = ?, reason = NULL,
                                     message_id = ?, topic_id = ?, question_id = ?, reveal_state = ?,
                                     reveal_second = ?, reveal_tries = ?
            """ + HELD;

    private static final String SETTLED_WITHOUT_POST = """
            UPDATE schedule_slot SET state = ?, changed_second = ?, changed_nano = ?, reason = ?
            """ + HELD;

    private static final String RETRY_LATER = """
            UPDATE schedule_slot SET state = 'retry', changed_second = ?, changed_nano = ?, reason = ?, retry_second = ?
            """ + HELD;

    private static final String RESET_FAILURES = "UPDATE schedule SET failures = 0 WHERE schedule_id = ?";

    private static final String NOTE_FAILURE = """
            UPDATE schedule SET last_failure = ?, last_failure_second = ?, last_failure_nano = ? WHERE schedule_id = ?
            """;

    /** Counts a failure and pauses on reaching the limit; every right-hand side reads the row as it was. */
    private static final String COUNT_FAILURE = """
            UPDATE schedule SET
                failures = failures + 1,
                last_failure = ?, last_failure_second = ?, last_failure_nano = ?,
                paused = CASE WHEN paused IS NULL AND failures + 1 >= ? THEN 'failures' ELSE paused END,
                paused_second = CASE WHEN paused IS NULL AND failures + 1 >= ? THEN ? ELSE paused_second END,
                paused_nano = CASE WHEN paused IS NULL AND failures + 1 >= ? THEN ? ELSE paused_nano END
            WHERE schedule_id = ?
            """;

    /** What may be revealed now; the first condition matches index schedule_slot_reveal_due word for word. */
    private static final String REVEAL_IS_DUE = """
            reveal_state IN ('pending', 'claimed') AND reveal_second <= ?
              AND ((reveal_state = 'pending' AND (reveal_retry_second IS NULL OR reveal_retry_second <= ?))
                   OR (reveal_state = 'claimed' AND reveal_changed_second < ?))
            """;

    private static final String SELECT_DUE_REVEALS = """
            SELECT schedule_id, slot_date, guild_id, channel_id, message_id, topic_id, question_id, reveal_second,
                   reveal_tries
            FROM schedule_slot
            WHERE
            """ + REVEAL_IS_DUE + "ORDER BY reveal_second, schedule_id, slot_date";

    private static final String CLAIM_REVEAL = """
            UPDATE schedule_slot SET reveal_state = 'claimed', reveal_token = ?, reveal_tries = reveal_tries + 1,
                                     reveal_changed_second = ?, reveal_changed_nano = ?, reveal_retry_second = NULL
            WHERE schedule_id = ? AND slot_date = ? AND
            """ + REVEAL_IS_DUE;

    private static final String REVEAL_HOLDER = """
            SELECT reveal_token, reveal_tries FROM schedule_slot WHERE schedule_id = ? AND slot_date = ?
            """;

    private static final String REVEAL_HELD =
            " WHERE schedule_id = ? AND slot_date = ? AND reveal_token = ? AND reveal_state = 'claimed'";

    private static final String REVEAL_SETTLED = """
            UPDATE schedule_slot SET reveal_state = ?, reveal_changed_second = ?, reveal_changed_nano = ?,
                                     reveal_reason = ?
            """ + REVEAL_HELD;

    private static final String REVEAL_RETRY_LATER = """
            UPDATE schedule_slot SET reveal_state = 'pending', reveal_changed_second = ?, reveal_changed_nano = ?,
                                     reveal_reason = ?, reveal_retry_second = ?
            """ + REVEAL_HELD;

    private final Database database;
    private final Clock clock;
    private final RandomGenerator tokens = new SecureRandom();

    public SqlScheduleStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
    }

    // ------------------------------------------------------------------ schedules

    @Override
    public Schedule create(NewSchedule s) {
        Objects.requireNonNull(s);
        Instant now = clock.instant();
        return database.write("create a schedule in guild " + s.guild(), session -> {
            session.prepare(NEXT_ID).executeUpdate();
            long id;
            try (ResultSet row = session.prepare(LAST_ID).executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the schedule_id_sequence row is missing");
                }
                id = row.getLong(1);
            }
            PreparedStatement insert = session.prepare(INSERT_SCHEDULE);
            int i = 1;
            insert.setLong(i++, id);
            insert.setLong(i++, s.guild());
            insert.setLong(i++, s.channel());
            insert.setInt(i++, s.timetable().time().toSecondOfDay() / 60);
            insert.setString(i++, s.timetable().zone().getId());
            insert.setInt(i++, ScheduleCodes.dayMask(s.timetable().days()));
            setText(insert, i++, s.questions().topicId());
            setText(insert, i++, s.questions().difficulty().map(Codes::difficulty));
            insert.setString(i++, Codes.kind(s.questions().kind()));
            setLong(insert, i++, s.pingRole());
            if (s.reveal().isPresent()) {
                insert.setInt(i++, s.reveal().get().hours());
            } else {
                insert.setNull(i++, Types.INTEGER);
            }
            insert.setLong(i++, s.createdBy());
            i = setInstant(insert, i, now);
            setInstant(insert, i, now);
            insert.executeUpdate();
            return new Schedule(id, s.guild(), s.channel(), s.timetable(), s.questions(), s.pingRole(), s.reveal(),
                    Optional.empty(), s.createdBy(), now, now, Failures.NONE);
        });
    }

    @Override
    public Optional<Schedule> get(long guild, long id) {
        return database.read("read schedule " + id, session -> schedule(session, guild, id));
    }

    @Override
    public List<Schedule> list(long guild) {
        return database.read("list the schedules of guild " + guild, session -> {
            PreparedStatement select = session.prepare(SELECT_GUILD);
            select.setLong(1, guild);
            return schedules(select);
        });
    }

    @Override
    public List<Schedule> active() {
        return database.read("list the active schedules", session -> schedules(session.prepare(SELECT_ACTIVE)));
    }

    @Override
    public boolean remove(long guild, long id) {
        return database.writeOneStatement("remove schedule " + id, session -> {
            PreparedStatement delete = session.prepare(DELETE_SCHEDULE);
            delete.setLong(1, id);
            delete.setLong(2, guild);
            return delete.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<Schedule> pause(long guild, long id, long by) {
        Instant now = clock.instant();
        return database.write("pause schedule " + id, session -> {
            PreparedStatement pause = session.prepare(PAUSE);
            pause.setLong(1, by);
            int i = setInstant(pause, 2, now);
            pause.setLong(i++, id);
            pause.setLong(i, guild);
            pause.executeUpdate();
            return schedule(session, guild, id);
        });
    }

    @Override
    public Optional<Schedule> resume(long guild, long id) {
        Instant now = clock.instant();
        return database.write("resume schedule " + id, session -> {
            PreparedStatement resume = session.prepare(RESUME);
            int i = setInstant(resume, 1, now);
            resume.setLong(i++, id);
            resume.setLong(i, guild);
            resume.executeUpdate();
            return schedule(session, guild, id);
        });
    }

    // ------------------------------------------------------------------ slots

    @Override
    public Optional<SlotRecord> slot(long scheduleId, LocalDate date) {
        return database.read("read the slot of schedule " + scheduleId + " on " + date, session -> {
            PreparedStatement select = session.prepare(SELECT_SLOT);
            select.setLong(1, scheduleId);
            select.setString(2, date.toString());
            List<SlotRecord> slots = slots(select);
            return slots.isEmpty() ? Optional.empty() : Optional.of(slots.get(0));
        });
    }

    @Override
    public List<SlotRecord> recentSlots(long scheduleId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.read("read the slots of schedule " + scheduleId, session -> {
            PreparedStatement select = session.prepare(SELECT_RECENT_SLOTS);
            select.setLong(1, scheduleId);
            select.setInt(2, limit);
            return slots(select);
        });
    }

    @Override
    public Optional<SlotRecord> lastPosted(long scheduleId) {
        return database.read("read the last post of schedule " + scheduleId, session -> {
            PreparedStatement select = session.prepare(SELECT_LAST_POSTED);
            select.setLong(1, scheduleId);
            List<SlotRecord> slots = slots(select);
            return slots.isEmpty() ? Optional.empty() : Optional.of(slots.get(0));
        });
    }

    @Override
    public Optional<SlotClaim> claim(long scheduleId, Slot slot, Instant now, Instant staleBefore) {
        long token = tokens.nextLong();
        return database.write("claim the slot of schedule " + scheduleId + " on " + slot.date(), session -> {
            PreparedStatement claim = session.prepare(CLAIM_SLOT);
            int i = 1;
            claim.setString(i++, slot.date().toString());
            claim.setLong(i++, slot.due().getEpochSecond());
            claim.setLong(i++, token);
            i = setInstant(claim, i, now);
            claim.setLong(i++, scheduleId);
            claim.setLong(i++, now.getEpochSecond());
            claim.setLong(i, staleBefore.getEpochSecond());
            if (claim.executeUpdate() == 0) {
                return Optional.empty();
            }
            PreparedStatement holder = session.prepare(CLAIM_HOLDER);
            holder.setLong(1, scheduleId);
            holder.setString(2, slot.date().toString());
            try (ResultSet row = holder.executeQuery()) {
                // Inside our transaction the row is ours until commit; the checks guard a driver that
                // would count an upsert whose WHERE was false as one change.
                if (!row.next() || row.getLong(1) != token || !"claimed".equals(row.getString(2))) {
                    return Optional.empty();
                }
                SlotClaim won = new SlotClaim(scheduleId, slot, token, row.getInt(3),
                        Optional.ofNullable(row.getString(4)));
                PreparedStatement older = session.prepare(SUPERSEDE_OLDER);
                int j = setInstant(older, 1, now);
                older.setLong(j++, scheduleId);
                older.setString(j++, slot.date().toString());
                older.setLong(j, staleBefore.getEpochSecond());
                older.executeUpdate();
                return Optional.of(won);
            }
        });
    }

    @Override
    public boolean posted(SlotClaim claim, long messageId, QuestionRef question, Instant at,
                          Optional<Instant> revealAt) {
        return database.write("record the post of " + describe(claim), session -> {
            PreparedStatement posted = session.prepare(POSTED);
            int i = setInstant(posted, 1, at);
            posted.setLong(i++, messageId);
            posted.setString(i++, question.topicId());
            posted.setString(i++, question.questionId());
            if (revealAt.isPresent()) {
                posted.setString(i++, ScheduleCodes.revealState(RevealState.PENDING));
                posted.setLong(i++, ScheduleCodes.secondsUp(revealAt.get()));
                posted.setInt(i++, 0);
            } else {
                posted.setNull(i++, Types.VARCHAR);
                posted.setNull(i++, Types.BIGINT);
                posted.setNull(i++, Types.INTEGER);
            }
            bindHeld(posted, i, claim);
            if (posted.executeUpdate() == 0) {
                return false;
            }
            PreparedStatement reset = session.prepare(RESET_FAILURES);
            reset.setLong(1, claim.scheduleId());
            reset.executeUpdate();
            return true;
        });
    }

    @Override
    public boolean skipped(SlotClaim claim, String reason, Instant at) {
        return database.write("record that " + describe(claim) + " was skipped",
                session -> settle(session, claim, SlotState.SKIPPED, reason, at));
    }

    @Override
    public boolean retryLater(SlotClaim claim, String reason, Instant at, Instant notBefore) {
        return database.write("record a failed try of " + describe(claim), session -> {
            PreparedStatement retry = session.prepare(RETRY_LATER);
            int i = setInstant(retry, 1, at);
            retry.setString(i++, reason);
            retry.setLong(i++, ScheduleCodes.secondsUp(notBefore));
            bindHeld(retry, i, claim);
            if (retry.executeUpdate() == 0) {
                return false;
            }
            PreparedStatement note = session.prepare(NOTE_FAILURE);
            note.setString(1, reason);
            int j = setInstant(note, 2, at);
            note.setLong(j, claim.scheduleId());
            note.executeUpdate();
            return true;
        });
    }

    @Override
    public Optional<Schedule> failed(SlotClaim claim, String reason, Instant at, int pauseAfter) {
        return database.write("record the failure of " + describe(claim), session -> {
            if (!settle(session, claim, SlotState.FAILED, reason, at)) {
                return Optional.empty();
            }
            PreparedStatement count = session.prepare(COUNT_FAILURE);
            int i = 1;
            count.setString(i++, reason);
            i = setInstant(count, i, at);
            count.setInt(i++, pauseAfter);
            count.setInt(i++, pauseAfter);
            count.setLong(i++, at.getEpochSecond());
            count.setInt(i++, pauseAfter);
            count.setInt(i++, at.getNano());
            count.setLong(i, claim.scheduleId());
            count.executeUpdate();
            PreparedStatement select = session.prepare(SELECT_SCHEDULE_BY_ID);
            select.setLong(1, claim.scheduleId());
            List<Schedule> found = schedules(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    // ------------------------------------------------------------------ reveals

    @Override
    public List<DueReveal> dueReveals(Instant now, Instant staleBefore) {
        return database.read("find the answers due to be revealed", session -> {
            PreparedStatement select = session.prepare(SELECT_DUE_REVEALS);
            bindRevealIsDue(select, 1, now, staleBefore);
            return Session.rows(select, row -> new DueReveal(row.getLong("schedule_id"),
                    LocalDate.parse(row.getString("slot_date")), row.getLong("guild_id"), row.getLong("channel_id"),
                    row.getLong("message_id"), new QuestionRef(row.getString("topic_id"), row.getString("question_id")),
                    Instant.ofEpochSecond(row.getLong("reveal_second")), row.getInt("reveal_tries")));
        });
    }

    @Override
    public Optional<RevealClaim> claimReveal(DueReveal reveal, Instant now, Instant staleBefore) {
        long token = tokens.nextLong();
        return database.write("claim the reveal of schedule " + reveal.scheduleId() + " on " + reveal.date(),
                session -> {
                    PreparedStatement claim = session.prepare(CLAIM_REVEAL);
                    claim.setLong(1, token);
                    int i = setInstant(claim, 2, now);
                    claim.setLong(i++, reveal.scheduleId());
                    claim.setString(i++, reveal.date().toString());
                    bindRevealIsDue(claim, i, now, staleBefore);
                    if (claim.executeUpdate() == 0) {
                        return Optional.empty();
                    }
                    PreparedStatement holder = session.prepare(REVEAL_HOLDER);
                    holder.setLong(1, reveal.scheduleId());
                    holder.setString(2, reveal.date().toString());
                    try (ResultSet row = holder.executeQuery()) {
                        if (!row.next() || row.getLong(1) != token) {
                            return Optional.empty();
                        }
                        return Optional.of(new RevealClaim(reveal, token, row.getInt(2)));
                    }
                });
    }

    @Override
    public boolean revealed(RevealClaim claim, Instant at) {
        return settleReveal(claim, RevealState.REVEALED, Optional.empty(), at);
    }

    @Override
    public boolean revealRetryLater(RevealClaim claim, String reason, Instant at, Instant notBefore) {
        return database.write("record a failed reveal of " + describe(claim), session -> {
            PreparedStatement retry = session.prepare(REVEAL_RETRY_LATER);
            int i = setInstant(retry, 1, at);
            retry.setString(i++, reason);
            retry.setLong(i++, ScheduleCodes.secondsUp(notBefore));
            bindRevealHeld(retry, i, claim);
            return retry.executeUpdate() == 1;
        });
    }

    @Override
    public boolean revealFailed(RevealClaim claim, String reason, Instant at) {
        return settleReveal(claim, RevealState.FAILED, Optional.of(reason), at);
    }

    // ------------------------------------------------------------------ helpers

    private boolean settleReveal(RevealClaim claim, RevealState state, Optional<String> reason, Instant at) {
        return database.write("record the reveal of " + describe(claim), session -> {
            PreparedStatement settle = session.prepare(REVEAL_SETTLED);
            settle.setString(1, ScheduleCodes.revealState(state));
            int i = setInstant(settle, 2, at);
            setText(settle, i++, reason);
            bindRevealHeld(settle, i, claim);
            return settle.executeUpdate() == 1;
        });
    }

    private static boolean settle(Session session, SlotClaim claim, SlotState state, String reason, Instant at)
            throws SQLException {
        PreparedStatement settle = session.prepare(SETTLED_WITHOUT_POST);
        settle.setString(1, ScheduleCodes.slotState(state));
        int i = setInstant(settle, 2, at);
        settle.setString(i++, reason);
        bindHeld(settle, i, claim);
        return settle.executeUpdate() == 1;
    }

    private static void bindHeld(PreparedStatement statement, int from, SlotClaim claim) throws SQLException {
        statement.setLong(from, claim.scheduleId());
        statement.setString(from + 1, claim.slot().date().toString());
        statement.setLong(from + 2, claim.token());
    }

    private static void bindRevealHeld(PreparedStatement statement, int from, RevealClaim claim) throws SQLException {
        statement.setLong(from, claim.reveal().scheduleId());
        statement.setString(from + 1, claim.reveal().date().toString());
        statement.setLong(from + 2, claim.token());
    }

    private static void bindRevealIsDue(PreparedStatement statement, int from, Instant now, Instant staleBefore)
            throws SQLException {
        statement.setLong(from, now.getEpochSecond());
        statement.setLong(from + 1, now.getEpochSecond());
        statement.setLong(from + 2, staleBefore.getEpochSecond());
    }

    private static String describe(SlotClaim claim) {
        return "the slot of schedule " + claim.scheduleId() + " on " + claim.slot().date();
    }

    private static String describe(RevealClaim claim) {
        return "the answer of schedule " + claim.reveal().scheduleId() + " on " + claim.reveal().date();
    }

    private static Optional<Schedule> schedule(Session session, long guild, long id) throws SQLException {
        PreparedStatement select = session.prepare(SELECT_SCHEDULE);
        select.setLong(1, id);
        select.setLong(2, guild);
        List<Schedule> found = schedules(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Schedule> schedules(PreparedStatement select) throws SQLException {
        return Session.rows(select, SqlScheduleStore::schedule);
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        long id = row.getLong("schedule_id");
        Timetable timetable = new Timetable(LocalTime.ofSecondOfDay(row.getInt("minute_of_day") * 60L),
                zone(id, row.getString("time_zone")), ScheduleCodes.days(row.getInt("day_mask")));
        QuestionChoice questions = new QuestionChoice(Optional.ofNullable(row.getString("topic_id")),
                Optional.ofNullable(row.getString("difficulty")).map(Codes::difficulty),
                Codes.kind(row.getString("kind")));
        Optional<RevealAfter> reveal = optionalInt(row, "reveal_hours").map(RevealAfter::new);
        int failures = row.getInt("failures");
        String lastReason = row.getString("last_failure");
        Optional<Failures.Failure> lastFailure = lastReason == null ? Optional.empty()
                : Optional.of(new Failures.Failure(Codes.instant(row.getLong("last_failure_second"),
                        row.getInt("last_failure_nano")), lastReason));
        Optional<Pause> pause = Optional.empty();
        String paused = row.getString("paused");
        if (paused != null) {
            Instant at = Codes.instant(row.getLong("paused_second"), row.getInt("paused_nano"));
            if (ScheduleCodes.PAUSED_BY_MODERATOR.equals(paused)) {
                pause = Optional.of(new Pause.ByModerator(row.getLong("paused_by"), at));
            } else if (ScheduleCodes.PAUSED_AFTER_FAILURES.equals(paused)) {
                pause = Optional.of(new Pause.AfterFailures(failures,
                        lastFailure.map(Failures.Failure::reason).orElse(""), at));
            } else {
                throw new StorageException("The database holds an unknown pause '" + paused
                        + "'; was it written by a newer version of the bot?");
            }
        }
        return new Schedule(id, row.getLong("guild_id"), row.getLong("channel_id"), timetable, questions,
                optionalLong(row, "ping_role_id"), reveal, pause, row.getLong("created_by"),
                Codes.instant(row.getLong("created_second"), row.getInt("created_nano")),
                Codes.instant(row.getLong("active_second"), row.getInt("active_nano")),
                new Failures(failures, lastFailure));
    }

    private static List<SlotRecord> slots(PreparedStatement select) throws SQLException {
        return Session.rows(select, SqlScheduleStore::slot);
    }

    private static SlotRecord slot(ResultSet row) throws SQLException {
        SlotState state = ScheduleCodes.slotState(row.getString("state"));
        Instant changed = Codes.instant(row.getLong("changed_second"), row.getInt("changed_nano"));
        Optional<PostedMessage> post = Optional.empty();
        Optional<Long> message = optionalLong(row, "message_id");
        if (message.isPresent()) {
            post = Optional.of(new PostedMessage(row.getLong("guild_id"), row.getLong("channel_id"), message.get(),
                    new QuestionRef(row.getString("topic_id"), row.getString("question_id")), changed));
        }
        Optional<RevealRecord> reveal = Optional.empty();
        String revealState = row.getString("reveal_state");
        if (revealState != null) {
            Optional<Long> revealSecond = optionalLong(row, "reveal_changed_second");
            Optional<Instant> revealChanged = revealSecond.isEmpty() ? Optional.empty()
                    : Optional.of(Codes.instant(revealSecond.get(), row.getInt("reveal_changed_nano")));
            reveal = Optional.of(new RevealRecord(ScheduleCodes.revealState(revealState),
                    Instant.ofEpochSecond(row.getLong("reveal_second")), row.getInt("reveal_tries"), revealChanged,
                    Optional.ofNullable(row.getString("reveal_reason"))));
        }
        Slot slot = new Slot(LocalDate.parse(row.getString("slot_date")), Instant.ofEpochSecond(row.getLong("due_second")));
        return new SlotRecord(row.getLong("schedule_id"), slot, state, row.getInt("tries"), changed,
                Optional.ofNullable(row.getString("reason")), post, reveal);
    }

    /** A zone the JDK no longer knows (tz data change) posts in UTC rather than breaking every pass. */
    private static ZoneId zone(long schedule, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            log.warn("Schedule {} has the unknown time zone '{}'; it posts in UTC until a moderator recreates it",
                    schedule, id);
            return ZoneOffset.UTC;
        }
    }

    private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Integer> optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static int setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setLong(index, at.getEpochSecond());
        statement.setInt(index + 1, at.getNano());
        return index + 2;
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> text) throws SQLException {
        if (text.isPresent()) {
            statement.setString(index, text.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }
}
