package dev.quiztutor.discord;

import java.util.regex.Pattern;

/**
 * A bot token whose form was checked before JDA, the store or a log line sees it. Its text is never
 * printed: JDA echoes a token it does not like ("Provided: ..."), and a real token pasted with a
 * stray blank would land in terminals and logs; so the form is checked here and every message says
 * what is wrong without quoting any of it.
 */
public final class BotToken {
    /**
     * Discord's bot tokens are three base64url parts joined by dots: the bot's id, a timestamp and a
     * signature, about 70 characters in all. The bounds are loose on purpose: they catch a pasted
     * client secret, public key or application id, not a token Discord may issue tomorrow.
     */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{20,}");
    private static final int SHORTEST = 50;
    /** What Discord's docs put before the token in an Authorization header; JDA adds it itself. */
    private static final String HEADER_PREFIX = "Bot ";

    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /** The token in {@code text} (surrounding blanks and a copied "Bot " prefix are dropped), or why it is not one. */
    public static BotToken parse(String text) throws Malformed {
        String token = text.strip();
        if (token.startsWith(HEADER_PREFIX)) {
            token = token.substring(HEADER_PREFIX.length()).strip();
        }
        if (token.isEmpty()) {
            throw new Malformed("is empty");
        }
        if (token.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new Malformed("has a blank inside it; a bot token has none");
        }
        if (token.length() < SHORTEST) {
            throw new Malformed("is too short for a bot token (" + token.length() + " characters; a bot token has about 70)");
        }
        if (!FORM.matcher(token).matches()) {
            throw new Malformed("is not in a bot token's form (three parts of letters, digits, - and _, joined by dots);"
                    + " the client secret, the public key and the application id are not the token");
        }
        return new BotToken(token);
    }

    /** The text to hand to JDA, and to nothing else. */
    public String value() {
        return value;
    }

    /** Never the token itself, should this object end up in a message. */
    @Override
    public String toString() {
        return "BotToken[hidden]";
    }

    /** The text is not a bot token; the message says why without quoting it. */
    public static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason);
        }
    }
}
