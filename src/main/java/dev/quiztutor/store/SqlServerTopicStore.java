package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Server topics in the {@code server_topic} table, and the change counter beside it. */
public final class SqlServerTopicStore implements ServerTopicStore {
    private static final String FIND = "SELECT version, removed FROM server_topic WHERE guild_id = ? AND topic_id = ?";
    /** Does nothing when another process inserted the same topic first: that is a conflict, not a failure. */
    private static final String INSERT = """
            INSERT INTO server_topic (guild_id, topic_id, version, json, uploader_id, uploader_name, uploaded_second, removed)
            VALUES (?, ?, 1, ?, ?, ?, ?, 0)
            ON CONFLICT (guild_id, topic_id) DO NOTHING
            """;
    /** Compare-and-set on the row as read: on PostgreSQL a commit by another process in between matches no row. */
    private static final String UPDATE = """
            UPDATE server_topic SET version = ?, json = ?, uploader_id = ?, uploader_name = ?,
                uploaded_second = ?, removed = 0
            WHERE guild_id = ? AND topic_id = ? AND version = ? AND removed = ?
            """;
    /** How often an upload re-reads a topic another process keeps changing under it before giving up. */
    private static final int TRIES = 20;
    private static final String REMOVE = "UPDATE server_topic SET removed = 1 WHERE guild_id = ? AND topic_id = ? AND removed = 0";
    private static final String CHANGED = "UPDATE server_topic_changes SET counter = counter + 1 WHERE id = 1";
    private static final String COUNTER = "SELECT counter FROM server_topic_changes WHERE id = 1";
    private static final String LIVE = """
            SELECT guild_id, topic_id, version, json, uploader_id, uploader_name, uploaded_second
            FROM server_topic WHERE removed = 0 ORDER BY guild_id, uploaded_second, topic_id
            """;

    private static final String ENTRIES = """
            SELECT guild_id, topic_id, version, uploader_id, uploader_name, uploaded_second
            FROM server_topic WHERE removed = 0 ORDER BY guild_id, uploaded_second, topic_id
            """;
    private static final String JSON = "SELECT json FROM server_topic WHERE guild_id = ? AND topic_id = ? AND version = ?"
            + " AND removed = 0";

    private final Database database;

    public SqlServerTopicStore(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public Put put(long guild, String topicId, String json, Uploader uploader, Instant at, boolean replace) {
        return database.write("store topic " + topicId + " of guild " + guild, session -> {
            for (int i = 0; i < TRIES; i++) {
                Row row = find(session, guild, topicId);
                if (row.live() > 0 && !replace) {
                    return new AlreadyThere(row.live());
                }
                if (write(session, guild, topicId, row, json, uploader, at)) {
                    return new Stored(row.version() + 1);
                }
            }
            throw new SQLException("topic " + topicId + " of guild " + guild + " changed " + TRIES
                    + " times while it was being stored");
        });
    }

    @Override
    public Put putIfVersion(long guild, String topicId, int read, String json, Uploader uploader, Instant at) {
        return database.write("store topic " + topicId + " of guild " + guild + " over version " + read, session -> {
            Row row = find(session, guild, topicId);
            if (row.live() != read) {
                return new Conflict(row.live());
            }
            if (!write(session, guild, topicId, row, json, uploader, at)) {
                return new Conflict(find(session, guild, topicId).live());
            }
            return new Stored(row.version() + 1);
        });
    }

    /** A topic's row as read: its version (0 when there is none) and whether it is flagged removed. */
    private record Row(int version, boolean removed) {
        /** The version a server sees: 0 when it has no such topic. */
        int live() {
            return removed ? 0 : version;
        }
    }

    private static Row find(Session session, long guild, String topicId) throws SQLException {
        PreparedStatement find = session.prepare(FIND);
        find.setLong(1, guild);
        find.setString(2, topicId);
        try (ResultSet row = find.executeQuery()) {
            return row.next() ? new Row(row.getInt(1), row.getInt(2) != 0) : new Row(0, false);
        }
    }

    /**
     * Writes the next version over the row as {@code read}, and moves the change counter; false (and
     * nothing written) when the row is no longer as read: another process changed it in between.
     */
    private static boolean write(Session session, long guild, String topicId, Row read, String json, Uploader uploader,
                                 Instant at) throws SQLException {
        int written;
        if (read.version() == 0) {
            PreparedStatement insert = session.prepare(INSERT);
            insert.setLong(1, guild);
            insert.setString(2, topicId);
            insert.setString(3, json);
            insert.setLong(4, uploader.id());
            insert.setString(5, uploader.name());
            insert.setLong(6, at.getEpochSecond());
            written = insert.executeUpdate();
        } else {
            PreparedStatement update = session.prepare(UPDATE);
            update.setInt(1, read.version() + 1);
            update.setString(2, json);
            update.setLong(3, uploader.id());
            update.setString(4, uploader.name());
            update.setLong(5, at.getEpochSecond());
            update.setLong(6, guild);
            update.setString(7, topicId);
            update.setInt(8, read.version());
            update.setInt(9, read.removed() ? 1 : 0);
            written = update.executeUpdate();
        }
        if (written == 0) {
            return false;
        }
        changed(session);
        return true;
    }

    static void changed(Session session) throws SQLException {
        session.prepare(CHANGED).executeUpdate();
    }

    @Override
    public boolean remove(long guild, String topicId) {
        return database.write("remove topic " + topicId + " of guild " + guild, session -> {
            PreparedStatement remove = session.prepare(REMOVE);
            remove.setLong(1, guild);
            remove.setString(2, topicId);
            if (remove.executeUpdate() == 0) {
                return false;
            }
            changed(session);
            return true;
        });
    }

    @Override
    public List<StoredTopic> live() {
        return database.read("read the server topics", session -> {
            List<StoredTopic> topics = new ArrayList<>();
            try (ResultSet row = session.prepare(LIVE).executeQuery()) {
                while (row.next()) {
                    topics.add(new StoredTopic(row.getLong(1), row.getString(2), row.getInt(3), row.getString(4),
                            new Uploader(row.getLong(5), row.getString(6)), Instant.ofEpochSecond(row.getLong(7))));
                }
            }
            return topics;
        });
    }

    @Override
    public List<Entry> entries() {
        return database.read("list the server topics", session -> {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet row = session.prepare(ENTRIES).executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getLong(1), row.getString(2), row.getInt(3),
                            new Uploader(row.getLong(4), row.getString(5)), Instant.ofEpochSecond(row.getLong(6))));
                }
            }
            return entries;
        });
    }

    @Override
    public Optional<String> json(long guild, String topicId, int version) {
        return database.read("read topic " + topicId + " of guild " + guild, session -> {
            PreparedStatement json = session.prepare(JSON);
            json.setLong(1, guild);
            json.setString(2, topicId);
            json.setInt(3, version);
            try (ResultSet row = json.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public long changes() {
        return database.read("read the server topics' change counter", session -> {
            try (ResultSet row = session.prepare(COUNTER).executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }
}
