-- Review and statistics (issue 13): a topic test's answers and a review session's are attempt events too,
-- at places of kind 'test' (the post id is the test's id) and 'review'; neither is scored (see Place.Kind).
ALTER TABLE attempt_event DROP CONSTRAINT attempt_event_place_kind_check;
ALTER TABLE attempt_event ADD CONSTRAINT attempt_event_place_kind_check
    CHECK (place_kind IN ('post', 'lesson', 'test', 'review'));

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
