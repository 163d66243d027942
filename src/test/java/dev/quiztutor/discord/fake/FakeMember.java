package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.Permission;

/**
 * A user's membership of one guild: roles and therefore permissions. Interactions carry the
 * member with its computed permissions, which is what a bot checks (e.g. MANAGE_SERVER for
 * moderator-only commands).
 */
public final class FakeMember {
    private final FakeGuild guild;
    private final FakeUser user;
    private final List<FakeRole> roles = new CopyOnWriteArrayList<>();
    private final String joinedAt = Json.timestamp(Instant.now());
    private volatile String nick;

    FakeMember(FakeGuild guild, FakeUser user) {
        this.guild = guild;
        this.user = user;
    }

    public FakeUser user() {
        return user;
    }

    public FakeGuild guild() {
        return guild;
    }

    public List<FakeRole> roles() {
        return List.copyOf(roles);
    }

    public FakeMember addRole(FakeRole role) {
        if (!roles.contains(role)) {
            roles.add(role);
        }
        return this;
    }

    public FakeMember removeRole(FakeRole role) {
        roles.remove(role);
        return this;
    }

    public FakeMember setNickname(String nick) {
        this.nick = nick;
        return this;
    }

    /**
     * Gives the member the given permissions through a role made for them (named
     * {@code perms-<username>}), so a test can make e.g. a plain member vs one with MANAGE_SERVER.
     */
    public FakeMember grant(Permission... permissions) {
        long raw = Permission.getRaw(permissions);
        String roleName = "perms-" + user.username();
        FakeRole own = null;
        for (FakeRole r : roles) {
            if (r.name().equals(roleName)) {
                own = r;
            }
        }
        if (own == null) {
            addRole(guild.createRole(roleName, raw));
        } else {
            own.setPermissions(own.permissions() | raw);
        }
        return this;
    }

    /** Guild-level permissions: @everyone plus roles; everything for the owner or an administrator. */
    public long permissions() {
        if (guild.ownerId() == user.id()) {
            return FakeDiscord.ALL_PERMISSIONS;
        }
        long raw = guild.everyoneRole().permissions();
        for (FakeRole r : roles) {
            raw |= r.permissions();
        }
        if ((raw & Permission.ADMINISTRATOR.getRawValue()) != 0) {
            return FakeDiscord.ALL_PERMISSIONS;
        }
        return raw;
    }

    public boolean hasPermission(Permission permission) {
        return (permissions() & permission.getRawValue()) != 0;
    }

    /** The guild member object; {@code withPermissions} adds the interaction-only fields. */
    ObjectNode toJson(boolean withUser, boolean withPermissions) {
        ObjectNode m = Json.object();
        if (withUser) {
            m.set("user", user.toJson());
        }
        ArrayNode roleIds = m.putArray("roles");
        for (FakeRole r : roles) {
            roleIds.add(Json.id(r.id()));
        }
        if (nick == null) {
            m.putNull("nick");
        } else {
            m.put("nick", nick);
        }
        m.putNull("avatar");
        m.putNull("banner");
        m.putNull("premium_since");
        m.put("joined_at", joinedAt);
        m.put("pending", false);
        m.put("mute", false);
        m.put("deaf", false);
        m.put("flags", 0);
        m.putNull("communication_disabled_until");
        m.putNull("unusual_dm_activity_until");
        if (withPermissions) {
            m.put("permissions", Long.toString(permissions()));
        }
        return m;
    }

    @Override
    public String toString() {
        return user + "@" + guild.name();
    }
}
