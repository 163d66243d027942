package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A guild (server) of the fake: roles, channels, members. Its GUILD_CREATE has everything JDA 6
 * needs to build a real (not detached) guild: {@code afk_timeout} 300, roles with {@code colors},
 * the bot's own member and managed role. Changes made while a bot is connected are announced on
 * the gateway (CHANNEL_CREATE, CHANNEL_DELETE, GUILD_ROLE_CREATE), because JDA refuses an
 * interaction in a channel it has never heard of.
 */
public final class FakeGuild {
    private final FakeDiscord discord;
    private final long id;
    private final String name;
    private final long ownerId;
    private final String joinedAt = Json.timestamp(Instant.now());
    private final FakeRole everyone;
    private final List<FakeRole> roles = new CopyOnWriteArrayList<>();
    private final List<FakeChannel> channels = new CopyOnWriteArrayList<>();
    private final Map<Long, FakeMember> members = new ConcurrentHashMap<>();
    private final AtomicInteger rolePositions = new AtomicInteger(1);
    private final AtomicInteger channelPositions = new AtomicInteger();
    private final FakeChannel category;
    private volatile String locale = "en-US";
    private volatile boolean unavailable;

    FakeGuild(FakeDiscord discord, long id, String name, FakeUser owner, long everyonePermissions) {
        this.discord = discord;
        this.id = id;
        this.name = name;
        this.ownerId = owner.id();
        this.everyone = new FakeRole(id, "@everyone", 0, everyonePermissions, false, null);
        roles.add(everyone);
        members.put(owner.id(), new FakeMember(this, owner));
        this.category = new FakeChannel(discord, this, Snowflake.next(), "Text Channels", FakeChannel.GUILD_CATEGORY, 0, 0);
        channels.add(category);
    }

