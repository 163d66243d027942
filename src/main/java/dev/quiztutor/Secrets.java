package dev.quiztutor;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Texts that must never be printed or logged (the bot token), and the masking that hides them. Our
 * own messages never quote a secret; this is the last line of defence for what a library puts in
 * an exception or a log line ({@link SecretMaskingLayout} applies it to every log line).
 */
public final class Secrets {
    /** Parts of a secret shorter than this are too common to mask (and too short to be of use to anybody). */
    static final int SHORTEST_PART = 6;
    static final String MASK = "[hidden]";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.]+");
    /** Longest first, so that a whole secret is masked before its parts. */
    private static final List<String> HIDDEN = new CopyOnWriteArrayList<>();

    private Secrets() {
    }

    /** From now on, {@code secret} and each of its dot- or blank-separated parts are masked. */
    public static synchronized void hide(String secret) {
        if (secret == null) {
            return;
        }
        List<String> texts = new java.util.ArrayList<>(HIDDEN);
        add(texts, secret.strip());
        for (String part : SEPARATORS.split(secret)) {
            add(texts, part);
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        HIDDEN.clear();
        HIDDEN.addAll(texts);
    }

    private static void add(List<String> texts, String text) {
        if (text.length() >= SHORTEST_PART && !texts.contains(text)) {
            texts.add(text);
        }
    }

    /** {@code text} with every hidden secret replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : HIDDEN) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
