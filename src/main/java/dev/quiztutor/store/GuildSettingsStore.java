package dev.quiztutor.store;

/** Where guild settings are kept. A moderator's change is durable when {@link #put} returns. */
public interface GuildSettingsStore {
    /** The guild's settings, or {@link GuildSettings#defaults} when it never chose anything. */
    GuildSettings get(long guild);

    /** Replaces every setting of {@code settings.guild()}. */
    void put(GuildSettings settings);
}
