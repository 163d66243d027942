package dev.quiztutor.tutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The attempts in play, held in a bounded Caffeine cache in front of the {@link AttemptJournal}: a
 * miss replays the attempt's events from the journal (or, for an update that starts the attempt, has the
 * journal check in its write that there are none, see {@link AttemptJournal#appendFirst}). Every update of one attempt runs atomically
 * (under that attempt's own lock), and its event is made durable inside that update, so two clicks
 * at the same instant are decided one after the other and a try is counted once.
 *
 * <p>The lock is not the cache's {@code compute}: that holds a bin of the cache's hash map, and a
 * commit waits for the disk (milliseconds under load), so a compute around it stalled the other
 * attempts of the bin and every thread that met a resize of the map (a resize locks each bin in
 * turn), which showed as the end-to-end tail. The cache is only read and written, never held.
 */
public final class LiveAttempts {
    /** Bounds of the cache: at most {@code maximumSize} attempts, each dropped after {@code expireAfterAccess} idle. */
    public record Settings(long maximumSize, Duration expireAfterAccess) {
        public static final Settings DEFAULT = new Settings(100_000, Duration.ofHours(6));

        public Settings {
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1");
            }
            if (expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
                throw new IllegalArgumentException("expireAfterAccess must be positive");
            }
        }
    }

    /** What an operator watches: attempts held, and look-ups served from memory or replayed from the journal. */
    public record Stats(long size, long hits, long misses) {
        /** Hits over all look-ups since the start; 1 before the first look-up (nothing was missed). */
        public double hitRatio() {
            long all = hits + misses;
            return all == 0 ? 1.0 : (double) hits / all;
        }
    }

    private final AttemptJournal journal;
    private final Cache<Key, Attempt> cache;
    // Counted here rather than by Caffeine's recordStats: updates take the cache's entries by hand
    // (getIfPresent under the attempt's turn), which Caffeine's statistics would count differently.
    private final LongAdder lookups = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** The attempts being updated (or replayed into the cache), each with the turn its holder holds. */
    private final ConcurrentHashMap<Key, Turn> updating = new ConcurrentHashMap<>();

    /** One update's hold on an attempt: the next updater of the attempt waits until it is over. */
    private static final class Turn {
        private final CountDownLatch over = new CountDownLatch(1);
        /** Interrupted while waiting for its turn: the flag is given back once the update is over. */
        private boolean interrupted;
    }

    /**
     * The cache's own key: an {@link AttemptKey} flattened into one object (a click makes a new
     * {@link Place} each time, so an AttemptKey would keep two objects per attempt).
     */
    private record Key(long guild, long post, long user, QuestionRef question) {
        static Key of(AttemptKey key) {
            return new Key(key.place().guild(), key.place().post(), key.user(), key.question());
        }

        /**
         * Mixed, unlike a record's default (31 × h + c): with that, ids that differ in step, such as a
         * post's users numbered in sequence, share hashes and the map's bins degrade into trees.
         */
        @Override
        public int hashCode() {
            long h = mix(guild) ^ mix(post + 0x632BE59BD9B4E019L) ^ mix(user - 0x3C6EF372FE94F82BL);
            return (int) (h ^ (h >>> 32)) * 31 + question.hashCode();
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    public LiveAttempts(AttemptJournal journal, Settings settings) {
        this(journal, settings, Ticker.systemTicker());
    }

    public LiveAttempts(AttemptJournal journal, Settings settings, Ticker ticker) {
        this.journal = Objects.requireNonNull(journal);
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterAccess(settings.expireAfterAccess())
                .ticker(ticker)
                // Maintenance (eviction, reordering) runs on the thread that updated the cache,
                // amortized, instead of waking a common-pool thread for nearly every answer.
                .executor(Runnable::run)
                .build();
    }

    /** The attempt as it stands, replayed from the journal on a miss. */
    public Attempt get(AttemptKey key, Question question) {
        lookups.increment();
        Key k = Key.of(key);
        Attempt cached = cache.getIfPresent(k);
        if (cached != null) {
            return cached;
        }
        // A miss is replayed under the attempt's turn, as updates are: a replay read before an
        // update's commit must not land in the cache after it.
        Turn mine = take(k);
        try {
            Attempt current = cache.getIfPresent(k);
            if (current == null) {
                current = replay(key, question);
                cache.put(k, current);
            }
            return current;
        } finally {
            release(k, mine);
        }
    }

    /** A miss: the attempt as its stored events make it. */
    private Attempt replay(AttemptKey key, Question question) {
        misses.increment();
        return Attempt.replay(question, journal.load(key));
    }

    /**
     * Decides an action on one attempt and records its event, atomically for that attempt. If the
     * journal fails, the exception propagates and the attempt leaves the cache: a failure can be
     * ambiguous (the connection lost after the commit, an I/O error on COMMIT), so the event may be
     * stored after all, and only the journal knows. The next action replays it from there, and a
     * try that was counted is never given back.
     */
    public Practice.Outcome update(AttemptKey key, Question question, ScoringPolicy scoring,
                                   Function<Attempt, Practice.Outcome> decide) {
        lookups.increment();
        Key k = Key.of(key);
        Turn mine = take(k);
        try {
            Attempt cached = cache.getIfPresent(k);
            if (cached == null) {
                Optional<Practice.Outcome> started = startedHere(k, key, question, scoring, decide);
                if (started.isPresent()) {
                    return started.get();
                }
            }
            Attempt current = cached != null ? cached : replay(key, question);
            Practice.Outcome outcome = decide.apply(current);
            if (outcome.recorded().isPresent()) {
                try {
                    journal.append(RecordedEvent.of(key, question, outcome.recorded().get(), outcome.attempt(), scoring));
                } catch (RuntimeException e) {
                    cache.invalidate(k);
                    throw e;
                }
            }
            cache.put(k, outcome.attempt());
            return outcome;
        } finally {
            release(k, mine);
        }
    }

    /**
     * An update of an attempt not in the cache, decided as a new attempt and stored only if the journal
     * finds no event of it (in the same write, see {@link AttemptJournal#appendFirst}): most such updates
     * are a member's first click on a question, and this spares them a read of the journal. Empty when the
     * attempt has events after all, or when the decision records nothing (then only the stored attempt
     * can tell what to answer): the caller replays it as before. Under the attempt's turn.
     */
    private Optional<Practice.Outcome> startedHere(Key k, AttemptKey key, Question question, ScoringPolicy scoring,
                                                   Function<Attempt, Practice.Outcome> decide) {
        Practice.Outcome outcome = decide.apply(Attempt.start(question));
        if (outcome.recorded().isEmpty()) {
            return Optional.empty();
        }
        boolean first;
        try {
            first = journal.appendFirst(RecordedEvent.of(key, question, outcome.recorded().get(), outcome.attempt(), scoring));
        } catch (RuntimeException e) {
            // As in update: the write may have been stored after all; nothing of it is cached.
            cache.invalidate(k);
            throw e;
        }
        if (!first) {
            return Optional.empty();
        }
        misses.increment();
        cache.put(k, outcome.attempt());
        return Optional.of(outcome);
    }

    /** Waits until no other update holds the attempt, then holds it. */
    private Turn take(Key k) {
        Turn mine = new Turn();
        for (Turn other; (other = updating.putIfAbsent(k, mine)) != null; ) {
            try {
                other.over.await();
            } catch (InterruptedException e) {
                // A click is decided whatever happens to the thread (an interrupted wait would make
                // the commit fail); the flag goes back to its owner afterwards.
                mine.interrupted = true;
            }
        }
        return mine;
    }

    private void release(Key k, Turn mine) {
        updating.remove(k, mine);
        mine.over.countDown();
        if (mine.interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public Stats stats() {
        long all = lookups.sum();
        long missed = Math.min(misses.sum(), all);
        return new Stats(cache.estimatedSize(), all - missed, missed);
    }

    /** Drops every cached attempt of {@code user} (their data was deleted: nothing to write back). */
    public void dropUser(long user) {
        cache.asMap().keySet().removeIf(key -> key.user() == user);
    }

    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Drops every cached attempt, as a restart would; the journal keeps them. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    public void cleanUp() {
        cache.cleanUp();
    }
}
