package dev.quiztutor.bank.format;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An accepted number: a value with a tolerance, or a range. */
public sealed interface NumericAnswer {
    record Value(double value, double tolerance) implements NumericAnswer {
    }

    record Range(double min, double max) implements NumericAnswer {
    }

    Pattern RANGE = Pattern.compile("(.+?)\\.\\.(.+)");
    Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
    Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * Reads {@code 3.14}, {@code 3.14:0.01} (tolerance) or {@code 1..2} (range), the forms GIFT and our
     * CSV share; a decimal comma ({@code 3,5}) is read as a point, as spreadsheets in many locales write it.
     */
    static Optional<NumericAnswer> parse(String text) {
        String t = text.strip();
        // Only a text with ".." can be a range: most are a plain number, and skip the regex.
        Matcher range = t.contains("..") ? RANGE.matcher(t) : null;
        if (range != null && range.matches()) {
            Optional<Double> min = number(range.group(1));
            Optional<Double> max = number(range.group(2));
            if (min.isEmpty() || max.isEmpty() || min.get() > max.get()) {
                return Optional.empty();
            }
            return Optional.of(new Range(min.get(), max.get()));
        }
        int colon = t.indexOf(':');
        if (colon >= 0) {
            Optional<Double> value = number(t.substring(0, colon));
            Optional<Double> tolerance = number(t.substring(colon + 1));
            if (value.isEmpty() || tolerance.isEmpty() || tolerance.get() < 0) {
                return Optional.empty();
            }
            return Optional.of(new Value(value.get(), tolerance.get()));
        }
        return number(t).map(v -> new Value(v, 0));
    }

    static Optional<Double> number(String text) {
        String t = text.strip();
        if (t.indexOf(',') >= 0 && DECIMAL_COMMA.matcher(t).matches()) {
            t = t.replace(',', '.');
        }
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    }

    /** A number as a person writes it: {@code 42}, {@code 3.14}, never {@code 42.0}. */
    static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The accepted answer in words, for the solution. */
    default String words() {
        if (this instanceof Range r) {
            return "between " + text(r.min()) + " and " + text(r.max());
        }
        Value v = (Value) this;
        return v.tolerance() == 0 ? text(v.value()) : text(v.value()) + " (± " + text(v.tolerance()) + ")";
    }
}
