package dev.quiztutor.tutor.stats;

/** Why a question deserves a moderator's look. */
public enum Flag {
    TOO_EASY("too easy"),
    TOO_HARD("too hard"),
    NEGATIVE_DISCRIMINATION("negative discrimination: strong testers miss it more than weak ones"),
    UNUSED_DISTRACTOR("a wrong option nobody picks");

    private final String label;

    Flag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
