package dev.quiztutor.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.ScoringPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bot's configuration, bound from a YAML file (see {@code config/quiztutor.example.yml}). Every
 * key is optional and has a sensible default; unknown keys are rejected so a typo never goes unseen.
 * Secrets (the Discord token) never live here: they come from the environment.
 */
public record Config(
        @JsonProperty("quizzes") List<Path> quizzes,
        @JsonProperty("tutor") Tutor tutor) {

    public static final Config DEFAULT = new Config(null, null);

    public Config {
        quizzes = quizzes == null || quizzes.isEmpty() ? List.of(Path.of("quizzes")) : List.copyOf(quizzes);
        tutor = tutor == null ? Tutor.DEFAULT : tutor;
    }

    /** A duration value of the config, or an error naming its key. */
    static Duration duration(String key, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(key, "is wrong: " + e.getMessage());
        }
    }

    /** How practice is scored and how many live attempts are kept in memory. */
    public record Tutor(
            @JsonProperty("wrongTryPenalty") Double wrongTryPenalty,
            @JsonProperty("hintPenalty") Double hintPenalty,
            @JsonProperty("attemptCache") AttemptCache attemptCache) {

        public static final Tutor DEFAULT = new Tutor(null, null, null);

        public Tutor {
            wrongTryPenalty = wrongTryPenalty == null ? ScoringPolicy.DEFAULT_WRONG_TRY_PENALTY : wrongTryPenalty;
            hintPenalty = hintPenalty == null ? ScoringPolicy.DEFAULT_HINT_PENALTY : hintPenalty;
            attemptCache = attemptCache == null ? AttemptCache.DEFAULT : attemptCache;
            if (wrongTryPenalty < 0 || wrongTryPenalty > 1) {
                throw new ConfigValueException("tutor.wrongTryPenalty", "must be from 0 to 1, not " + wrongTryPenalty);
            }
            if (hintPenalty < 0 || hintPenalty > 1) {
                throw new ConfigValueException("tutor.hintPenalty", "must be from 0 to 1, not " + hintPenalty);
            }
        }

        public ScoringPolicy scoring() {
            return new ScoringPolicy(wrongTryPenalty, hintPenalty);
        }
    }

    /** The Caffeine cache of live attempts. */
    public record AttemptCache(
            @JsonProperty("maximumSize") Long maximumSize,
            @JsonProperty("expireAfterAccess") String expireAfterAccess) {

        public static final AttemptCache DEFAULT = new AttemptCache(null, null);

        public AttemptCache {
            maximumSize = maximumSize == null ? LiveAttempts.Settings.DEFAULT.maximumSize() : maximumSize;
            expireAfterAccess = expireAfterAccess == null
                    ? DurationText.format(LiveAttempts.Settings.DEFAULT.expireAfterAccess()) : expireAfterAccess;
            if (maximumSize < 1) {
                throw new ConfigValueException("tutor.attemptCache.maximumSize", "must be at least 1");
            }
            Duration expiry = Config.duration("tutor.attemptCache.expireAfterAccess", expireAfterAccess);
            if (expiry.isZero() || expiry.isNegative()) {
                throw new ConfigValueException("tutor.attemptCache.expireAfterAccess", "must be positive");
            }
        }

        public LiveAttempts.Settings settings() {
            return new LiveAttempts.Settings(maximumSize, DurationText.parse(expireAfterAccess));
        }
    }
}
