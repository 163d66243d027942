package dev.quiztutor.tutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The attempts in play, held in a bounded Caffeine cache in front of the {@link AttemptJournal}: a
 * miss replays the attempt's events from the journal. Every update of one attempt runs atomically
 * (Caffeine's {@code compute}), and its event is made durable inside that update, so two clicks at
 * the same instant are decided one after the other and a try is counted once.
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

    private final AttemptJournal journal;
    private final Cache<Key, Attempt> cache;

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
        return cache.get(Key.of(key), k -> Attempt.replay(question, journal.load(key)));
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
        Practice.Outcome[] result = new Practice.Outcome[1];
        RuntimeException[] failure = new RuntimeException[1];
        cache.asMap().compute(Key.of(key), (k, cached) -> {
            Attempt current = cached != null ? cached : Attempt.replay(question, journal.load(key));
            Practice.Outcome outcome = decide.apply(current);
            if (outcome.recorded().isPresent()) {
                try {
                    journal.append(RecordedEvent.of(key, question, outcome.recorded().get(), outcome.attempt(), scoring));
                } catch (RuntimeException e) {
                    failure[0] = e;
                    return null;
                }
            }
            result[0] = outcome;
            return outcome.attempt();
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
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
