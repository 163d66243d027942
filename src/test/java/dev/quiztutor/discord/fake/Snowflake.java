package dev.quiztutor.discord.fake;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord snowflake ids as the fake hands them out.
 *
 * <p>Why it matters: JDA derives creation times from ids, and an interaction whose id encodes a
 * time more than 15 minutes old is treated as expired (its hook refuses to send). So every id the
 * fake makes carries the current time, and ids stay unique and increasing even when thousands are
 * made in one millisecond (the low bits count, and spill into the next millisecond if needed).
 */
public final class Snowflake {
    /** Discord's epoch, the first second of 2015, in Unix milliseconds. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private static final AtomicLong LAST = new AtomicLong();

    private Snowflake() {}

    /** A fresh, unique id whose timestamp is now. */
    public static long next() {
        long stamp = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return LAST.accumulateAndGet(stamp, (last, now) -> Math.max(last + 1, now));
    }

    /**
     * A fresh id that a gateway with {@code shardCount} shards routes to {@code shardId}, by
     * Discord's rule {@code (id >> 22) % shardCount}. Use it for guild ids in sharding tests.
     */
    public static long nextOnShard(int shardId, int shardCount) {
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
            throw new IllegalArgumentException("shard " + shardId + " of " + shardCount);
        }
        while (true) {
            long id = next();
            long millis = id >>> 22;
            long shift = Math.floorMod(shardId - millis, shardCount);
            long candidate = (millis + shift) << 22;
            // claim the candidate millisecond so later next() calls stay unique and increasing
            long prev = LAST.get();
            if (candidate > prev && LAST.compareAndSet(prev, candidate)) {
                return candidate;
            }
        }
    }

    /** The shard that Discord routes a guild's events to. */
    public static int shardOf(long guildId, int shardCount) {
        return (int) ((guildId >>> 22) % shardCount);
    }

    /** When the id was made. */
    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}
