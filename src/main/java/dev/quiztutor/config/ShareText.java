package dev.quiztutor.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A share of a mark as people write it in a config file: a fraction ({@code 1/3}) or a decimal
 * ({@code 0.25}). {@code 0.3333333333333333} is what a program writes for a third; a person writes 1/3.
 */
public final class ShareText extends StdDeserializer<Double> {
    private static final Pattern FRACTION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern DECIMAL = Pattern.compile("\\d*\\.?\\d+");

    public ShareText() {
        super(Double.class);
    }

    /** The value of {@code text}, or an IllegalArgumentException saying how to write it. */
    public static double parse(String text) {
        String trimmed = text.trim();
        Matcher fraction = FRACTION.matcher(trimmed);
        if (fraction.matches()) {
            double denominator = Double.parseDouble(fraction.group(2));
            if (denominator == 0) {
                throw new IllegalArgumentException("\"" + trimmed + "\" divides by zero");
            }
            return Double.parseDouble(fraction.group(1)) / denominator;
        }
        if (DECIMAL.matcher(trimmed).matches()) {
            return Double.parseDouble(trimmed);
        }
        throw new IllegalArgumentException("\"" + trimmed + "\" is not a number; write a fraction such as 1/3 or a "
                + "decimal such as 0.25");
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw new ConfigValueException(key(p.getParsingContext()), "is wrong: " + e.getMessage());
            }
        }
        throw new ConfigValueException(key(p.getParsingContext()), "must be a fraction such as 1/3 or a decimal such as 0.25");
    }

    /** "tutor.wrongTryPenalty": the dotted key the parser is at. */
    private static String key(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }
}