    /** Adds the bot's member with its managed role (done once, when the guild is made). */
    void addBot(FakeUser bot, long botPermissions) {
        FakeRole botRole = new FakeRole(Snowflake.next(), bot.username(), rolePositions.getAndIncrement(), botPermissions, true, bot.id());
        roles.add(botRole);
        members.put(bot.id(), new FakeMember(this, bot).addRole(botRole));
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

    public long ownerId() {
        return ownerId;
    }

    public FakeRole everyoneRole() {
        return everyone;
    }

    public List<FakeRole> roles() {
        return List.copyOf(roles);
    }

    /** The guild's preferred locale ({@code guild_locale} of its interactions). */
    public FakeGuild setLocale(String locale) {
        this.locale = locale;
        return this;
    }

    public String locale() {
        return locale;
    }

    /** The role of that name, or null. */
    public FakeRole role(String roleName) {
        for (FakeRole r : roles) {
            if (r.name().equals(roleName)) {
                return r;
            }
        }
        return null;
    }

    /** Makes a role (announced with GUILD_ROLE_CREATE when a bot is connected). */
    public FakeRole createRole(String roleName, long permissions) {
        FakeRole role = new FakeRole(Snowflake.next(), roleName, rolePositions.getAndIncrement(), permissions, false, null);
        roles.add(role);
        ObjectNode d = Json.object();
        d.put("guild_id", idString());
        d.set("role", role.toJson());
        discord.announce(this, "GUILD_ROLE_CREATE", d);
        return role;
    }

    /**
     * A Discord outage of this guild: the bot gets GUILD_DELETE with {@code unavailable: true}, and
     * JDA forgets the guild and its channels until {@link #endOutage()} (as when a guild's server
     * fails, or a shard re-identifies while its guilds come back one by one).
     */
    public FakeGuild outage() {
        unavailable = true;
        ObjectNode d = Json.object();
        d.put("id", idString());
        d.put("unavailable", true);
        discord.announce(this, "GUILD_DELETE", d);
        return this;
    }

    /** The guild is back: a full GUILD_CREATE, as Discord sends when an unavailable guild returns. */
    public FakeGuild endOutage() {
        unavailable = false;
        discord.announce(this, "GUILD_CREATE", toGuildCreateJson(discord.botUser()));
        return this;
    }

    public boolean isUnavailable() {
        return unavailable;
    }

    /** The text channel of that name, made (and announced with CHANNEL_CREATE) if missing. */
    public FakeChannel textChannel(String channelName) {
        synchronized (channels) {
            for (FakeChannel c : channels) {
                if (c.name().equals(channelName) && c.type() == FakeChannel.GUILD_TEXT && !c.isDeleted()) {
                    return c;
                }
            }
            FakeChannel channel = new FakeChannel(
                    discord, this, Snowflake.next(), channelName, FakeChannel.GUILD_TEXT, channelPositions.getAndIncrement(), category.id());
            channels.add(channel);
            discord.announce(this, "CHANNEL_CREATE", channel.toJson());
            return channel;
        }
    }

    /** All channels (including the category and deleted ones). */
    public List<FakeChannel> channels() {
        return List.copyOf(channels);
    }

    FakeChannel channelById(long channelId) {
        for (FakeChannel c : channels) {
            if (c.id() == channelId) {
                return c;
            }
        }
        return null;
    }

    /** The user's membership, joining them (with @everyone only) if they are not a member yet. */
    public FakeMember member(FakeUser user) {
        return members.computeIfAbsent(user.id(), k -> new FakeMember(this, user));
    }

    FakeMember existingMember(long userId) {
        return members.get(userId);
    }

    public List<FakeMember> members() {
        return new ArrayList<>(members.values());
    }

    /** The interaction's partial guild object. */
    ObjectNode toPartialJson() {
        ObjectNode g = Json.object();
        g.put("id", idString());
        g.put("locale", locale);
        g.putArray("features");
        return g;
    }

    /** The full GUILD_CREATE payload. Only the bot's own member is listed, as for a bot without GUILD_MEMBERS/PRESENCES. */
    ObjectNode toGuildCreateJson(FakeUser bot) {
        ObjectNode g = toRestJson();
        g.put("joined_at", joinedAt);
        g.put("large", false);
        g.put("unavailable", false);
        g.put("member_count", members.size());
        g.put("lazy", true);
        g.putArray("voice_states");
        ArrayNode memberArray = g.putArray("members");
        FakeMember self = members.get(bot.id());
        if (self != null) {
            memberArray.add(self.toJson(true, false));
        }
        ArrayNode channelArray = g.putArray("channels");
        for (FakeChannel c : channels) {
            if (!c.isDeleted()) {
                ObjectNode cj = c.toJson();
                cj.remove("guild_id");
                channelArray.add(cj);
            }
        }
        g.putArray("threads");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        g.putArray("embedded_activities");
        g.putArray("activity_instances");
        g.set("application_command_counts", Json.object());
        return g;
    }

    /** The guild object of {@code GET /guilds/{id}}. */
    ObjectNode toRestJson() {
        ObjectNode g = Json.object();
        g.put("id", idString());
        g.put("name", name);
        g.putNull("icon");
        g.putNull("description");
        g.putNull("home_header");
        g.putNull("splash");
        g.putNull("discovery_splash");
        g.putArray("features");
        g.putNull("banner");
        g.put("owner_id", Json.id(ownerId));
        g.putNull("application_id");
        g.put("region", "deprecated");
        g.putNull("afk_channel_id");
        g.put("afk_timeout", 300);
        g.putNull("system_channel_id");
        g.put("system_channel_flags", 0);
        g.put("widget_enabled", false);
        g.putNull("widget_channel_id");
        g.put("verification_level", 0);
        ArrayNode roleArray = g.putArray("roles");
        for (FakeRole r : roles) {
            roleArray.add(r.toJson());
        }
        g.put("default_message_notifications", 0);
        g.put("mfa_level", 0);
        g.put("explicit_content_filter", 0);
        g.putNull("max_presences");
        g.put("max_members", 500000);
        g.put("max_stage_video_channel_users", 50);
        g.put("max_video_channel_users", 25);
        g.putNull("vanity_url_code");
        g.put("premium_tier", 0);
        g.put("premium_subscription_count", 0);
        g.put("preferred_locale", locale);
        g.putNull("rules_channel_id");
        g.putNull("safety_alerts_channel_id");
        g.putNull("public_updates_channel_id");
        g.putNull("hub_type");
        g.put("premium_progress_bar_enabled", false);
        g.putNull("latest_onboarding_question_id");
        g.put("nsfw", false);
        g.put("nsfw_level", 0);
        g.putArray("emojis");
        g.putArray("stickers");
        g.putNull("incidents_data");
        g.putNull("inventory_settings");
        g.putNull("embed_enabled");
        g.putNull("embed_channel_id");
        return g;
    }

    @Override
    public String toString() {
        return name + "(" + idString() + ")";
    }
}
