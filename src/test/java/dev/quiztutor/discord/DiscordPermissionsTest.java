package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.discord.fake.RecordedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Discord refuses the bot, and how members still get what they asked for: a channel where the
 * bot may not post, and a public command whose answer turns out to be private after Discord was
 * told to show a public "thinking...".
 */
class DiscordPermissionsTest {

    private static FakeMessage post(FakeDiscord discord, FakeUser user, FakeChannel channel) {
        InteractionHandle handle = discord.slashCommand(user, channel, "practice");
        handle.awaitCallback(WAIT);
        return handle.awaitResponseMessage(WAIT);
    }

    private static void answer(FakeDiscord discord, BotHarness bot, FakeUser user, FakeMessage post) {
        Question q = bot.questionOf(post);
        Callback callback = discord.clickButton(user, post, new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode())
                .awaitCallback(WAIT);
        assertEquals(64, callback.flags() & 64, "private feedback: " + callback);
    }

    private static RecordedRequest awaitCount(FakeDiscord discord, FakeMessage post, String count) {
        return discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                && r.body().contains(count), WAIT);
    }

    @Test
    void aChannelWhereTheBotMayNotPostDoesNotStopTheLiveCountsElsewhere(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            FakeChannel muted = discord.channel("announcements").denyBot(Permission.MESSAGE_SEND);
            FakeChannel practice = discord.channel("practice");
            FakeUser ada = discord.user("ada");
            FakeUser bob = discord.user("bob");
            FakeUser cy = discord.user("cy");

            // Interaction replies need no channel permission: members can still practise there.
            FakeMessage mutedPost = post(discord, ada, muted);
            answer(discord, bot, ada, mutedPost);
            answer(discord, bot, bob, mutedPost);
            FakeMessage post = post(discord, ada, practice);
            answer(discord, bot, ada, post);
            answer(discord, bot, bob, post);
            awaitCount(discord, post, "2 answered");
            answer(discord, bot, cy, post);
            awaitCount(discord, post, "3 answered");

            assertTrue(discord.requests().stream().noneMatch(r -> r.path().startsWith("/channels/" + muted.idString())),
                    "JDA knows the bot may not edit there, so nothing is sent");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aPrivateAnswerToAPublicCommandThatWasDeferredIsPrivateAndTheThinkingMessageGoes(@TempDir Path dir)
            throws Exception {
        // Every stored answer takes 1.5 s and the watchdog defers after 0.2 s; the harness has 4 workers.
        try (BotHarness bot = new BotHarness(dir, Fixtures.seedBank(), Duration.ofMillis(1500), Duration.ofMillis(200),
                Clock.systemUTC())) {
            FakeDiscord discord = bot.discord;
            FakeChannel practice = discord.channel("practice");
            // On Discord the delete and the follow-up, on different routes, may complete in either order.
            discord.routeLatency("DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original", Duration.ofMillis(500));
            FakeMessage post = post(discord, discord.user("ann"), practice);
            Question q = bot.questionOf(post);
            List<InteractionHandle> busy = new ArrayList<>();
            for (String name : List.of("w1", "w2", "w3", "w4")) {
                busy.add(discord.clickButton(discord.user(name), post,
                        new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode()));
            }

            FakeUser ida = discord.user("ida");
            InteractionHandle typo = discord.slashCommand(ida, practice, "practice", InteractionOption.string("topic", "chemistry"));
            Callback thinking = typo.awaitCallback(WAIT);
            assertEquals(5, thinking.type(), "the workers are busy: the watchdog defers, publicly as /practice posts");
            assertFalse(thinking.isEphemeral());

            typo.awaitFollowUps(1, WAIT);
            discord.awaitRequest(r -> r.method().equals("DELETE") && r.path().endsWith("/messages/@original")
                    && r.path().contains(typo.token()), WAIT);
            assertTrue(typo.originalMessage().isDeleted(), "the public thinking message is gone");
            List<FakeMessage> answers = typo.followUpMessages();
            assertEquals(1, answers.size(), "the answer is a message of its own, not the public thinking message edited");
            assertTrue(answers.get(0).isEphemeral(), "only ida sees it");
            assertTrue(answers.get(0).content().startsWith("There is no topic \"chemistry\""), answers.get(0).content());
            assertTrue(practice.messages().stream().filter(m -> !m.isEphemeral())
                    .noneMatch(m -> m.content().contains("chemistry")), "nobody else saw it");
            busy.forEach(h -> h.awaitResponseMessage(WAIT));
            discord.assertNoProtocolViolations();
        }
    }
}
