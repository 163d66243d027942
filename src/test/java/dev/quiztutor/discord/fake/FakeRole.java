package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A guild role with a permission bit set (Discord's raw bits, as in JDA's {@code Permission.getRaw}). */
public final class FakeRole {
    private final long id;
    private final String name;
    private final int position;
    private final boolean managed;
    private final Long botId;
    private volatile long permissions;

    FakeRole(long id, String name, int position, long permissions, boolean managed, Long botId) {
        this.id = id;
        this.name = name;
        this.position = position;
        this.permissions = permissions;
        this.managed = managed;
        this.botId = botId;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long permissions() {
        return permissions;
    }

    /**
     * Changes the role's permissions on the fake's side only: interactions carry the new
     * permissions at once, but no GUILD_ROLE_UPDATE is sent, so JDA's role cache keeps the old
     * value (the stale-cache case a bot must survive).
     */
    public FakeRole setPermissions(long permissions) {
        this.permissions = permissions;
        return this;
    }

    /** The role object as Discord sends it (JDA 6 needs {@code colors}). */
    public ObjectNode toJson() {
        ObjectNode r = Json.object();
        r.put("id", Json.id(id));
        r.put("name", name);
        r.putNull("description");
        r.put("permissions", Long.toString(permissions));
        r.put("position", position);
        r.put("color", 0);
        ObjectNode colors = r.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        r.put("hoist", false);
        r.put("managed", managed);
        r.put("mentionable", false);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        r.put("flags", 0);
        if (botId != null) {
            r.putObject("tags").put("bot_id", Json.id(botId));
        }
        return r;
    }

    @Override
    public String toString() {
        return "@" + name + "(" + Json.id(id) + ")";
    }
}
