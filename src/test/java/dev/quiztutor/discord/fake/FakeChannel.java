package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import net.dv8tion.jda.api.Permission;

/**
 * A channel of the fake (guild text channel, category, or a DM with the bot) and the messages the
 * bot made in it, in order of creation.
 *
 * <p>Two switches let a test check how the bot copes with a channel going bad:
 * {@link #rejectPosts(boolean)} (REST answers 403 Missing Permissions, code 50013, while JDA's
 * cache still believes it may post) and {@link #delete(boolean)} (REST answers 404 Unknown
 * Channel, code 10003).
 *
 * <p>Permission overwrites ({@link #overwrite(FakeRole, long, long)},
 * {@link #overwrite(FakeMember, long, long)}) work as on Discord: they are announced with
 * CHANNEL_UPDATE (and sent in GUILD_CREATE), so JDA computes the same permissions the fake does, and
 * the fake's REST refuses what they forbid: a post or an edit without View Channel (50001 Missing
 * Access), without Send Messages or, with embeds, without Embed Links (50013 Missing Permissions),
 * and a reply ({@code message_reference}) without Read Message History (160002).
 */
public final class FakeChannel {
    public static final int GUILD_TEXT = 0;
    public static final int DM = 1;
    public static final int GUILD_CATEGORY = 4;

    private final FakeDiscord discord;
    private final FakeGuild guild;
    private final long id;
    private final String name;
    private final int type;
    private final int position;
    private final long parentId;
    private final FakeUser recipient;
    private final ConcurrentSkipListMap<Long, FakeMessage> messages = new ConcurrentSkipListMap<>();
    /** Overwrites by role or member id: what the channel allows and denies on top of the guild's permissions. */
    private final Map<Long, Overwrite> overwrites = new ConcurrentHashMap<>();
    private volatile boolean rejectPosts;
    private volatile boolean deleted;

    FakeChannel(FakeDiscord discord, FakeGuild guild, long id, String name, int type, int position, long parentId) {
        this(discord, guild, id, name, type, position, parentId, null);
    }

    FakeChannel(FakeDiscord discord, FakeGuild guild, long id, String name, int type, int position, long parentId, FakeUser recipient) {
        this.discord = discord;
        this.guild = guild;
        this.id = id;
        this.name = name;
        this.type = type;
        this.position = position;
        this.parentId = parentId;
        this.recipient = recipient;
    }

    public long id() {
        return id;
    }

