package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.store.Figures;
import dev.quiztutor.store.MemberData;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /forget-me through the real JDA against the fake Discord: a member with history in two servers
 * sees what is kept, asks, confirms, and is gone from both leaderboards and /progress everywhere,
 * while another member keeps everything; a second, stale or forged confirm is answered politely.
 */
class DiscordForgetMeTest {
    static final String TOPIC = "mlops-maturity-levels";

    private static FakeMessage post(FakeDiscord discord, FakeUser user, FakeChannel channel) {
        InteractionHandle handle = discord.slashCommand(user, channel, "practice", InteractionOption.string("topic", TOPIC));
        assertFalse(handle.awaitCallback(WAIT).isEphemeral());
        return handle.awaitResponseMessage(WAIT);
    }

    private static Callback answer(FakeDiscord discord, FakeUser user, FakeMessage post, Question q, boolean right) {
        String letter = right ? q.answerLetters().get(0) : q.answerLetters().get(0).equals("A") ? "B" : "A";
        Callback callback = discord.clickButton(user, post, new CustomId.Answer(q.ref(), letter).encode()).awaitCallback(WAIT);
        assertTrue(callback.isEphemeral(), callback.toString());
        return callback;
    }

    private static String board(FakeDiscord discord, FakeUser user, FakeChannel channel, String period) {
        Callback board = discord.slashCommand(user, channel, "leaderboard", InteractionOption.string("period", period))
                .awaitCallback(WAIT);
        return board.content() + board.embeds();
    }

    private static String progress(FakeDiscord discord, FakeUser user, FakeChannel channel) {
        // /progress defers while it draws its chart: what the member reads is the response message.
        var handle = discord.slashCommand(user, channel, "progress");
        assertTrue(handle.awaitCallback(WAIT).isEphemeral());
        var progress = handle.awaitResponseMessage(WAIT);
        assertTrue(progress.isEphemeral() && !progress.isLoading(), progress.toString());
        return progress.content() + progress.embeds();
    }

    @Test
    void aMemberWithHistoryInTwoServersIsForgottenEverywhereAndNobodyElseIs(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand(ForgetFeature.NAME, WAIT);
            FakeChannel home = discord.channel("practice");
            FakeGuild other = discord.createGuild("Elsewhere");
            FakeChannel elsewhere = other.textChannel("general");
            FakeUser ana = discord.user("ana");
            FakeUser ben = discord.user("ben");
            other.member(ana);
            other.member(ben);

            FakeMessage first = post(discord, ana, home);
            Question q1 = bot.questionOf(first);
            answer(discord, ana, first, q1, true);
            answer(discord, ben, first, q1, true);
            FakeMessage second = post(discord, ana, elsewhere);
            Question q2 = bot.questionOf(second);
            answer(discord, ana, second, q2, true);
            answer(discord, ben, second, q2, true);
            FakeMessage open = post(discord, ben, home);
            Question q3 = bot.questionOf(open);
            answer(discord, ana, open, q3, false);             // an attempt still open, held in the bot's memory
            assertTrue(discord.slashCommand(ana, home, "test", InteractionOption.string("topic", TOPIC))
                    .awaitCallback(WAIT).isEphemeral(), "a test in progress");
            assertTrue(board(discord, ben, home, "all").contains("Ana"));
            assertTrue(board(discord, ben, elsewhere, "all").contains("Ana"));
            MemberData.Records bens = bot.storage().members().inventory(ben.id());

            Callback asked = discord.slashCommand(ana, home, ForgetFeature.NAME).awaitCallback(WAIT);
            assertTrue(asked.isEphemeral(), "private: " + asked);
            assertTrue(asked.content().startsWith("I keep, in every server: 3 answers, your figures in 2 servers, "
                    + "1 test in progress"), asked.content());
            assertTrue(asked.content().contains("your name in 2 servers"), asked.content());
            assertTrue(board(discord, ben, home, "month").contains("Ana"), "asking deletes nothing");
            FakeMessage confirm = asked.message();
            String button = confirm.customIds().get(0);

            Callback done = discord.clickButton(ana, confirm, button).awaitCallback(WAIT);
            assertEquals(7, done.type(), "the question is replaced by the answer: " + done);
            assertTrue(done.content().startsWith("🗑️ Deleted 3 answers, your figures in 2 servers, 1 test in progress, "),
                    done.content());
            assertTrue(done.content().contains("your name in 2 servers"), done.content());
            assertTrue(done.components().isEmpty(), "no button left to press: " + done.body());

            assertTrue(bot.storage().members().inventory(ana.id()).isEmpty(), "nothing left in the store");
            for (String period : new String[] {"month", "all"}) {
                String homeBoard = board(discord, ben, home, period);
                assertFalse(homeBoard.contains("Ana"), period + ": " + homeBoard);
                assertTrue(homeBoard.contains("Ben"), period + ": " + homeBoard);
                String otherBoard = board(discord, ben, elsewhere, period);
                assertFalse(otherBoard.contains("Ana"), period + ": " + otherBoard);
                assertTrue(otherBoard.contains("Ben"), period + ": " + otherBoard);
            }
            assertTrue(progress(discord, ana, home).startsWith("You have not finished a question here yet"));
            assertTrue(progress(discord, ana, elsewhere).startsWith("You have not finished a question here yet"));
            assertTrue(progress(discord, ben, elsewhere).contains("**1** answered · **1** right"), "Ben keeps his figures");
            assertEquals(bens, bot.storage().members().inventory(ben.id()), "nothing of Ben's was touched");

            // The open attempt left the bot's memory too: answering now is a fresh first try, worth a full point.
            assertTrue(answer(discord, ana, open, q3, true).content().startsWith("✅ **Right!**"));
            assertEquals(new Figures.Totals(1, 1, 1.0), bot.storage().figures()
                    .progress(discord.guild().id(), ana.id()).overall(), "the try made before /forget-me is gone");

            Callback again = discord.clickUnchecked(ana, confirm, button).awaitCallback(WAIT);
            assertTrue(again.content().startsWith("🗑️ Deleted 1 answer, your figures in 1 server"),
                    "pressed again later, it deletes what was made since: " + again.content());
            Callback forged = discord.clickUnchecked(ben, open, new CustomId.ForgetMe(ana.id()).encode()).awaitCallback(WAIT);
            assertTrue(forged.isEphemeral() && forged.content().contains("someone else's"), forged.toString());
            assertEquals(bens, bot.storage().members().inventory(ben.id()));
            Callback stale = discord.clickUnchecked(ana, open, "qt1:fm:not-an-id").awaitCallback(WAIT);
            assertEquals(Polite.STALE, stale.content());
            discord.assertNoProtocolViolations();
        }
    }
}
