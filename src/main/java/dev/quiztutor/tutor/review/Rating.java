package dev.quiztutor.tutor.review;

/**
 * How well a question was recalled at a review, FSRS's four grades. The tutor gives only
 * {@link #AGAIN}, {@link #HARD} and {@link #GOOD} (see {@link Review#of}); {@link #EASY} is part of the
 * algorithm and of its reference tests.
 */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** FSRS's number for the rating, 1 to 4: the formulas are written in it. */
    public int grade() {
        return grade;
    }

    /** Whether the question was recalled at all: every rating but {@link #AGAIN}. */
    public boolean recalled() {
        return this != AGAIN;
    }
}
