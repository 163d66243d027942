-- Members' suggestions (issue 12 item 3): /suggest stores a question here, pending, and posts it to the
-- server's review channel; a moderator approves (it joins a server topic), edits or rejects it. Same
-- rules as V2: no auto-increment (ids come from schedule_id_sequence's 'suggestion' row), states as
-- fixed lower-case words, moments as UTC epoch seconds.
INSERT INTO schedule_id_sequence (name, last_id) VALUES ('suggestion', 0);

CREATE TABLE suggestion (
    suggestion_id   BIGINT  NOT NULL PRIMARY KEY,
    guild_id        BIGINT  NOT NULL,
    author_id       BIGINT  NOT NULL,              -- 0 once the author asked to be forgotten
    author_name     TEXT    NOT NULL,              -- the display name then; never shown as a mention
    topic_id        TEXT    NOT NULL,              -- the server topic it is meant for
    question_json   TEXT    NOT NULL,              -- SuggestedQuestion.toJson: the form's fields
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    created_second  BIGINT  NOT NULL,
    decided_by      BIGINT,                        -- the moderator; NULL while pending
    decided_name    TEXT,
    decided_second  BIGINT
);

-- The daily limit counts a member's suggestions in a server since the start of the day.
CREATE INDEX suggestion_by_author ON suggestion (guild_id, author_id, created_second);

-- Where a server's suggestions go for review (/bank reviewchannel); none: /suggest is refused.
CREATE TABLE suggestion_review_channel (
    guild_id   BIGINT NOT NULL PRIMARY KEY,
    channel_id BIGINT NOT NULL
);

-- What a member typed in the form when it did not pass the checks, so the form opens again with it:
-- one per member and server, removed once a suggestion is sent.
CREATE TABLE suggestion_draft (
    guild_id     BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    topic_id     TEXT   NOT NULL,
    prompt       TEXT   NOT NULL,
    options      TEXT   NOT NULL,
    answer       TEXT   NOT NULL,
    explanation  TEXT   NOT NULL,
    saved_second BIGINT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
