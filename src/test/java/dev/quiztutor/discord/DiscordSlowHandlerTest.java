package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When storage is slow, the member still never sees "interaction failed": the bot defers within the
 * deadline and sends the feedback through the interaction hook when it is ready.
 */
class DiscordSlowHandlerTest {

    @Test
    void aSlowAnswerIsDeferredThenDelivered(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir, Fixtures.seedBank(), Duration.ofMillis(1200), Duration.ofMillis(200),
                java.time.Clock.systemUTC())) {
            FakeUser ann = bot.discord.user("ann");
            InteractionHandle posted = bot.discord.slashCommand(ann, bot.discord.channel("practice"), "practice");
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);

            InteractionHandle click = bot.discord.clickButton(ann, post, new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode());
            Callback ack = click.awaitCallback(WAIT);
            assertEquals(5, ack.type(), "deferred: " + ack);
            assertTrue(ack.isEphemeral(), "the deferral is private, like the answer it stands for");
            assertTrue(ack.latency().compareTo(Duration.ofMillis(1000)) < 0, "deferred long before the handler finished: "
                    + ack.latency());
            RecordedRequest answer = click.awaitOriginalEdit(WAIT);
            assertTrue(answer.content().startsWith("✅ **Right!**"), answer.body());
            bot.discord.assertNoProtocolViolations();
            bot.discord.assertNoProblems();
        }
    }
}
