package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a guild's moderators chose. Every choice is optional: empty means the bot's default (no
 * moderator role beyond Discord's own permissions, any topic, any difficulty, UTC).
 */
public record GuildSettings(long guild, Optional<Long> moderatorRole, Optional<String> defaultTopic,
                            Optional<Difficulty> defaultDifficulty, Optional<ZoneId> timeZone) {

    public GuildSettings {
        Objects.requireNonNull(moderatorRole, "moderatorRole");
        Objects.requireNonNull(defaultTopic, "defaultTopic");
        Objects.requireNonNull(defaultDifficulty, "defaultDifficulty");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** A guild that chose nothing yet. */
    public static GuildSettings defaults(long guild) {
        return new GuildSettings(guild, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The zone for "today" and "this month" in this guild. */
    public ZoneId zoneOrUtc() {
        return timeZone.orElse(ZoneId.of("UTC"));
    }

    public GuildSettings withModeratorRole(Optional<Long> role) {
        return new GuildSettings(guild, role, defaultTopic, defaultDifficulty, timeZone);
    }

    public GuildSettings withDefaultTopic(Optional<String> topic) {
        return new GuildSettings(guild, moderatorRole, topic, defaultDifficulty, timeZone);
    }

    public GuildSettings withDefaultDifficulty(Optional<Difficulty> difficulty) {
        return new GuildSettings(guild, moderatorRole, defaultTopic, difficulty, timeZone);
    }

    public GuildSettings withTimeZone(Optional<ZoneId> zone) {
        return new GuildSettings(guild, moderatorRole, defaultTopic, defaultDifficulty, zone);
    }
}
