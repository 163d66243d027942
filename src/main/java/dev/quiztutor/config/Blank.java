package dev.quiztutor.config;

/**
 * A helper of the config's nested records that is not a static method of {@link Config}: calling one
 * of those from a nested record's own class initialisation starts Config's, and Config.DEFAULT is then
 * built while that record's DEFAULT is still null.
 */
final class Blank {
    private Blank() {
    }

    /** The trimmed text, or null when there is none. */
    static String toNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
