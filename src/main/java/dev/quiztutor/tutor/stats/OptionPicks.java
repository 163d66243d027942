package dev.quiztutor.tutor.stats;

/**
 * How often one option was picked: by how many attempts, in any of their counted tries ({@code label}
 * is the option's letter, or True / False).
 */
public record OptionPicks(String label, String text, boolean right, int attempts) {
    /** Share of the question's answered attempts that picked it. */
    public double share(int answered) {
        return answered == 0 ? 0 : (double) attempts / answered;
    }
}
