package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.store.MemberNames;
import java.time.Duration;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Remembers the display name of members who use the bot, for the leaderboard. A name is written
 * only when it is new or changed, so a busy channel costs no extra writes.
 */
final class Names {
    private record Key(long guild, long user) {
    }

    private final MemberNames store;
    private final Cache<Key, String> known = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    Names(MemberNames store) {
        this.store = store;
    }

    /** Their name was deleted: the next interaction stores it again rather than trusting this cache. */
    void forget(long user) {
        known.asMap().keySet().removeIf(key -> key.user() == user);
    }

    void seen(Interaction interaction) {
        Member member = interaction.getMember();
        if (member == null || interaction.getGuild() == null) {
            return;
        }
        Key key = new Key(interaction.getGuild().getIdLong(), member.getIdLong());
        String name = member.getEffectiveName();
        if (!name.equals(known.getIfPresent(key))) {
            store.remember(key.guild(), key.user(), name);
            known.put(key, name);
        }
    }
}
