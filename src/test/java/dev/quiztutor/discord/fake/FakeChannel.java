package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A channel of the fake (guild text channel, category, or a DM with the bot) and the messages the
 * bot made in it, in order of creation.
 *
 * <p>Two switches let a test check how the bot copes with a channel going bad:
 * {@link #rejectPosts(boolean)} (REST answers 403 Missing Permissions, code 50013, while JDA's
 * cache still believes it may post) and {@link #delete(boolean)} (REST answers 404 Unknown
 * Channel, code 10003).
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
        c.putArray("permission_overwrites");
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
