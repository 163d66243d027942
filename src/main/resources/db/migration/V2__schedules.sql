-- Daily quiz posts scheduled by moderators. Written for SQLite and PostgreSQL alike, under V1's rules:
-- no auto-increment, enumerations as fixed lower-case words (see ScheduleCodes.java), moments as UTC
-- epoch seconds plus nanoseconds. Thresholds that are compared with "now" (when a slot is due, when a
-- retry or a reveal may happen) are whole epoch seconds, rounded up, so that one comparison decides.

-- Where schedule ids come from: one row whose last_id only grows, so an id is never reused, not even
-- after its schedule is removed (its slots keep the id). Small numbers, because moderators type them
-- in /schedule remove; a counter row works the same on both databases, and concurrent creates queue
-- on its row lock.
CREATE TABLE schedule_id_sequence (
    name    TEXT   NOT NULL PRIMARY KEY,
    last_id BIGINT NOT NULL
);

INSERT INTO schedule_id_sequence (name, last_id) VALUES ('schedule', 0);

-- A moderator's schedule. Read whole every scheduler pass (WHERE paused IS NULL): a handful of rows
-- per guild.
CREATE TABLE schedule (
    schedule_id         BIGINT  NOT NULL PRIMARY KEY,
    guild_id            BIGINT  NOT NULL,
    channel_id          BIGINT  NOT NULL,
    minute_of_day       INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),  -- local time; 18:30 is 1110
    time_zone           TEXT    NOT NULL,              -- an IANA zone id such as Europe/Berlin
    day_mask            INTEGER NOT NULL CHECK (day_mask BETWEEN 1 AND 127),
                                                       -- bit n-1 for ISO day n (1 Monday ... 64 Sunday):
                                                       -- 127 every day, 31 weekdays
    topic_id            TEXT,                          -- NULL: any topic
    difficulty          TEXT    CHECK (difficulty IN ('easy', 'medium', 'hard')),    -- NULL: any
    kind                TEXT    NOT NULL CHECK (kind IN ('choice', 'blanks')),
    ping_role_id        BIGINT,                        -- NULL: no ping
    reveal_hours        INTEGER CHECK (reveal_hours BETWEEN 1 AND 72),                -- NULL: no reveal
    created_by          BIGINT  NOT NULL,
    created_second      BIGINT  NOT NULL,
    created_nano        INTEGER NOT NULL,
    active_second       BIGINT  NOT NULL,              -- created or last resumed: slots due before that
    active_nano         INTEGER NOT NULL,              -- are never posted
    paused              TEXT    CHECK (paused IN ('moderator', 'failures')),          -- NULL: active
    paused_by           BIGINT,                        -- moderator: who
    paused_second       BIGINT,
    paused_nano         INTEGER,
    failures            INTEGER NOT NULL CHECK (failures >= 0),  -- consecutive failed slots
    last_failure        TEXT,                          -- the last failure's reason, kept after a success
    last_failure_second BIGINT,
    last_failure_nano   INTEGER,
    CHECK ((paused IS NULL) = (paused_second IS NULL)),
    CHECK (paused <> 'moderator' OR paused_by IS NOT NULL),
    CHECK (paused <> 'failures' OR last_failure IS NOT NULL),
    CHECK ((last_failure IS NULL) = (last_failure_second IS NULL))
);

CREATE INDEX schedule_guild ON schedule (guild_id);

-- One row per slot (schedule, local date) that a process claimed: the primary key is what makes a
-- slot posted at most once, across restarts and processes. The claim is an insert (or, for a slot
-- waiting to retry or abandoned by a stopped process, a conditional update), and only the holder of
-- claim_token records the outcome. No foreign key to schedule: a slot outlives its removed schedule,
-- so that a question already posted is still revealed.
CREATE TABLE schedule_slot (
    schedule_id           BIGINT  NOT NULL,
    slot_date             TEXT    NOT NULL,            -- the local date in the schedule's zone, yyyy-mm-dd
    guild_id              BIGINT  NOT NULL,
    channel_id            BIGINT  NOT NULL,
    due_second            BIGINT  NOT NULL,            -- when the slot was due (whole minutes)
    state                 TEXT    NOT NULL CHECK (state IN ('claimed', 'retry', 'posted', 'skipped', 'failed')),
    tries                 INTEGER NOT NULL CHECK (tries >= 1),   -- claims made: 1 when all went as planned
    claim_token           BIGINT  NOT NULL,            -- random per claim
    changed_second        BIGINT  NOT NULL,            -- when the state last changed: claimed at, posted at...
    changed_nano          INTEGER NOT NULL,
    retry_second          BIGINT,                      -- retry: not claimed again before
    reason                TEXT,                        -- skipped, failed: why; retry: the last failure
    message_id            BIGINT,                      -- posted: the message, the post_id of its answers
    topic_id              TEXT,                        -- posted: the question
    question_id           TEXT,
    reveal_state          TEXT    CHECK (reveal_state IN ('pending', 'claimed', 'revealed', 'failed')),
    reveal_second         BIGINT,                      -- when the answer is due
    reveal_retry_second   BIGINT,                      -- pending after a failure: not before
    reveal_tries          INTEGER,
    reveal_token          BIGINT,
    reveal_changed_second BIGINT,
    reveal_changed_nano   INTEGER,
    reveal_reason         TEXT,
    PRIMARY KEY (schedule_id, slot_date),
    CHECK ((state = 'posted') = (message_id IS NOT NULL)),
    CHECK (state <> 'posted' OR (topic_id IS NOT NULL AND question_id IS NOT NULL)),
    CHECK ((state = 'retry') = (retry_second IS NOT NULL)),
    CHECK (reveal_state IS NULL OR (state = 'posted' AND reveal_second IS NOT NULL AND reveal_tries IS NOT NULL))
);

-- The reveals still to do, by time: read every scheduler pass. Queries repeat the predicate word for
-- word so that both planners use the index.
CREATE INDEX schedule_slot_reveal_due ON schedule_slot (reveal_second) WHERE reveal_state IN ('pending', 'claimed');