    public String idString() {
        return Json.id(id);
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    /** The guild, or null for a DM. */
    public FakeGuild guild() {
        return guild;
    }

    /** A permission overwrite: {@code type} 0 for a role, 1 for a member (Discord's raw bits). */
    record Overwrite(long id, int type, long allow, long deny) {
        static final int ROLE = 0;
        static final int MEMBER = 1;
    }

    /**
     * Sets the channel's overwrite for a role (the guild's id is @everyone's role), replacing any
     * earlier one, and announces it with CHANNEL_UPDATE, as Discord does when a moderator edits the
     * channel. E.g. {@code overwrite(botRole, 0, Permission.MESSAGE_SEND.getRawValue())}.
     */
    public FakeChannel overwrite(FakeRole role, long allow, long deny) {
        return setOverwrite(new Overwrite(role.id(), Overwrite.ROLE, allow, deny));
    }

    /** Sets the channel's overwrite for one member (see {@link #overwrite(FakeRole, long, long)}). */
    public FakeChannel overwrite(FakeMember member, long allow, long deny) {
        return setOverwrite(new Overwrite(member.user().id(), Overwrite.MEMBER, allow, deny));
    }

    /** Denies the bot these permissions here, through an overwrite for its own member. */
    public FakeChannel denyBot(Permission... permissions) {
        FakeMember self = guild.existingMember(discord.botUser().id());
        Overwrite now = overwrites.get(self.user().id());
        long allow = now == null ? 0 : now.allow();
        long deny = (now == null ? 0 : now.deny()) | Permission.getRaw(permissions);
        return overwrite(self, allow & ~deny, deny);
    }

    private FakeChannel setOverwrite(Overwrite overwrite) {
        if (guild == null) {
            throw new IllegalStateException(this + " is a DM: it has no permission overwrites");
        }
        overwrites.put(overwrite.id(), overwrite);
        if (!deleted) {
            discord.announce(guild, "CHANNEL_UPDATE", toJson());
        }
        return this;
    }

    /**
     * What the member may do here, computed as Discord does: owners and administrators may do
     * everything; otherwise the guild's permissions, then @everyone's overwrite, then the member's
     * roles' overwrites together, then the member's own; without View Channel nothing at all.
     */
    public long permissionsOf(FakeMember member) {
        long base = member.permissions();
        if (guild == null || base == FakeDiscord.ALL_PERMISSIONS) {
            return base;
        }
        Overwrite everyone = overwrites.get(guild.id());
        if (everyone != null) {
            base = (base & ~everyone.deny()) | everyone.allow();
        }
        long allow = 0;
        long deny = 0;
        for (FakeRole role : member.roles()) {
            Overwrite o = overwrites.get(role.id());
            if (o != null && o.type() == Overwrite.ROLE) {
                allow |= o.allow();
                deny |= o.deny();
            }
        }
        base = (base & ~deny) | allow;
        Overwrite own = overwrites.get(member.user().id());
        if (own != null && own.type() == Overwrite.MEMBER) {
            base = (base & ~own.deny()) | own.allow();
        }
        return (base & Permission.VIEW_CHANNEL.getRawValue()) == 0 ? 0 : base;
    }

    /** What the bot may do here (everything in a DM that the DM allows: see {@link FakeDiscord}). */
    long botPermissions() {
        return permissionsOf(guild.existingMember(discord.botUser().id()));
    }

    /** For a DM: the person at the other end. */
    public FakeUser recipient() {
        return recipient;
    }

    /**
     * Makes the fake answer posts and edits in this channel with 403 Missing Permissions (50013),
     * without telling JDA (no CHANNEL_UPDATE): the bot learns of it only from the error, as when a
     * moderator changes permissions behind its back. Interaction replies still work there, as on
     * Discord.
     */
    public FakeChannel rejectPosts(boolean reject) {
        this.rejectPosts = reject;
        return this;
    }

    public boolean rejectsPosts() {
        return rejectPosts;
    }

    /**
     * Deletes the channel: REST calls on it get 404 Unknown Channel (10003). With
     * {@code announce} a CHANNEL_DELETE goes to the bot (what Discord does); without it the bot
     * finds out only from the 404 (the race between a deletion and the bot's next post).
     */
    public FakeChannel delete(boolean announce) {
        this.deleted = true;
        if (announce && guild != null) {
            discord.announce(guild, "CHANNEL_DELETE", toJson());
        }
        return this;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /**
     * The messages the bot made here (channel posts, interaction replies including ephemeral ones,
     * follow-ups), oldest first, without deleted ones.
     */
    public List<FakeMessage> messages() {
        List<FakeMessage> out = new ArrayList<>();
        for (FakeMessage m : messages.values()) {
            if (!m.isDeleted()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The newest message the bot made here, or null. */
    public FakeMessage lastMessage() {
        for (FakeMessage m : messages.descendingMap().values()) {
            if (!m.isDeleted()) {
                return m;
            }
        }
        return null;
    }

    /** Forgets the stored messages (long benchmarks); edits of them then get 404 Unknown Message. */
    public void clearMessages() {
        messages.clear();
    }

    void store(FakeMessage message) {
        messages.put(message.id(), message);
    }

    void forget(long messageId) {
        messages.remove(messageId);
    }

    FakeMessage message(long messageId) {
        return messages.get(messageId);
    }

    /** The channel object as Discord sends it. */
    public ObjectNode toJson() {
        ObjectNode c = Json.object();
        c.put("id", idString());
        c.put("type", type);
        if (type == DM) {
            c.putNull("last_message_id");
            c.put("flags", 0);
            c.putArray("recipients").add(discord.botUser().toJson());
            return c;
        }
        c.put("guild_id", guild.idString());
        c.put("name", name);
        c.put("position", position);
        ArrayNode list = c.putArray("permission_overwrites");
        for (Overwrite o : overwrites.values()) {
            ObjectNode json = list.addObject();
            json.put("id", Json.id(o.id()));
            json.put("type", o.type());
            json.put("allow", Long.toString(o.allow()));
            json.put("deny", Long.toString(o.deny()));
        }
        c.put("flags", 0);
        if (type == GUILD_TEXT) {
            c.put("parent_id", Json.id(parentId));
            c.putNull("topic");
            c.put("nsfw", false);
            c.putNull("last_message_id");
            c.put("rate_limit_per_user", 0);
        }
        return c;
    }

    @Override
    public String toString() {
        return "#" + name + "(" + idString() + ")";
    }
}
