-- Display names members had when they last used the bot: the leaderboard shows names, never
-- mentions (which could ping), and needs no privileged member intent to know them.
CREATE TABLE member_name (
    guild_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    name     TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (guild_id, user_id)
);
