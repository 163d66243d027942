package dev.quiztutor.tutor;

/**
 * Marks of a practice attempt, as in Moodle's "interactive with multiple tries": full marks for a
 * first-try answer, minus {@code wrongTryPenalty} for each wrong try and {@code hintPenalty} for each
 * hint shown, never below 0; no marks when the user gave up or ran out of tries.
 */
public record ScoringPolicy(double wrongTryPenalty, double hintPenalty) {
    public static final double DEFAULT_WRONG_TRY_PENALTY = 1.0 / 3.0;
    public static final double DEFAULT_HINT_PENALTY = 0.1;
    public static final ScoringPolicy DEFAULT = new ScoringPolicy(DEFAULT_WRONG_TRY_PENALTY, DEFAULT_HINT_PENALTY);

    public ScoringPolicy {
        if (!(wrongTryPenalty >= 0 && wrongTryPenalty <= 1) || !(hintPenalty >= 0 && hintPenalty <= 1)) {
            throw new IllegalArgumentException("penalties are fractions of a mark, from 0 to 1");
        }
    }

    public double score(Attempt attempt) {
        if (attempt.status() != Attempt.Status.SOLVED) {
            return 0;
        }
        double score = 1 - attempt.wrongTries() * wrongTryPenalty - attempt.hintsShown() * hintPenalty;
        // Rounded to a thousandth so that three penalties of 1/3 make exactly 0, not 1e-16.
        return Math.max(0, Math.round(score * 1000) / 1000.0);
    }
}
