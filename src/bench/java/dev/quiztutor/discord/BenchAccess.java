package dev.quiztutor.discord;

import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.Scheduler;
import net.dv8tion.jda.api.utils.SessionController;

/**
 * What the benchmarks need of the bot that is package-private: its scheduler (as the tests' {@code
 * BotHarness} reaches it), a {@link ChannelPoster} on its shards, for other ways to run the same
 * posts, and its gateway override, for the bare-JDA floor. Bench code only; the bot itself is unchanged.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** The scheduler {@link DiscordBot#start} built over the storage's schedules with its ChannelPoster. */
    public static Scheduler scheduler(DiscordBot bot) {
        return bot.scheduler();
    }

    /** Closes the bot and waits for its shards to disconnect, as the tests' {@code BotHarness} does. */
    public static void stopNow(DiscordBot bot) {
        BotHarness.stopNow(bot);
    }

    /** The session controller that points JDA at {@code url}, as the bot's own does for a configured gateway. */
    public static SessionController fixedGateway(String url) {
        return new DiscordBot.FixedGateway(url);
    }

    /** The bot's poster (a new ChannelPoster on the bot's shards, unpaced: the prototypes pace themselves). */
    public static Poster channelPoster(DiscordBot bot) {
        return new ChannelPoster(bot::shards, new Pacer(1_000_000));
    }
}
