package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.store.Figures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * storage.keepEventsDays through the real JDA: the sweep may have deleted an old post's attempts, so
 * a post older than the limit takes no more answers, and a question solved long ago is never scored
 * twice.
 */
class DiscordRetentionTest {
    @Test
    void aPostOlderThanTheEventsAreKeptTakesNoMoreAnswers(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock(Instant.now());
        try (BotHarness bot = new BotHarness(dir, clock, Duration.ofDays(32))) {
            FakeDiscord discord = bot.discord;
            FakeChannel channel = discord.channel("practice");
            FakeUser ida = discord.user("ida");
            FakeMessage post = discord.slashCommand(ida, channel, "practice",
                    InteractionOption.string("topic", "mlops-maturity-levels")).awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);
            String right = new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode();
            Callback solved = discord.clickButton(ida, post, right).awaitCallback(WAIT);
            assertTrue(solved.content().startsWith("✅ **Right!**"), solved.content());

            clock.advance(Duration.ofDays(31));
            Callback stillOpen = discord.clickButton(ida, post, right).awaitCallback(WAIT);
            assertTrue(stillOpen.content().startsWith("You have finished this question"), "within the limit it is the same attempt: "
                    + stillOpen.content());

            clock.advance(Duration.ofDays(2));
            Callback closed = discord.clickButton(ida, post, right).awaitCallback(WAIT);
            assertTrue(closed.isEphemeral());
            assertEquals("This post is older than the 32 days answers are kept here, so it takes no more."
                    + " Use /practice for a fresh question.", closed.content());
            Callback hint = discord.clickButton(ida, post, new CustomId.Hint(q.ref()).encode()).awaitCallback(WAIT);
            assertTrue(hint.content().startsWith("This post is older"), hint.content());
            assertEquals(new Figures.Totals(1, 1, 1.0), bot.storage().figures().progress(discord.guild().id(), ida.id())
                    .overall(), "scored once");
            discord.assertNoProtocolViolations();
        }
    }
}
