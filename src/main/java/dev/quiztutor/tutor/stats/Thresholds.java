package dev.quiztutor.tutor.stats;

/**
 * When a figure says something, and when it flags a question. Moodle's report colours a facility
 * index above 0.9 "very easy" and below 0.2 "difficult", and calls a question with a negative
 * discrimination "probably invalid"; the minimum counts are ours: below them a single member's luck
 * moves a share by more than the band it would be flagged in.
 *
 * @param minAttempts attempts a question needs before its facility is shown (and it may be flagged too easy or too hard)
 * @param minTests topic tests that asked the question before its discrimination is shown
 * @param minForUnusedDistractor answered attempts before a wrong option nobody picked is flagged: with
 *     fewer, a distractor that would draw one learner in ten may simply not have come up yet
 * @param tooEasy a facility (mean score as a share of the maximum) above this flags the question as too easy
 * @param tooHard a facility below this flags it as too hard
 */
public record Thresholds(int minAttempts, int minTests, int minForUnusedDistractor, double tooEasy, double tooHard) {
    public static final Thresholds DEFAULT = new Thresholds(5, 5, 20, 0.9, 0.2);

    public Thresholds {
        if (minAttempts < 1 || minTests < 2 || minForUnusedDistractor < 1) {
            throw new IllegalArgumentException("a figure needs at least one attempt, a correlation two tests");
        }
        if (!(tooHard >= 0 && tooHard < tooEasy && tooEasy <= 1)) {
            throw new IllegalArgumentException("0 <= tooHard < tooEasy <= 1");
        }
    }
}
