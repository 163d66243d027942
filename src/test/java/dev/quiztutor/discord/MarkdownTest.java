package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import org.junit.jupiter.api.Test;

/**
 * Escaping, checked as Discord reads it: a backslash before punctuation shows the punctuation
 * itself, so removing each escaping backslash must give back the text exactly.
 */
class MarkdownTest {
    /** What Discord shows for escaped text: each backslash-escaped character, as itself. */
    private static String shown(String escaped) {
        return escaped.replaceAll("\\\\(\\p{Punct})", "$1");
    }

    @Test
    void namesKeepEveryCharacterInsteadOfLosingTheirMarkdown() {
        for (String name : new String[] {"john_doe", "*star*", "~~gone~~", "||spoiler||", "`code`", "> quoted",
                "# Heading", "-# small", "back\\slash", "Zoë 🎓", "plain name"}) {
            assertEquals(name, shown(Markdown.escape(name)), name);
        }
        assertEquals("john\\_doe", Markdown.escape("john_doe"));
        assertEquals("plain name", Markdown.escape("plain name"), "nothing to escape, nothing added");
    }

    @Test
    void aMaskedLinkStaysTextAndAUrlIsNotALink() {
        String escaped = Markdown.escape("[Free Nitro](https://evil.example)");
        assertEquals("\\[Free Nitro\\]\\(https\\://evil.example\\)", escaped);
        assertFalse(escaped.contains("]("), "no masked link");
        assertFalse(escaped.contains("https:"), "no bare URL for Discord to link: the scheme is broken by a backslash");
        assertEquals("\\<https\\://evil.example\\>", Markdown.escape("<https://evil.example>"), "no autolink");
        assertEquals("\\<@123456789012345678\\>", Markdown.escape("<@123456789012345678>"), "no mention syntax");
    }

    @Test
    void jdasEscapeAloneWouldLeaveTheMaskedLinkLive() {
        // Why Markdown exists: MarkdownSanitizer handles emphasis, code and spoilers, not links.
        assertEquals("[Free Nitro](https://evil.example)", MarkdownSanitizer.escape("[Free Nitro](https://evil.example)"));
    }

    @Test
    void leaderboardNamesAreEscapedAndPingNobody() {
        Map<Long, String> known = Map.of(1L, "john_doe", 2L, "@everyone", 3L, "[Free Nitro](https://evil.example)");
        assertEquals("john\\_doe", ProgressFeature.name(known, 1));
        assertEquals("@\u200Beveryone", ProgressFeature.name(known, 2));
        assertEquals("\\[Free Nitro\\]\\(https\\://evil.example\\)", ProgressFeature.name(known, 3));
        assertEquals("member 123456…", ProgressFeature.name(known, 123456789012345678L), "a member with no known name");
    }
}
