package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Solution;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.schedule.ScheduledReveal;
import dev.quiztutor.tutor.PlaceSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertEquals("Mary-Jane #1 > all: (x)", Markdown.escape("Mary-Jane #1 > all: (x)"), "syntax only at a line's start");
        assertEquals("\\-# small\n \\> quote\n\\# big", Markdown.escape("-# small\n > quote\n# big"));
    }

    @Test
    void aMaskedLinkStaysTextAndAUrlIsNotALink() {
        String escaped = Markdown.escape("[Free Nitro](https://evil.example)");
        assertEquals("\\[Free Nitro\\](https\\://evil.example)", escaped);
        assertTrue(escaped.startsWith("\\[Free Nitro\\]("), "both brackets escaped: no masked link");
        assertFalse(escaped.contains("https:"), "no bare URL for Discord to link: the scheme is broken by a backslash");
        assertEquals("\\<https\\://evil.example>", Markdown.escape("<https://evil.example>"), "no autolink");
        assertEquals("\\<@123456789012345678>", Markdown.escape("<@123456789012345678>"), "no mention syntax");
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
        assertEquals("\\[Free Nitro\\](https\\://evil.example)", ProgressFeature.name(known, 3));
        assertEquals("member 123456…", ProgressFeature.name(known, 123456789012345678L), "a member with no known name");
    }

    @Test
    void aRevealAndTheTopicsListShowQuizTextAsWritten() {
        Question q = new Question(new QuestionRef("t", "q1"), Difficulty.EASY, "Which level?",
                new QuestionType.Choice(Fixtures.options("A", "B"), "A"), List.of(), 3,
                new Solution(List.of(new Step("Read *maturity_level*", "")), "maturity_level = \"ad_hoc\"", "x_y = [1](2)"),
                List.of());
        Topic topic = new Topic("t", "C# **basics**", "lang_x", "See [docs](https://evil.example)", 0, Optional.empty(),
                List.of(q), Path.of("t.json"));
        String reveal = Views.reveal(new ScheduledReveal(1, 2, 3, 4, topic, q, PlaceSummary.EMPTY)).embeds().get(0)
                .getDescription();
        assertEquals("**Answer:** maturity\\_level = \"ad\\_hoc\" (option A)\n**Quick check:** x\\_y = \\[1\\](2)\n"
                + "1. Read \\*maturity\\_level\\*", reveal);

        var field = Views.topics(new QuizBank(List.of(topic))).embeds().get(0).getFields().get(0);
        assertEquals("C# \\*\\*basics\\*\\*", field.getName());
        assertTrue(field.getValue().startsWith("-# lang\\_x · "), field.getValue());
        assertTrue(field.getValue().endsWith("\nSee \\[docs\\](https\\://evil.example)"), field.getValue());
    }
}
