package dev.quiztutor.tutor.stats;

/**
 * A figure of the statistics, or why there is none: a share or a correlation from too few attempts
 * says nothing, and a correlation where everyone scored the same is not defined.
 */
public sealed interface Figure permits Figure.Value, Figure.TooFew, Figure.NoSpread {
    /** The figure. */
    record Value(double value) implements Figure {
    }

    /** {@code have} attempts (or tests) where at least {@code need} are wanted to say anything. */
    record TooFew(int have, int need) implements Figure {
    }

    /** Every test scored the same on the question, or on the rest of the test: no correlation to compute. */
    record NoSpread() implements Figure {
    }

    /** The value, or NaN when there is none: for sorting and charts, never shown as such. */
    default double orNaN() {
        return this instanceof Value v ? v.value() : Double.NaN;
    }

    /** "0.83", "too few (3 of 5)", "no spread". */
    default String text() {
        if (this instanceof Value v) {
            return String.format(java.util.Locale.ROOT, "%.2f", v.value());
        }
        if (this instanceof TooFew f) {
            return "too few (" + f.have() + " of " + f.need() + ")";
        }
        return "no spread";
    }
}
