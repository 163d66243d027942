-- Where an attempt was made: a public post (scored) or one member's lesson message (graded and kept,
-- but scoring nothing: every /learn opens a new lesson message, so its quiz answers would otherwise
-- add points for the same question again and again). Rows written before this version are posts:
-- the default says so. The monthly leaderboard counts 'post' rows only; the figures tables are
-- only ever added to by ending events at a post.
ALTER TABLE attempt_event ADD COLUMN place_kind TEXT NOT NULL DEFAULT 'post' CHECK (place_kind IN ('post', 'lesson'));

-- When a test in progress was last saved (started, answered, skipped): a test untouched for longer
-- than tests.abandonAfter is deleted by the periodic sweep. NULL for rows saved before this version:
-- their start time stands in. No index: the sweep reads the whole (small) table once an hour.
ALTER TABLE test_in_progress ADD COLUMN saved_second BIGINT;
