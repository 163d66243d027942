package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart (a new bot process on the same database) loses nothing a member did. */
class DiscordRestartTest {

    @Test
    void postsMadeBeforeARestartKeepWorkingAndTriesAreNotRegained(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeChannel channel = bot.discord.channel("practice");
            FakeUser alice = bot.discord.user("alice");
            FakeUser bob = bot.discord.user("bob");
            InteractionHandle posted = bot.discord.slashCommand(alice, channel, "practice");
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);
            String wrong = new CustomId.Answer(q.ref(), q.answerLetters().get(0).equals("A") ? "B" : "A").encode();
            String right = new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode();
            assertTrue(bot.discord.clickButton(alice, post, wrong).awaitCallback(WAIT).content().contains("2 tries left"));
            assertTrue(bot.discord.clickButton(bob, post, right).awaitCallback(WAIT).content().contains("Right"));

            bot.restart(bot.bank());

            Callback after = bot.discord.clickButton(alice, post, wrong).awaitCallback(WAIT);
            assertTrue(after.content().contains("1 try left"), "the try before the restart still counts: " + after.content());
            Callback bobAgain = bot.discord.clickButton(bob, post, right).awaitCallback(WAIT);
            assertTrue(bobAgain.content().startsWith("You have finished this question"), bobAgain.content());
            FakeUser carol = bot.discord.user("carol");
            bot.discord.clickButton(carol, post, wrong).awaitCallback(WAIT);
            bot.discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                    && r.body().contains("3 answered · 1 right"), WAIT);
            bot.discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aQuestionRemovedFromTheBankGetsAPoliteLine(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser carl = bot.discord.user("carl");
            InteractionHandle posted = bot.discord.slashCommand(carl, bot.discord.channel("practice"), "practice");
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);

            bot.restart(BankLoader.load(Fixtures.FOREIGN).bank());

            Callback gone = bot.discord.clickButton(carl, post, new CustomId.Answer(q.ref(), "A").encode()).awaitCallback(WAIT);
            assertTrue(gone.isEphemeral());
            assertEquals(Polite.GONE, gone.content());
        }
    }

    @Test
    void aTestInProgressResumesAfterARestart(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser dora = bot.discord.user("dora");
            InteractionHandle start = bot.discord.slashCommand(dora, bot.discord.channel("practice"), "test");
            start.awaitCallback(WAIT);
            FakeMessage message = start.awaitResponseMessage(WAIT);
            String skip = message.customIds().stream().filter(id -> id.startsWith("qt1:tk:")).findFirst().orElseThrow();
            message = bot.discord.clickButton(dora, message, skip).awaitCallback(WAIT).message();
            assertTrue(message.embeds().get(0).path("footer").path("text").asText().startsWith("Question 2 of 10"));

            bot.restart(bot.bank());

            String skipSecond = message.customIds().stream().filter(id -> id.startsWith("qt1:tk:")).findFirst().orElseThrow();
            Callback resumed = bot.discord.clickButton(dora, message, skipSecond).awaitCallback(WAIT);
            assertEquals(7, resumed.type());
            assertTrue(resumed.message().embeds().get(0).path("footer").path("text").asText().startsWith("Question 3 of 10"),
                    resumed.message().embeds().toString());
        }
    }
}
