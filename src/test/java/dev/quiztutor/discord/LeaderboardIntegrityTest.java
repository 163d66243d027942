package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the public leaderboard shows, through the real JDA and the fake Discord: points that cannot
 * be farmed, names shown as members wrote them (never as links), and the month of the server's time
 * zone. Also how a topic test acknowledges a pick. Each test has a bot (and a server) of its own, so
 * boards do not mix.
 */
class LeaderboardIntegrityTest {
    static final String TOPIC = "mlops-maturity-levels";

    @TempDir
    Path dir;
    TestClock clock = new TestClock("2026-11-15T12:00:00Z");
    BotHarness bot;
    FakeDiscord discord;
    FakeChannel channel;

    private void start() throws Exception {
        bot = new BotHarness(dir, clock);
        discord = bot.discord;
        channel = discord.channel("practice");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            discord.assertNoProtocolViolations();
            discord.assertNoProblems();
            bot.close();
        }
    }

    /** A public practice post, answered right by each of {@code members}. */
    private void solveAPost(FakeUser... members) {
        InteractionHandle handle = discord.slashCommand(members[0], channel, "practice",
                InteractionOption.string("topic", TOPIC));
        assertEquals(4, handle.awaitCallback(WAIT).type());
        FakeMessage post = handle.awaitResponseMessage(WAIT);
        Question q = bot.questionOf(post);
        for (FakeUser member : members) {
            Callback right = discord.clickButton(member, post, new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode())
                    .awaitCallback(WAIT);
            assertTrue(right.content().startsWith("✅ **Right!**"), right.content());
        }
    }

    private Callback leaderboard(FakeUser member) {
        Callback board = discord.slashCommand(member, channel, "leaderboard").awaitCallback(WAIT);
        assertFalse(board.isEphemeral(), "the leaderboard is public");
        return board;
    }

    private static String description(Callback board) {
        assertEquals(1, board.embeds().size(), board.body());
        return board.embeds().get(0).path("description").asText();
    }

    @Test
    void walkingThroughALessonAgainAndAgainScoresNothing() throws Exception {
        start();
        FakeUser farmer = discord.user("farmer");
        Topic topic = bot.bank().topic(TOPIC).orElseThrow();
        List<Question> quiz = topic.lesson().orElseThrow().quiz();
        for (int round = 1; round <= 5; round++) {
            InteractionHandle learn = discord.slashCommand(farmer, channel, "learn", InteractionOption.string("topic", TOPIC));
            assertTrue(learn.awaitCallback(WAIT).isEphemeral());
            FakeMessage page = learn.awaitResponseMessage(WAIT);
            int index = 0;
            while (page.customIds().stream().noneMatch(id -> id.startsWith("qt1:la:"))) {
                index++;
                page = discord.clickButton(farmer, page, new CustomId.LessonPage(TOPIC, index).encode()).awaitCallback(WAIT)
                        .message();
            }
            String text = page.embeds().get(0).path("description").asText();
            Question q = quiz.stream().filter(x -> text.contains(x.prompt())).findFirst().orElseThrow();
            Callback answer = discord.clickButton(farmer, page,
                    new CustomId.LessonAnswer(TOPIC, index, q.answerLetters().get(0)).encode()).awaitCallback(WAIT);
            assertTrue(answer.isEphemeral());
            assertTrue(answer.content().startsWith("✅ **Right!**"), "a lesson's answer is still graded: " + answer.content());
        }
        Callback empty = leaderboard(farmer);
        assertTrue(empty.content().startsWith("Nobody has finished a question here this month."),
                "five lessons put nobody on the board: " + empty.body());

        solveAPost(farmer);
        String board = description(leaderboard(farmer));
        assertTrue(board.contains("**Farmer** · 1.0 points · 1/1 right"), "only the post counts: " + board);
    }

    @Test
    void namesAreShownAsWrittenAndNeverAsLinks() throws Exception {
        start();
        FakeUser mallory = discord.user("mallory");
        FakeUser john = discord.user("john");
        discord.member(mallory).setNickname("[Free Nitro](https://evil.example)");
        discord.member(john).setNickname("john_doe");
        solveAPost(mallory, john);

        String board = description(leaderboard(john));
        assertTrue(board.contains("**\\[Free Nitro\\](https\\://evil.example)**"), "escaped, so shown as typed: " + board);
        assertFalse(board.contains("[Free Nitro]"), "no masked link, its brackets are escaped: " + board);
        assertFalse(board.contains("https:"), "no bare link either: " + board);
        assertTrue(board.contains("**john\\_doe**"), "the underscore is kept, escaped: " + board);
    }

    @Test
    void thisMonthBeginsAtMidnightInTheServersTimeZone() throws Exception {
        clock.set("2026-11-30T10:30:00Z");                  // Auckland: 23:30 on 30 November
        start();
        FakeUser mod = discord.moderator("mod");
        FakeUser kiri = discord.user("kiri");
        Callback set = discord.slashCommand(mod, channel, "schedule", InteractionOption.subcommand("timezone",
                InteractionOption.string("timezone", "Pacific/Auckland"))).awaitCallback(WAIT);
        assertTrue(set.isEphemeral());
        assertEquals("This server's time zone is now Pacific/Auckland: /leaderboard's month begins at midnight there.",
                set.content());
        solveAPost(kiri);
        Callback november = leaderboard(kiri);
        assertEquals("Leaderboard · November 2026", november.embeds().get(0).path("title").asText());
        assertTrue(description(november).contains("**Kiri** · 1.0 points"), november.body());

        clock.set("2026-11-30T11:30:00Z");                  // Auckland: 00:30 on 1 December; UTC: still November
        Callback december = leaderboard(kiri);
        assertTrue(december.content().startsWith("Nobody has finished a question here this month."),
                "a new month in Auckland: " + december.body());
        solveAPost(kiri);
        Callback now = leaderboard(kiri);
        assertEquals("Leaderboard · December 2026", now.embeds().get(0).path("title").asText());
        assertTrue(description(now).contains("**Kiri** · 1.0 points · 1/1 right"), now.body());

        Callback cleared = discord.slashCommand(mod, channel, "schedule", InteractionOption.subcommand("timezone"))
                .awaitCallback(WAIT);
        assertTrue(cleared.content().startsWith("This server's time zone is UTC again"), cleared.content());
        assertTrue(description(leaderboard(kiri)).contains("**Kiri** · 2.0 points · 2/2 right"),
                "in UTC both answers were in November");
        Callback notAZone = discord.slashCommand(mod, channel, "schedule", InteractionOption.subcommand("timezone",
                InteractionOption.string("timezone", "Mars/Olympus"))).awaitCallback(WAIT);
        assertFalse(notAZone.content().startsWith("This server's time zone is now"), notAZone.content());
    }

    @Test
    void aPickInATestsMenuIsAcknowledgedWithoutRewritingTheMessage() throws Exception {
        start();
        FakeUser max = discord.user("max");
        FakeMessage message = null;
        for (int tries = 0; tries < 5 && message == null; tries++) {
            InteractionHandle start = discord.slashCommand(max, channel, "test", InteractionOption.string("topic", TOPIC));
            start.awaitCallback(WAIT);
            message = blanksQuestionOf(max, start.awaitResponseMessage(WAIT)).orElse(null);
        }
        assertTrue(message != null, "no test had a fill-in-the-blanks question");
        String footer = message.embeds().get(0).path("footer").path("text").asText();
        List<String> menus = message.customIds().stream().filter(id -> id.startsWith("qt1:tb:")).toList();
        int editsBefore = message.editCount();
        for (String menu : menus) {
            Callback picked = discord.selectMenu(max, message, menu, "A").awaitCallback(WAIT);
            assertEquals(6, picked.type(), "acknowledged, the message left as it is: " + picked);
            assertFalse(picked.body().contains("\"components\""), picked.body());
        }
        assertEquals(editsBefore, discord.messageById(message.id()).editCount(), "no edit of the test's message");
        String submit = message.customIds().stream().filter(id -> id.startsWith("qt1:ts:")).findFirst().orElseThrow();
        Callback next = discord.clickButton(max, message, submit).awaitCallback(WAIT);
        assertEquals(7, next.type());
        assertFalse(footer.equals(next.message().embeds().get(0).path("footer").path("text").asText()),
                "the picks were kept for Submit, which moved the test on: " + next.message().embeds());
    }

    /** Skips through a test to its first fill-in-the-blanks question, if it has one. */
    private Optional<FakeMessage> blanksQuestionOf(FakeUser user, FakeMessage message) {
        while (message.customIds().stream().anyMatch(id -> id.startsWith("qt1:tk:"))) {
            if (message.customIds().stream().anyMatch(id -> id.startsWith("qt1:tb:"))) {
                return Optional.of(message);
            }
            String skip = message.customIds().stream().filter(id -> id.startsWith("qt1:tk:")).findFirst().orElseThrow();
            message = discord.clickButton(user, message, skip).awaitCallback(WAIT).message();
        }
        return Optional.empty();
    }
}
