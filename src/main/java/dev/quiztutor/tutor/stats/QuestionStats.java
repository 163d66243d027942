package dev.quiztutor.tutor.stats;

import dev.quiztutor.bank.Question;
import java.util.List;

/**
 * One question's figures, as in Moodle's quiz statistics report.
 *
 * @param attempts attempts that answered at least once or gave up (only looked at, or only hints, is no attempt)
 * @param answered attempts with at least one answer: what option picks are counted against
 * @param firstTryRight attempts right on their first try without a hint
 * @param firstTry {@code firstTryRight} as a share of {@code attempts}
 * @param facility the mean score as a share of the maximum (Moodle's facility index): a score is 1 on the
 *     first try, less per wrong try and hint (the scoring policy), 0 given up, out of tries or still wrong
 * @param tests topic tests that asked the question
 * @param discrimination the correlation, over those tests, between the question's score and the rest of
 *     the test (the test's total without this question): Moodle's discrimination index
 * @param picks per option (choice, multiple response, true/false, matching, blanks), in the question's
 *     order; empty for typed answers
 * @param hintsShown hints shown over all attempts
 * @param withHints attempts that took at least one hint
 * @param gaveUp attempts given up (a skipped test question is one)
 */
public record QuestionStats(Question question, int attempts, int answered, int firstTryRight, Figure firstTry,
                            Figure facility, int tests, Figure discrimination, List<OptionPicks> picks,
                            int hintsShown, int withHints, int gaveUp, List<Flag> flags) {
    public QuestionStats {
        picks = List.copyOf(picks);
        flags = List.copyOf(flags);
    }

    /** The wrong options nobody picked, when there were enough answers to say so. */
    public List<OptionPicks> unusedDistractors() {
        return flags.contains(Flag.UNUSED_DISTRACTOR)
                ? picks.stream().filter(p -> !p.right() && p.attempts() == 0).toList() : List.of();
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /**
     * Each flag in words with the figure behind it, for a moderator: "too hard (facility 0.18 over 11
     * attempts)", "a wrong option nobody picks: C, D (10 answered)".
     */
    public List<String> findings() {
        return flags.stream().map(flag -> switch (flag) {
            case TOO_EASY, TOO_HARD -> flag.label() + " (facility " + facility.text() + " over " + attempts + " attempts)";
            case NEGATIVE_DISCRIMINATION -> flag.label() + " (" + discrimination.text() + " over " + tests + " tests)";
            case UNUSED_DISTRACTOR -> flag.label() + ": " + String.join(", ",
                    unusedDistractors().stream().map(OptionPicks::label).toList()) + " (" + answered + " answered)";
        }).toList();
    }
}
