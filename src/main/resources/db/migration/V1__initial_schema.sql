-- The quiztutor schema, version 1. One script for SQLite and PostgreSQL, so it only uses what both
-- accept: TEXT, INTEGER (32-bit on PostgreSQL), BIGINT (Discord ids are 64-bit snowflakes), CHECK,
-- composite primary keys, foreign keys and partial indexes. No auto-increment ids (their syntax
-- differs); every row has a natural key. Times are UTC epoch seconds plus nanoseconds, exactly an
-- java.time.Instant, so a replayed event equals the one that was recorded. Points are stored in
-- thousandths (the scoring policy rounds to a thousandth), so sums never drift as floating point does.
-- Enumerations are stored as fixed lower-case words (see Codes.java), never as Java enum names.

-- Every event of every practice attempt, in order: the source of truth for attempts, replayed on a
-- cache miss, and for the monthly leaderboard. Append-only.
CREATE TABLE attempt_event (
    guild_id     BIGINT  NOT NULL,            -- 0 outside a guild
    post_id      BIGINT  NOT NULL,            -- the message the question was posted in
    user_id      BIGINT  NOT NULL,
    topic_id     TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    seq          INTEGER NOT NULL,            -- 0-based position of the event in its attempt
    kind         TEXT    NOT NULL CHECK (kind IN ('choice', 'blanks')),
    difficulty   TEXT    NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    at_second    BIGINT  NOT NULL,
    at_nano      INTEGER NOT NULL CHECK (at_nano >= 0 AND at_nano < 1000000000),
    event        TEXT    NOT NULL CHECK (event IN ('answered', 'hint', 'gave_up')),
    response     TEXT,                        -- answered: the letters, separated by single spaces
    grade_right  INTEGER,                     -- answered: parts right ...
    grade_of     INTEGER,                     -- ... of parts
    hint_number  INTEGER,                     -- hint: 1-based number of the hint shown
    status_after TEXT    NOT NULL CHECK (status_after IN ('open', 'solved', 'out_of_tries', 'gave_up')),
    score_milli  INTEGER NOT NULL CHECK (score_milli >= 0),  -- the attempt's score right after the event
    PRIMARY KEY (guild_id, post_id, user_id, topic_id, question_id, seq),
    CHECK (seq >= 0),
    CHECK (event <> 'answered' OR (response IS NOT NULL AND grade_right IS NOT NULL AND grade_of IS NOT NULL)),
    CHECK (event <> 'hint' OR hint_number IS NOT NULL)
);

-- The events that ended an attempt (one per attempt), by guild and time: the monthly leaderboard.
-- Queries repeat the predicate word for word so that both planners use the index.
CREATE INDEX attempt_event_ended ON attempt_event (guild_id, at_second) WHERE status_after <> 'open';

-- Per member of a guild: totals of ended attempts and the day streak, maintained in the transaction
-- of the event that ends an attempt. The all-time leaderboard reads this table only.
CREATE TABLE member_stats (
    guild_id           BIGINT  NOT NULL,
    user_id            BIGINT  NOT NULL,
    answered           BIGINT  NOT NULL,      -- ended attempts: solved, out of tries or gave up
    solved             BIGINT  NOT NULL,
    points_milli       BIGINT  NOT NULL,
    last_solved_second BIGINT,                -- when the member last solved one: leaderboard tie-break
    streak_current     INTEGER NOT NULL,      -- consecutive UTC days ending on streak_last_day
    streak_best        INTEGER NOT NULL,
    streak_last_day    BIGINT  NOT NULL,      -- UTC epoch day of the newest ended attempt
    PRIMARY KEY (guild_id, user_id)
);

-- The same totals split by topic and difficulty; per topic and per difficulty are sums of these rows.
CREATE TABLE member_topic_stats (
    guild_id     BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    topic_id     TEXT   NOT NULL,
    difficulty   TEXT   NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    answered     BIGINT NOT NULL,
    solved       BIGINT NOT NULL,
    points_milli BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id, topic_id, difficulty)
);

-- The questions an audience (a user, or a channel for scheduled posts) met recently, newest with the
-- highest seq; trimmed to a bound per audience on every write.
CREATE TABLE recent_question (
    audience_id BIGINT NOT NULL,
    topic_id    TEXT   NOT NULL,
    question_id TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    PRIMARY KEY (audience_id, topic_id, question_id)
);

CREATE INDEX recent_question_order ON recent_question (audience_id, seq);

-- A topic test being taken: its paper (question refs in order) and the answers so far, so that a
-- restart resumes it. Deleted in the transaction that stores its result.
CREATE TABLE test_in_progress (
    guild_id       BIGINT  NOT NULL,
    user_id        BIGINT  NOT NULL,
    test_id        BIGINT  NOT NULL,
    topic_id       TEXT    NOT NULL,
    requested      INTEGER NOT NULL,          -- questions asked for; the paper may be shorter
    started_second BIGINT  NOT NULL,
    started_nano   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, test_id)
);

CREATE TABLE test_in_progress_question (
    guild_id    BIGINT  NOT NULL,
    user_id     BIGINT  NOT NULL,
    test_id     BIGINT  NOT NULL,
    position    INTEGER NOT NULL,             -- 0-based, in the order the paper asks them
    topic_id    TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('pending', 'answered', 'skipped')),
    response    TEXT,                         -- answered: the letters, separated by single spaces
    PRIMARY KEY (guild_id, user_id, test_id, position),
    FOREIGN KEY (guild_id, user_id, test_id) REFERENCES test_in_progress (guild_id, user_id, test_id)
        ON DELETE CASCADE,
    CHECK ((state = 'answered') = (response IS NOT NULL))
);

-- Finished topic tests, as the report told the user.
CREATE TABLE test_result (
    guild_id        BIGINT  NOT NULL,
    user_id         BIGINT  NOT NULL,
    test_id         BIGINT  NOT NULL,
    topic_id        TEXT    NOT NULL,
    right_count     INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    verdict         TEXT    NOT NULL CHECK (verdict IN ('strong', 'getting_there', 'needs_practice')),
    finished_second BIGINT  NOT NULL,
    finished_nano   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, test_id)
);

CREATE INDEX test_result_recent ON test_result (guild_id, user_id, finished_second);

CREATE TABLE test_result_difficulty (
    guild_id    BIGINT  NOT NULL,
    user_id     BIGINT  NOT NULL,
    test_id     BIGINT  NOT NULL,
    difficulty  TEXT    NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    right_count INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, test_id, difficulty),
    FOREIGN KEY (guild_id, user_id, test_id) REFERENCES test_result (guild_id, user_id, test_id)
        ON DELETE CASCADE
);

-- What a guild's moderators chose; a missing row or NULL column means the bot's default.
CREATE TABLE guild_settings (
    guild_id           BIGINT NOT NULL PRIMARY KEY,
    moderator_role_id  BIGINT,
    default_topic_id   TEXT,
    default_difficulty TEXT CHECK (default_difficulty IN ('easy', 'medium', 'hard')),
    time_zone          TEXT                   -- an IANA zone id such as Europe/Berlin
);
