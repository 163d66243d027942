package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Server topics in the {@code server_topic} table, and the change counter beside it. */
public final class SqlServerTopicStore implements ServerTopicStore {
    private static final String FIND = "SELECT version, removed FROM server_topic WHERE guild_id = ? AND topic_id = ?";
    private static final String INSERT = """
            INSERT INTO server_topic (guild_id, topic_id, version, json, uploader_id, uploader_name, uploaded_second, removed)
            VALUES (?, ?, 1, ?, ?, ?, ?, 0)
            """;
    private static final String UPDATE = """
            UPDATE server_topic SET version = version + 1, json = ?, uploader_id = ?, uploader_name = ?,
                uploaded_second = ?, removed = 0
            WHERE guild_id = ? AND topic_id = ?
            """;
    private static final String REMOVE = "UPDATE server_topic SET removed = 1 WHERE guild_id = ? AND topic_id = ? AND removed = 0";
    private static final String CHANGED = "UPDATE server_topic_changes SET counter = counter + 1 WHERE id = 1";
    private static final String COUNTER = "SELECT counter FROM server_topic_changes WHERE id = 1";
    private static final String LIVE = """
            SELECT guild_id, topic_id, version, json, uploader_id, uploader_name, uploaded_second
            FROM server_topic WHERE removed = 0 ORDER BY guild_id, uploaded_second, topic_id
            """;

    private final Database database;

    public SqlServerTopicStore(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public Put put(long guild, String topicId, String json, Uploader uploader, Instant at, boolean replace) {
        return database.write("store topic " + topicId + " of guild " + guild, session -> {
            PreparedStatement find = session.prepare(FIND);
            find.setLong(1, guild);
            find.setString(2, topicId);
            int version = 0;
            boolean removed = false;
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    version = row.getInt(1);
                    removed = row.getInt(2) != 0;
                }
            }
            if (version > 0 && !removed && !replace) {
                return new AlreadyThere(version);
            }
            if (version == 0) {
                PreparedStatement insert = session.prepare(INSERT);
                insert.setLong(1, guild);
                insert.setString(2, topicId);
                insert.setString(3, json);
                insert.setLong(4, uploader.id());
                insert.setString(5, uploader.name());
                insert.setLong(6, at.getEpochSecond());
                insert.executeUpdate();
            } else {
                PreparedStatement update = session.prepare(UPDATE);
                update.setString(1, json);
                update.setLong(2, uploader.id());
                update.setString(3, uploader.name());
                update.setLong(4, at.getEpochSecond());
                update.setLong(5, guild);
                update.setString(6, topicId);
                update.executeUpdate();
            }
            session.prepare(CHANGED).executeUpdate();
            return new Stored(version + 1);
        });
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
            session.prepare(CHANGED).executeUpdate();
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
    public long changes() {
        return database.read("read the server topics' change counter", session -> {
            try (ResultSet row = session.prepare(COUNTER).executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }
}
