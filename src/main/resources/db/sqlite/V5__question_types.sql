-- Question types beyond choice and blanks (issue 11): attempts at true/false, multiple-response,
-- short-answer, numeric and matching questions. SQLite cannot change a CHECK in place, so the table is
-- rebuilt (its documented procedure: create the new shape, copy, drop, rename, re-index), in the
-- migration's transaction. Typed answers are stored in `response` as "=" and the text (see Codes.java).
CREATE TABLE attempt_event_v5 (
    guild_id     BIGINT  NOT NULL,            -- 0 outside a guild
    post_id      BIGINT  NOT NULL,            -- the message the question was posted in
    user_id      BIGINT  NOT NULL,
    topic_id     TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    seq          INTEGER NOT NULL,            -- 0-based position of the event in its attempt
    kind         TEXT    NOT NULL CHECK (kind IN ('choice', 'blanks', 'truefalse', 'multi', 'short', 'numeric', 'matching')),
    difficulty   TEXT    NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    at_second    BIGINT  NOT NULL,
    at_nano      INTEGER NOT NULL CHECK (at_nano >= 0 AND at_nano < 1000000000),
    event        TEXT    NOT NULL CHECK (event IN ('answered', 'hint', 'gave_up')),
    response     TEXT,                        -- answered: letters separated by single spaces, true/false, or '=' and typed text
    grade_right  INTEGER,                     -- answered: parts right ...
    grade_of     INTEGER,                     -- ... of parts
    hint_number  INTEGER,                     -- hint: 1-based number of the hint shown
    status_after TEXT    NOT NULL CHECK (status_after IN ('open', 'solved', 'out_of_tries', 'gave_up')),
    score_milli  INTEGER NOT NULL CHECK (score_milli >= 0),  -- the attempt's score right after the event
    place_kind   TEXT    NOT NULL DEFAULT 'post' CHECK (place_kind IN ('post', 'lesson')),  -- see V4
    PRIMARY KEY (guild_id, post_id, user_id, topic_id, question_id, seq),
    CHECK (seq >= 0),
    CHECK (event <> 'answered' OR (response IS NOT NULL AND grade_right IS NOT NULL AND grade_of IS NOT NULL)),
    CHECK (event <> 'hint' OR hint_number IS NOT NULL)
);
INSERT INTO attempt_event_v5 (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty, at_second, at_nano, event, response, grade_right, grade_of, hint_number, status_after, score_milli, place_kind)
    SELECT guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty, at_second, at_nano, event, response, grade_right, grade_of, hint_number, status_after, score_milli, place_kind FROM attempt_event;
DROP TABLE attempt_event;
ALTER TABLE attempt_event_v5 RENAME TO attempt_event;
CREATE INDEX attempt_event_ended ON attempt_event (guild_id, at_second) WHERE status_after <> 'open';
