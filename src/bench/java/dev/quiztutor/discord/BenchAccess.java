package dev.quiztutor.discord;

import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.Scheduler;

/**
 * What the benchmarks need of the bot that is package-private: its scheduler (as the tests' {@code
 * BotHarness} reaches it) and a {@link ChannelPoster} on its shards, for prototypes of other ways
 * to run the same posts. Bench code only; the bot itself is unchanged.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** The scheduler {@link DiscordBot#start} built over the storage's schedules with its ChannelPoster. */
    public static Scheduler scheduler(DiscordBot bot) {
        return bot.scheduler();
    }

    /** The bot's poster (a new ChannelPoster on the bot's shards, unpaced: the prototypes pace themselves). */
    public static Poster channelPoster(DiscordBot bot) {
        return new ChannelPoster(bot::shards, new Pacer(1_000_000));
    }
}
