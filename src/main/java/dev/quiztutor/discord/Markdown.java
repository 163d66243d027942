package dev.quiztutor.discord;

/**
 * Text from users (display names) and quiz authors (titles, answers) shown literally where Discord
 * renders markdown: every character that markdown could read as syntax gets a backslash, which
 * Discord drops when it shows the text. So {@code john_doe} stays {@code john_doe} (stripping would
 * show {@code johndoe}), and {@code [Free Nitro](https://evil.example)} shows as typed, neither a
 * masked link nor a bare link ({@code https\://} is not a URL to Discord's link detection).
 *
 * <p>Not JDA's {@code MarkdownSanitizer.escape}: it escapes emphasis, code, spoilers and quotes
 * but leaves masked links, headings, lists, subtext and URLs live.
 */
final class Markdown {
    /**
     * Emphasis, code, spoilers, quotes, headings and subtext, lists, masked links, mentions and
     * timestamps, URLs' {@code ://}. Discord drops a backslash before any punctuation.
     */
    private static final String SYNTAX = "\\*_~`|>#-[]()<:";

    private Markdown() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SYNTAX.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
