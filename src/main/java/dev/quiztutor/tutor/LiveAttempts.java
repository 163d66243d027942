package dev.quiztutor.tutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.quiztutor.bank.Question;
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
    private final Cache<AttemptKey, Attempt> cache;

    public LiveAttempts(AttemptJournal journal, Settings settings) {
        this(journal, settings, Ticker.systemTicker());
    }

    public LiveAttempts(AttemptJournal journal, Settings settings, Ticker ticker) {
        this.journal = Objects.requireNonNull(journal);
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterAccess(settings.expireAfterAccess())
                .ticker(ticker)
                .build();
    }

    /** The attempt as it stands, replayed from the journal on a miss. */
    public Attempt get(AttemptKey key, Question question) {
        return cache.get(key, k -> Attempt.replay(question, journal.load(k)));
    }

    /**
     * Decides an action on one attempt and records its event, atomically for that attempt. If the
     * journal fails, the exception propagates, the cached attempt is unchanged and nothing was counted.
     */
    public Practice.Outcome update(AttemptKey key, Question question, ScoringPolicy scoring,
                                   Function<Attempt, Practice.Outcome> decide) {
        Practice.Outcome[] result = new Practice.Outcome[1];
        cache.asMap().compute(key, (k, cached) -> {
            Attempt current = cached != null ? cached : Attempt.replay(question, journal.load(k));
            Practice.Outcome outcome = decide.apply(current);
            outcome.recorded().ifPresent(event ->
                    journal.append(RecordedEvent.of(k, question, event, outcome.attempt(), scoring)));
            result[0] = outcome;
            return outcome.attempt();
        });
        return result[0];
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
