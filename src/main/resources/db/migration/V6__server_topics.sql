-- A server's own topics (issue 12): uploaded by its moderators with /bank, seen in that server only.
-- One row per topic and server: the current version's JSON (our format, as TopicWriter writes it),
-- who uploaded it and when. A removed topic keeps its row, flagged, so that a later upload of the
-- same id continues its version numbers; attempt events are never touched by a replace or a removal.
CREATE TABLE server_topic (
    guild_id        BIGINT  NOT NULL,
    topic_id        TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    json            TEXT    NOT NULL,
    uploader_id     BIGINT  NOT NULL,
    uploader_name   TEXT    NOT NULL,
    uploaded_second BIGINT  NOT NULL,
    removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    PRIMARY KEY (guild_id, topic_id)
);

-- One counter, raised by every change to server_topic in the same transaction: each process polls
-- it (a one-row read) and re-reads the topics only when it moved, so that a change made through one
-- process is live in every other within seconds.
CREATE TABLE server_topic_changes (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    counter BIGINT  NOT NULL
);
INSERT INTO server_topic_changes (id, counter) VALUES (1, 0);
