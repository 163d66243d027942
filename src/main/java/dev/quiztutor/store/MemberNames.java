package dev.quiztutor.store;

import java.util.Collection;
import java.util.Map;

/**
 * The display names members had when they last used the bot, so that a leaderboard can show names
 * without mentions (which could ping) and without the privileged member intent.
 */
public interface MemberNames {
    /** Remembers {@code name} as the member's display name in the guild. */
    void remember(long guild, long user, String name);

    /** The names known for {@code users} in the guild; users never seen are missing from the map. */
    Map<Long, String> names(long guild, Collection<Long> users);
}
