package dev.quiztutor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Display names in {@code member_name}, one row per member of a guild. */
public final class SqlMemberNames implements MemberNames {
    private static final String UPSERT = """
            INSERT INTO member_name (guild_id, user_id, name) VALUES (?, ?, ?)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET name = excluded.name
            """;
    private static final String SELECT = "SELECT name FROM member_name WHERE guild_id = ? AND user_id = ?";

    private final Database database;

    public SqlMemberNames(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public void remember(long guild, long user, String name) {
        String kept = name.length() > 100 ? name.substring(0, 100) : name;
        database.writeOneStatement("remember the name of member " + user, session -> {
            PreparedStatement upsert = session.prepare(UPSERT);
            upsert.setLong(1, guild);
            upsert.setLong(2, user);
            upsert.setString(3, kept);
            return upsert.executeUpdate();
        });
    }

    @Override
    public Map<Long, String> names(long guild, Collection<Long> users) {
        return database.read("read member names of guild " + guild, session -> {
            PreparedStatement select = session.prepare(SELECT);
            Map<Long, String> names = new HashMap<>();
            for (long user : users) {
                select.setLong(1, guild);
                select.setLong(2, user);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        names.put(user, row.getString(1));
                    }
                }
            }
            return names;
        });
    }
}
