package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guild settings in the {@code guild_settings} table, one row per guild that chose something. */
public final class SqlGuildSettingsStore implements GuildSettingsStore {
    private static final Logger log = LoggerFactory.getLogger(SqlGuildSettingsStore.class);

    private static final String SELECT = """
            SELECT moderator_role_id, default_topic_id, default_difficulty, time_zone
            FROM guild_settings WHERE guild_id = ?
            """;

    private static final String UPSERT = """
            INSERT INTO guild_settings (guild_id, moderator_role_id, default_topic_id, default_difficulty, time_zone)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (guild_id) DO UPDATE SET
                moderator_role_id = excluded.moderator_role_id,
                default_topic_id = excluded.default_topic_id,
                default_difficulty = excluded.default_difficulty,
                time_zone = excluded.time_zone
            """;

    private final Database database;

    public SqlGuildSettingsStore(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public GuildSettings get(long guild) {
        return database.read("read the settings of guild " + guild, session -> {
            PreparedStatement select = session.prepare(SELECT);
            select.setLong(1, guild);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return GuildSettings.defaults(guild);
                }
                long role = row.getLong(1);
                Optional<Long> moderatorRole = row.wasNull() ? Optional.empty() : Optional.of(role);
                return new GuildSettings(guild, moderatorRole, Optional.ofNullable(row.getString(2)),
                        Optional.ofNullable(row.getString(3)).map(Codes::difficulty),
                        zone(guild, row.getString(4)));
            }
        });
    }

    @Override
    public void put(GuildSettings settings) {
        database.writeOneStatement("store the settings of guild " + settings.guild(), session -> {
            PreparedStatement upsert = session.prepare(UPSERT);
            upsert.setLong(1, settings.guild());
            if (settings.moderatorRole().isPresent()) {
                upsert.setLong(2, settings.moderatorRole().get());
            } else {
                upsert.setNull(2, Types.BIGINT);
            }
            setText(upsert, 3, settings.defaultTopic());
            setText(upsert, 4, settings.defaultDifficulty().map(Codes::difficulty));
            setText(upsert, 5, settings.timeZone().map(ZoneId::getId));
            return upsert.executeUpdate();
        });
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> text) throws SQLException {
        if (text.isPresent()) {
            statement.setString(index, text.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /** A zone the JDK no longer knows (tz data change) falls back to UTC rather than breaking the guild. */
    private static Optional<ZoneId> zone(long guild, String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            log.warn("Guild {} has the unknown time zone '{}'; using UTC", guild, id);
            return Optional.empty();
        }
    }
}
