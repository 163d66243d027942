package dev.quiztutor.tutor;

/**
 * How strong a user is on a topic after a test, from the share of questions right:
 * at least 80% is strong, at least 50% is getting there, below that needs practice.
 */
public enum Verdict {
    STRONG("strong", "You know this topic well."),
    GETTING_THERE("getting there", "A good base; review the questions you missed."),
    NEEDS_PRACTICE("needs practice", "Walk through the lesson again, then practise.");

    public static final double STRONG_FROM = 0.8;
    public static final double GETTING_THERE_FROM = 0.5;

    private final String label;
    private final String advice;

    Verdict(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    public String label() {
        return label;
    }

    public String advice() {
        return advice;
    }

    public static Verdict of(int right, int total) {
        double share = total == 0 ? 0 : (double) right / total;
        if (share >= STRONG_FROM) {
            return STRONG;
        }
        return share >= GETTING_THERE_FROM ? GETTING_THERE : NEEDS_PRACTICE;
    }
}
