package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live "answered · right" line of public posts, as members see it: through the real JDA against
 * the fake Discord, with its rate limits where they matter.
 */
class LiveCountTest {

    private static FakeMessage post(BotHarness bot, FakeUser user, FakeChannel channel) {
        InteractionHandle posted = bot.discord.slashCommand(user, channel, "practice");
        posted.awaitCallback(WAIT);
        return posted.awaitResponseMessage(WAIT);
    }

    private static String answer(Question q, boolean right) {
        String letter = q.answerLetters().get(0);
        return new CustomId.Answer(q.ref(), right ? letter : letter.equals("A") ? "B" : "A").encode();
    }

    private static boolean editOf(RecordedRequest r, FakeMessage post) {
        return r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString());
    }

    private static String footer(BotHarness bot, FakeMessage post) {
        return bot.discord.messageById(post.id()).embeds().get(0).path("footer").path("text").asText();
    }

    @Test
    void theFirstAnswerOnAPostShowsInItsCount(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser ann = bot.discord.user("ann");
            FakeMessage post = post(bot, ann, bot.discord.channel("practice"));
            assertTrue(footer(bot, post).startsWith("Be the first to answer!"), footer(bot, post));

            bot.discord.clickButton(ann, post, answer(bot.questionOf(post), false)).awaitCallback(WAIT);

            bot.discord.awaitRequest(r -> editOf(r, post) && r.body().contains("1 answered · 0 right"), WAIT);
            assertTrue(footer(bot, post).startsWith("1 answered · 0 right"), footer(bot, post));
            bot.discord.assertNoProtocolViolations();
        }
    }

    @Test
    void theFirstAnswerAfterARestartShowsInTheCount(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser ann = bot.discord.user("ann");
            FakeUser ben = bot.discord.user("ben");
            FakeMessage post = post(bot, ann, bot.discord.channel("practice"));
            Question q = bot.questionOf(post);
            bot.discord.clickButton(ann, post, answer(q, true)).awaitCallback(WAIT);
            bot.discord.awaitRequest(r -> editOf(r, post) && r.body().contains("1 answered · 1 right"), WAIT);

            bot.restart(bot.bank());
            bot.discord.clickButton(ben, post, answer(q, false)).awaitCallback(WAIT);

            bot.discord.awaitRequest(r -> editOf(r, post) && r.body().contains("2 answered · 1 right"), WAIT);
            assertTrue(footer(bot, post).startsWith("2 answered · 1 right"), footer(bot, post));
            bot.discord.assertNoProtocolViolations();
        }
    }

    /**
     * Three busy posts in one channel, whose edits share one rate-limit bucket of one edit a second,
     * while the bot would like to refresh each of them every second. Edits must not queue up behind
     * the limit: once the clicks stop, each post gets at most the edit already on its way and one
     * with the final figures, and those figures are right.
     */
    @Test
    void busyPostsInARateLimitedChannelGetFewEditsAndTheRightFinalCount(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeChannel channel = bot.discord.channel("practice");
            List<FakeMessage> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                posts.add(post(bot, bot.discord.user("poster" + i), channel));
            }
            bot.discord.rateLimits().enable(1, Duration.ofSeconds(1));
            int[] answered = new int[posts.size()];
            int[] right = new int[posts.size()];
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            int users = 0;
            while (System.nanoTime() < until) {
                List<InteractionHandle> clicks = new ArrayList<>();
                for (int p = 0; p < posts.size(); p++) {
                    FakeMessage post = posts.get(p);
                    boolean isRight = users % 3 == 0;
                    FakeUser user = bot.discord.user("member" + users++);
                    clicks.add(bot.discord.clickButton(user, post, answer(bot.questionOf(post), isRight)));
                    answered[p]++;
                    right[p] += isRight ? 1 : 0;
                }
                clicks.forEach(c -> c.awaitCallback(WAIT));
                Thread.sleep(100);
            }
            int lastClick = bot.discord.requests().size();

            for (int p = 0; p < posts.size(); p++) {
                FakeMessage post = posts.get(p);
                String figures = answered[p] + " answered · " + right[p] + " right";
                bot.discord.awaitRequest(r -> editOf(r, post) && r.body().contains(figures), WAIT);
            }
            Thread.sleep(2500);
            List<RecordedRequest> requests = bot.discord.requests();
            long editsAfter = requests.subList(lastClick, requests.size()).stream()
                    .filter(r -> posts.stream().anyMatch(post -> editOf(r, post)) && r.status() < 300).count();
            assertTrue(editsAfter <= 2L * posts.size(), "edits sent after the last click: " + editsAfter
                    + " (at most one in flight and one with the final figures per post)");
            for (int p = 0; p < posts.size(); p++) {
                assertTrue(footer(bot, posts.get(p)).startsWith(answered[p] + " answered · " + right[p] + " right"),
                        "the post shows its final figures: " + footer(bot, posts.get(p)));
            }
            assertEquals(0, bot.discord.rateLimits().ignoredGlobalRetryAfterCount());
            bot.discord.assertNoProtocolViolations();
        }
    }
}
