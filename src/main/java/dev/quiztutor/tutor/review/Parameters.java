package dev.quiztutor.tutor.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 21 weights of the FSRS-6 model, {@code w[0]} to {@code w[20]}. {@link #DEFAULT} are the
 * published defaults (py-fsrs 6.3.1 and ts-fsrs 5.4.1 ship the same), fitted on many users' reviews;
 * weights fitted to one group's history may replace them one day, so they are a value, not constants.
 */
public final class Parameters {
    public static final int COUNT = 21;

    /** The smallest stability FSRS allows, in days. */
    static final double STABILITY_MIN = 0.001;

    /**
     * The bounds the reference implementations accept for each weight: an optimiser stays within them,
     * and the formulas misbehave outside (a decay of 0 divides by zero).
     */
    private static final double[] LOWER = {STABILITY_MIN, STABILITY_MIN, STABILITY_MIN, STABILITY_MIN, 1.0, 0.001,
            0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1};
    private static final double[] UPPER = {100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0,
            0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8};

    /** Declared after the bounds it is checked against (static fields initialise in order). */
    public static final Parameters DEFAULT = of(
            0.212, 1.2931, 2.3065, 8.2956, // initial stability after Again, Hard, Good, Easy
            6.4133, 0.8334, // initial difficulty
            3.0194, 0.001, // difficulty change per rating, mean reversion
            1.8722, 0.1666, 0.796, // stability after a recall
            1.4835, 0.0614, 0.2629, 1.6483, // stability after a lapse
            0.6014, 1.8729, // Hard penalty, Easy bonus
            0.5425, 0.0912, 0.0658, // same-day reviews
            0.1542); // decay of the forgetting curve

    private final double[] w;

    private Parameters(double[] w) {
        this.w = w;
    }

    /** The weights {@code w[0]..w[20]}; an IllegalArgumentException names every one out of bounds. */
    public static Parameters of(double... weights) {
        if (weights.length != COUNT) {
            throw new IllegalArgumentException("FSRS-6 takes " + COUNT + " weights, not " + weights.length);
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            if (!(weights[i] >= LOWER[i] && weights[i] <= UPPER[i])) {
                wrong.add("w[" + i + "] = " + weights[i] + " is not from " + LOWER[i] + " to " + UPPER[i]);
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("FSRS weights out of bounds: " + String.join("; ", wrong));
        }
        return new Parameters(weights.clone());
    }

    /** Weight {@code w[i]}. */
    public double w(int i) {
        return w[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && Arrays.equals(w, p.w);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return "Parameters" + Arrays.toString(w);
    }
}
