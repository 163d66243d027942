package dev.quiztutor.discord;

/**
 * Text from users (display names) and quiz authors (titles, answers) shown literally where Discord
 * renders markdown: each character that markdown could read as syntax there gets a backslash, which
 * Discord drops when it shows the text. So {@code john_doe} stays {@code john_doe} (stripping would
 * show {@code johndoe}), and {@code [Free Nitro](https://evil.example)} shows as typed, neither a
 * masked link nor a bare link ({@code https\://} is not a URL to Discord's link detection).
 *
 * <p>Not JDA's {@code MarkdownSanitizer.escape}: it escapes emphasis, code, spoilers and quotes
 * but leaves masked links, headings, lists, subtext and URLs live.
 */
final class Markdown {
    /** Syntax anywhere in a line: emphasis, code, spoilers, link brackets, mentions and timestamps. */
    private static final String INLINE = "\\*_~`|[]<";
    /** Syntax at the start of a line only: quotes, headings and subtext, lists. */
    private static final String LINE_START = ">#-+";

    private Markdown() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean url = c == ':' && text.startsWith("//", i + 1);
            if (INLINE.indexOf(c) >= 0 || url || (lineStart && LINE_START.indexOf(c) >= 0)) {
                escaped.append('\\');
            }
            escaped.append(c);
            lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t'));
        }
        return escaped.toString();
    }
}
