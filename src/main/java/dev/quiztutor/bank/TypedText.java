package dev.quiztutor.bank;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How typed answers are compared and read: text after normalising case, width and compatibility forms
 * (Unicode NFKC), whitespace and surrounding punctuation; numbers with a comma or a point for the
 * decimal separator and an optional unit.
 */
public final class TypedText {
    /** Characters of a typed answer: Discord's text input allows up to 4,000; answers are short. */
    public static final int MAX_TYPED = 200;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Sentence punctuation around an answer ("registry." or "«registry»") that carries no meaning.
     * Symbols that can be part of an answer (C++, C#, 100%, $5) are kept.
     */
    private static final Pattern EDGES = Pattern.compile(
            "^[\\s.,;:!?¡¿…'\"«»“”„‘’‚()\\[\\]{}]+|[\\s.,;:!?¡¿…'\"«»“”„‘’‚()\\[\\]{}]+$");
    private static final Pattern NUMBER = Pattern.compile(
            "([-+\u2212]?)\\s*(\\d{1,3}(?:[ \u00a0\u202f']\\d{3})+|\\d*)(?:[.,](\\d+))?(?:[eE]([+-]?\\d{1,4}))?\\s*(.*)");

    private TypedText() {
    }

    /** "  The Model-Registry! " and "the model-registry" compare equal; inner punctuation is kept. */
    public static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = SPACES.matcher(n).replaceAll(" ");
        String stripped = EDGES.matcher(n).replaceAll("");
        // An answer that is nothing but punctuation ("C++" is not, "?" is) keeps its characters.
        return stripped.isEmpty() ? n.strip() : stripped;
    }

    /** Whether {@code a} and {@code b} are at most {@code edits} insertions, deletions or substitutions apart. */
    public static boolean withinEdits(String a, String b, int edits) {
        if (Math.abs(a.length() - b.length()) > edits) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > edits) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= edits;
    }

    /** A number as typed, and what followed it (a unit, or anything else). */
    public record TypedNumber(BigDecimal value, String rest) {
    }

    /**
     * Reads "3.5", "3,5", "-2", "1 000", "1e3" or "250 ms". A comma is a decimal separator ("3,5" is
     * three and a half); thousands may be grouped with spaces. Empty when the text does not start with
     * a number.
     */
    public static Optional<TypedNumber> number(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String whole = m.group(2).replaceAll("[ \u00a0\u202f']", "");
        String fraction = m.group(3);
        if (whole.isEmpty() && fraction == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        digits.append(m.group(1).isEmpty() ? "" : !"+".equals(m.group(1)) ? "-" : "");
        digits.append(whole.isEmpty() ? "0" : whole);
        if (fraction != null) {
            digits.append('.').append(fraction);
        }
        if (m.group(4) != null) {
            digits.append('E').append(m.group(4));
        }
        try {
            return Optional.of(new TypedNumber(new BigDecimal(digits.toString()), m.group(5).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
