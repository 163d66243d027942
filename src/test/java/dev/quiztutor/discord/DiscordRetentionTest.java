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

    /**
     * A review session's buttons are closed the same way once the session is older than the limit: its
     * attempts may have been deleted, so a question it already finished would be asked again.
     */
    @Test
    void aReviewOlderThanTheEventsAreKeptTakesNoMoreAnswers(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock(Instant.now());
        try (BotHarness bot = new BotHarness(dir, clock, Duration.ofDays(32))) {
            FakeDiscord discord = bot.discord;
            FakeChannel channel = discord.channel("practice");
            FakeUser ida = discord.user("ida");
            FakeMessage post;
            Question q;
            do {    // a question answered with buttons, as the review of it is then
                post = discord.slashCommand(ida, channel, "practice",
                        InteractionOption.string("topic", "mlops-maturity-levels")).awaitResponseMessage(WAIT);
                q = bot.questionOf(post);
            } while (q.kind() != dev.quiztutor.bank.QuestionKind.CHOICE);
            String right = q.answerLetters().get(0);
            String wrong = right.equals("A") ? "B" : "A";
            discord.clickButton(ida, post, new CustomId.Hint(q.ref()).encode()).awaitCallback(WAIT);
            discord.clickButton(ida, post, new CustomId.Reveal(q.ref()).encode()).awaitCallback(WAIT);   // gave up

            clock.advance(Duration.ofDays(1));
            FakeMessage review = discord.slashCommand(ida, channel, "review").awaitResponseMessage(WAIT);
            String rightId = review.customIds().stream().filter(id -> CustomId.parse(id).orElse(null)
                    instanceof CustomId.ReviewAnswer a && a.letter().equals(right)).findFirst().orElseThrow();
            String wrongId = review.customIds().stream().filter(id -> CustomId.parse(id).orElse(null)
                    instanceof CustomId.ReviewAnswer a && a.letter().equals(wrong)).findFirst().orElseThrow();
            Callback tried = discord.clickButton(ida, review, wrongId).awaitCallback(WAIT);
            assertTrue(tried.content().startsWith("❌ **Not right.**"), "within the limit it counts: " + tried.content());

            clock.advance(Duration.ofDays(32));
            Callback closed = discord.clickButton(ida, tried.message(), rightId).awaitCallback(WAIT);
            assertTrue(closed.isEphemeral());
            assertEquals("This review is older than the 32 days answers are kept here, so it takes no more."
                    + " Use /review for what is due today.", closed.content());
            String hint = tried.message().customIds().stream().filter(id -> id.startsWith("qt1:rh:")).findFirst().orElseThrow();
            Callback hinted = discord.clickButton(ida, tried.message(), hint).awaitCallback(WAIT);
            assertTrue(hinted.content().startsWith("This review is older"), hinted.content());
            discord.assertNoProtocolViolations();
        }
    }
}
