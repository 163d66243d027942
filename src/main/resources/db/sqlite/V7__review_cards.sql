-- Review and statistics (issue 13): a topic test's answers and a review session's are attempt events too,
-- at places of kind 'test' (the post id is the test's id) and 'review'; neither is scored (see Place.Kind).
-- SQLite cannot change a CHECK in place, so the table is rebuilt as in V5 (create the new shape, copy,
-- drop, rename, re-index), in the migration's transaction.
CREATE TABLE attempt_event_v7 (
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
    place_kind   TEXT    NOT NULL DEFAULT 'post' CHECK (place_kind IN ('post', 'lesson', 'test', 'review')),  -- see V4 and V7
    PRIMARY KEY (guild_id, post_id, user_id, topic_id, question_id, seq),
    CHECK (seq >= 0),
    CHECK (event <> 'answered' OR (response IS NOT NULL AND grade_right IS NOT NULL AND grade_of IS NOT NULL)),
    CHECK (event <> 'hint' OR hint_number IS NOT NULL)
);
INSERT INTO attempt_event_v7 (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty, at_second, at_nano, event, response, grade_right, grade_of, hint_number, status_after, score_milli, place_kind)
    SELECT guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty, at_second, at_nano, event, response, grade_right, grade_of, hint_number, status_after, score_milli, place_kind FROM attempt_event;
DROP TABLE attempt_event;
ALTER TABLE attempt_event_v7 RENAME TO attempt_event;
CREATE INDEX attempt_event_ended ON attempt_event (guild_id, at_second) WHERE status_after <> 'open';

-- Where attempts are read per member: a member's attempts (every topic, or one) to rebuild their review
-- cards and draw their progress, and one question's attempts of one member.
CREATE INDEX attempt_event_member ON attempt_event (guild_id, user_id, topic_id, question_id);

-- A member's review card per question (issue 13), kept in the transaction of every attempt event that
-- changes one of their reviews, so that a card never needs its old events (issue 14 may delete them).
-- The card is `base` (every review that can no longer change, folded in time order) with the `pending`
-- reviews applied after it: reviews of attempts still open (their rating and time can still change: a
-- wrong answer is Again until the member comes back and solves it, which makes it Hard) and any review
-- after the earliest of those. See SqlCardStore.
CREATE TABLE review_card (
    guild_id        BIGINT  NOT NULL,
    user_id         BIGINT  NOT NULL,
    topic_id        TEXT    NOT NULL,
    question_id     TEXT    NOT NULL,
    due_second      BIGINT  NOT NULL,            -- when the card (base and pending) is due: the due lists
    base_state      TEXT    NOT NULL CHECK (base_state IN ('new', 'learning', 'review', 'relearning')),
    base_step       INTEGER NOT NULL CHECK (base_step >= 0),
    base_stability  DOUBLE PRECISION NOT NULL,
    base_difficulty DOUBLE PRECISION NOT NULL,
    base_due_second BIGINT  NOT NULL,
    base_due_nano   INTEGER NOT NULL CHECK (base_due_nano >= 0 AND base_due_nano < 1000000000),
    base_last_second BIGINT,                     -- NULL exactly for a new base
    base_last_nano  INTEGER,
    base_reps       INTEGER NOT NULL CHECK (base_reps >= 0),
    base_lapses     INTEGER NOT NULL CHECK (base_lapses >= 0),
    pending         TEXT    NOT NULL,            -- the reviews after base, oldest first (see Codes.pending)
    PRIMARY KEY (guild_id, user_id, topic_id, question_id)
);

-- Who in a guild has a card due by a time: "3 members have reviews due" without reading every card.
CREATE INDEX review_card_due ON review_card (guild_id, due_second, user_id);
