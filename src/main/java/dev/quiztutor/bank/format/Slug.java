package dev.quiztutor.bank.format;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Ids in our format's form: {@code [a-z0-9]} and single dashes, at most 32 characters. */
public final class Slug {
    public static final int MAX = 32;
    // Compiled once: an import makes a slug of every question's name (10,000 in a big bank).
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

    private Slug() {
    }

    /** {@code "Registry purpose"} -> {@code "registry-purpose"}; accents dropped; "" when nothing is left. */
    public static String of(String text) {
        if (!ascii(text)) {
            String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
            String slug = EDGE_DASHES.matcher(NOT_ID.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
            return cut(slug, MAX);
        }
        // ASCII has nothing to decompose and no marks: the same slug in one pass, as most names are.
        StringBuilder slug = new StringBuilder(text.length());
        boolean dash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (dash && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return cut(slug.toString(), MAX);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Cut at a dash when one is near, so an id made from a sentence ends on a whole word. */
    static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String head = slug.substring(0, max);
        int dash = head.lastIndexOf('-');
        return TRAILING_DASHES.matcher(dash >= max / 2 ? head.substring(0, dash) : head).replaceAll("");
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever is not taken yet; records it as taken. */
    public static String unique(String base, Set<String> taken) {
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            String suffix = "-" + n;
            id = cut(base, MAX - suffix.length()) + suffix;
        }
        return id;
    }
}
