package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.Rating;
import dev.quiztutor.tutor.review.Review;
import dev.quiztutor.tutor.progress.ProgressPicture;
import dev.quiztutor.tutor.progress.ProgressText;
import dev.quiztutor.tutor.progress.WeekOfRightAnswers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot end to end: the real JDA connected to a fake Discord that checks every request against
 * Discord's OpenAPI spec. Several members use the same posts; each assertion is what a member sees.
 */
class DiscordEndToEndTest {
    @TempDir
    static Path dir;
    static BotHarness bot;
    static FakeDiscord discord;
    static FakeChannel channel;
    static int users;

    @BeforeAll
    static void start() throws Exception {
        bot = new BotHarness(dir);
        discord = bot.discord;
        channel = discord.channel("practice");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @AfterEach
    void protocolWasRespected() {
        discord.assertNoProtocolViolations();
        discord.assertNoProblems();
    }

    /** A fresh member per test, so tests do not share attempts. */
    private static FakeUser member(String name) {
        return discord.user(name + "-" + (++users));
    }

    private static FakeMessage post(FakeUser user, String command, InteractionOption... options) {
        InteractionHandle handle = discord.slashCommand(user, channel, command, options);
        Callback callback = handle.awaitCallback(WAIT);
        assertEquals(4, callback.type(), callback.toString());
        assertFalse(callback.isEphemeral(), "a practice post is public");
        quickAndSilent(callback);
        return handle.awaitResponseMessage(WAIT);
    }

    private static Callback click(FakeUser user, FakeMessage message, String customId) {
        Callback callback = discord.clickButton(user, message, customId).awaitCallback(WAIT);
        quickAndSilent(callback);
        return callback;
    }

    /** Every answer comes well within Discord's 3 seconds and may ping nobody. */
    private static void quickAndSilent(Callback callback) {
        assertTrue(callback.latency().compareTo(Duration.ofSeconds(3)) < 0, "acknowledged after " + callback.latency());
        JsonNode mentions = callback.allowedMentions();
        if (callback.type() == 4 || callback.type() == 7) {
            assertTrue(mentions != null && mentions.path("parse").isArray() && mentions.path("parse").isEmpty()
                    && !mentions.has("roles") && !mentions.has("users"), "no mentions allowed: " + callback.body());
        }
    }

    private static Callback privately(Callback callback) {
        assertEquals(4, callback.type(), callback.toString());
        assertTrue(callback.isEphemeral(), "private feedback is ephemeral (flags 64): " + callback);
        assertEquals(64, callback.flags() & 64);
        return callback;
    }

    private static String answer(Question q, String letter) {
        return new CustomId.Answer(q.ref(), letter).encode();
    }

    private static String wrong(Question q) {
        return q.answerLetters().get(0).equals("A") ? "B" : "A";
    }

    private static String right(Question q) {
        return q.answerLetters().get(0);
    }

    private static String solutionText(Callback callback) {
        JsonNode embeds = callback.embeds();
        assertEquals(1, embeds.size(), "the solution comes with it: " + callback.body());
        assertEquals("Solution", embeds.get(0).path("title").asText());
        return embeds.get(0).path("description").asText();
    }

    @Test
    void twoMembersOnOnePostEachGetTheirOwnPrivateFeedback() {
        FakeUser alice = member("alice");
        FakeUser bob = member("bob");
        FakeMessage post = post(alice, "practice", InteractionOption.string("topic", "mlops-maturity-levels"));
        Question q = bot.questionOf(post);
        assertEquals(QuestionKind.CHOICE, q.kind());
        assertTrue(post.embeds().get(0).path("description").asText().contains(q.prompt().lines().findFirst().orElseThrow()));
        assertTrue(post.buttonLabels().containsAll(List.of("💡 Hint", "Show solution")), post.buttonLabels().toString());
        assertTrue(post.buttonLabels().contains("A. " + q.type().option("A").orElseThrow().text()));

        Callback aliceWrong = privately(click(alice, post, answer(q, wrong(q))));
        assertTrue(aliceWrong.content().startsWith("❌ **Not right.** 2 tries left."), aliceWrong.content());
        Callback bobRight = privately(click(bob, post, answer(q, right(q))));
        assertTrue(bobRight.content().startsWith("✅ **Right!** 1.00 point"), bobRight.content());
        assertTrue(solutionText(bobRight).startsWith("**1. "), "numbered steps");
        Callback aliceAgain = privately(click(alice, post, answer(q, wrong(q))));
        assertTrue(aliceAgain.content().contains("1 try left"), "Bob's answer did not touch Alice's tries: "
                + aliceAgain.content());

        var edit = discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                && r.body().contains("2 answered · 1 right"), WAIT);
        assertTrue(edit.body().contains("\"embeds\""), "the live count is an embed edit");
        assertFalse(edit.body().contains("\"components\""), "the menus and buttons are left as they are");
    }

    @Test
    void wrongWrongWrongThenTheSolution() {
        FakeUser carol = member("carol");
        FakeMessage post = post(carol, "practice", InteractionOption.string("difficulty", "hard"));
        Question q = bot.questionOf(post);
        assertEquals("hard", q.difficulty().label());
        assertTrue(privately(click(carol, post, answer(q, wrong(q)))).content().contains("2 tries left"));
        assertTrue(privately(click(carol, post, answer(q, wrong(q)))).content().contains("1 try left"));
        Callback last = privately(click(carol, post, answer(q, wrong(q))));
        assertTrue(last.content().startsWith("❌ **Not right, and that was your last try.**"), last.content());
        String solution = solutionText(last);
        assertTrue(solution.contains("**1. " + q.solution().steps().get(0).title() + "**"), solution);
        assertTrue(solution.contains("**2. "), solution);
        assertTrue(solution.contains("**Final answer:** " + q.solution().answer()), solution);
        assertTrue(solution.contains("**Quick check:** " + q.solution().quickCheck()), solution);
        assertTrue(solution.contains("**Common mistakes**\n• " + q.mistakes().get(0)), solution);
    }

    @Test
    void hintsComeOneAtATimeAndAreCountedInTheScore() {
        FakeUser dan = member("dan");
        FakeMessage post = post(dan, "practice");
        Question q = bot.questionOf(post);
        String hint = new CustomId.Hint(q.ref()).encode();
        for (int i = 1; i <= q.hints().size(); i++) {
            Callback callback = privately(click(dan, post, hint));
            assertTrue(callback.content().startsWith("💡 **Hint " + i + " of " + q.hints().size() + ":** " + q.hints().get(i - 1)),
                    callback.content());
        }
        assertTrue(privately(click(dan, post, hint)).content().startsWith("No more hints"));
        Callback right = privately(click(dan, post, answer(q, right(q))));
        double expected = Math.max(0, 1 - 0.1 * q.hints().size());
        assertTrue(right.content().contains(String.format(java.util.Locale.ROOT, "%.2f", expected) + " point"), right.content());
        assertTrue(right.content().contains(q.hints().size() + " hints"), right.content());
    }

    @Test
    void aRightAnswerThenAnotherClickCountsNothingMore() {
        FakeUser erin = member("erin");
        FakeMessage post = post(erin, "practice");
        Question q = bot.questionOf(post);
        privately(click(erin, post, answer(q, right(q))));
        Callback again = privately(click(erin, post, answer(q, wrong(q))));
        assertTrue(again.content().startsWith("You have finished this question (solved on try 1, 1.00 point)"), again.content());
        solutionText(again);
        Callback giveUp = privately(click(erin, post, new CustomId.Reveal(q.ref()).encode()));
        assertTrue(giveUp.content().startsWith("You have finished this question"), "giving up after solving changes nothing");
    }

    @Test
    void aDoubleClickAtOnceIsCountedOnce() {
        FakeUser fay = member("fay");
        FakeMessage post = post(fay, "practice");
        Question q = bot.questionOf(post);
        InteractionHandle first = discord.clickButton(fay, post, answer(q, right(q)));
        InteractionHandle second = discord.clickButton(fay, post, answer(q, right(q)));
        List<String> contents = List.of(first.awaitCallback(WAIT).content(), second.awaitCallback(WAIT).content());
        assertEquals(1, contents.stream().filter(c -> c.startsWith("✅ **Right!**")).count(), contents.toString());
        assertEquals(1, contents.stream().filter(c -> c.startsWith("You have finished")).count(), contents.toString());
    }

    @Test
    void giveUpRevealsTheSolutionForNoPoints() {
        FakeUser gus = member("gus");
        FakeMessage post = post(gus, "practice");
        Question q = bot.questionOf(post);
        Callback reveal = privately(click(gus, post, new CustomId.Reveal(q.ref()).encode()));
        assertTrue(reveal.content().contains("Here is the solution. No points this time."), reveal.content());
        solutionText(reveal);
    }

    @Test
    void staleAndForgedButtonsGetAPoliteLine() {
        FakeUser hal = member("hal");
        FakeMessage post = post(hal, "practice");
        Callback unknownQuestion = privately(discord.clickUnchecked(hal, post, "qt1:a:mlops-maturity-levels:gone:A")
                .awaitCallback(WAIT));
        assertEquals(Polite.GONE, unknownQuestion.content());
        for (String forged : List.of("hello", "qt0:a:x:y:A", "qt1:a:mlops-maturity-levels:first-level:Z", "qt1:zz")) {
            Callback callback = privately(discord.clickUnchecked(hal, post, forged).awaitCallback(WAIT));
            assertEquals(Polite.STALE, callback.content(), forged);
        }
        Question q = bot.questionOf(post);
        Callback notAnOption = privately(discord.clickUnchecked(hal, post, answer(q, "Q")).awaitCallback(WAIT));
        assertEquals(Polite.STALE, notAnOption.content());
    }

    @Test
    void anUnknownTopicOrDifficultySaysWhatIsValid() {
        FakeUser ida = member("ida");
        Callback topic = privately(discord.slashCommand(ida, channel, "practice", InteractionOption.string("topic", "chemistry"))
                .awaitCallback(WAIT));
        assertEquals("There is no topic \"chemistry\". Topics: `mlops-maturity-levels`. Use /topics to see them all.",
                topic.content());
        Callback difficulty = privately(discord.slashCommand(ida, channel, "code",
                InteractionOption.string("difficulty", "impossible")).awaitCallback(WAIT));
        assertEquals("\"impossible\" is not a difficulty; choose easy, medium or hard.", difficulty.content());
        Callback learn = privately(discord.slashCommand(ida, channel, "learn", InteractionOption.string("topic", "@everyone"))
                .awaitCallback(WAIT));
        assertTrue(learn.content().contains("@\u200Beveryone"), "quoted text cannot look like a ping: " + learn.content());
    }

    @Test
    void topicsAutocompleteFromTheBank() {
        Callback choices = discord.autocomplete(member("jo"), channel, "practice", "topic", "mlo").awaitCallback(WAIT);
        assertEquals(8, choices.type());
        assertEquals("mlops-maturity-levels", choices.choices().get(0).path("value").asText());
        assertEquals("MLOps maturity levels", choices.choices().get(0).path("name").asText());
        Callback none = discord.autocomplete(member("jo"), channel, "test", "topic", "zzz").awaitCallback(WAIT);
        assertEquals(0, none.choices().size());
    }

    @Test
    void aBlanksTaskHoldsEachMembersPicksUntilCheck() {
        FakeUser kim = member("kim");
        FakeUser lee = member("lee");
        FakeMessage post = post(kim, "code", InteractionOption.string("difficulty", "hard"));
        Question q = bot.questionOf(post);
        assertEquals(QuestionKind.BLANKS, q.kind());
        assertTrue(post.embeds().get(0).path("description").asText().contains("```python"), "the code in a code block");

        Callback early = privately(click(kim, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(early.content().startsWith("Pick an option for blank [1] first"), early.content());

        List<String> wrongPicks = new ArrayList<>();
        for (int blank = 1; blank <= q.parts(); blank++) {
            String right = q.answerLetters().get(blank - 1);
            String pick = blank == 1 ? (right.equals("A") ? "B" : "A") : right;
            wrongPicks.add(pick);
            Callback picked = discord.selectMenu(kim, post, new CustomId.Blank(q.ref(), blank).encode(), pick).awaitCallback(WAIT);
            assertEquals(6, picked.type(), "a pick is acknowledged silently: " + picked);
            // Lee picks the right letters on the same post; Kim's picks must stay Kim's.
            discord.selectMenu(lee, post, new CustomId.Blank(q.ref(), blank).encode(), right).awaitCallback(WAIT);
        }
        Callback kimChecks = privately(click(kim, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(kimChecks.content().startsWith("Your answer: [1] " + wrongPicks.get(0)), kimChecks.content());
        assertTrue(kimChecks.content().contains(q.parts() == 1 ? "❌ **Not right.** 2 tries left."
                : "❌ **" + (q.parts() - 1) + " of " + q.parts() + " blanks right.** 2 tries left."),
                kimChecks.content());
        Callback leeChecks = privately(click(lee, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(leeChecks.content().contains("✅ **Right!**"), leeChecks.content());
        assertTrue(solutionText(leeChecks).contains("```python"), "the filled code in the solution");
    }

    @Test
    void aTopicTestRunsToItsReport() {
        FakeUser max = member("max");
        InteractionHandle start = discord.slashCommand(max, channel, "test");
        Callback first = privately(start.awaitCallback(WAIT));
        FakeMessage message = start.awaitResponseMessage(WAIT);
        assertTrue(first.embeds().get(0).path("description").asText().contains("Nothing is marked until the end."));
        int answered = 0;
        int expectedRight = 0;
        while (!message.embeds().get(0).path("title").asText().startsWith("Test report")) {
            String description = message.embeds().get(0).path("description").asText();
            assertTrue(description.contains("░"), "a progress bar");
            Question q = bot.bank().questions().filter(x -> description.contains(x.prompt())).findFirst().orElseThrow();
            boolean answerRight = answered % 2 == 0;
            Callback next;
            if (q.kind() == QuestionKind.BLANKS) {
                for (int blank = 1; blank <= q.parts(); blank++) {
                    String letter = answerRight ? q.answerLetters().get(blank - 1) : q.answerLetters().get(blank - 1).equals("A") ? "B" : "A";
                    String menu = message.customIds().stream().filter(id -> id.startsWith("qt1:tb:")).toList().get(blank - 1);
                    Callback picked = discord.selectMenu(max, message, menu, letter).awaitCallback(WAIT);
                    assertEquals(6, picked.type(), "a pick is acknowledged, the message left as it is");
                }
                String submit = message.customIds().stream().filter(id -> id.startsWith("qt1:ts:")).findFirst().orElseThrow();
                next = click(max, message, submit);
            } else {
                String letter = answerRight ? right(q) : wrong(q);
                String button = message.customIds().stream().filter(id -> id.startsWith("qt1:ta:") && id.endsWith(":" + letter))
                        .findFirst().orElseThrow();
                next = click(max, message, button);
            }
            assertEquals(7, next.type(), "the test edits its own message");
            assertFalse(next.content().contains("Right") || next.content().contains("Not right"), "no feedback until the end");
            message = next.message();
            expectedRight += answerRight ? 1 : 0;
            answered++;
        }
        assertEquals(10, answered);
        JsonNode report = message.embeds().get(0);
        assertTrue(report.path("description").asText().startsWith("**" + expectedRight + " of 10 right (50%)** · verdict: **getting there**"),
                report.toString());
        assertEquals(3, report.path("fields").size() - 1, "easy, medium and hard, then the missed questions");
        assertEquals("Missed questions", report.path("fields").get(3).path("name").asText());
        // Each answer was kept as an attempt at the test (for review cards and statistics), scoring nothing.
        long guild = discord.guild().id();
        List<Deck.Attempted> kept = bot.storage().cards().attempts(guild, max.id(), java.util.Optional.empty());
        assertEquals(10, kept.size());
        assertEquals(expectedRight, kept.stream()
                .filter(a -> Review.of(a.attempt()).orElseThrow().rating() == Rating.GOOD).count(), "right at once: Good");
        assertEquals(10, bot.storage().cards().deck(guild, max.id()).cards().size(), "a review card per question");
        assertEquals(0, bot.storage().figures().progress(guild, max.id()).overall().answered(), "no figures");
        String solutionButton = message.customIds().stream().filter(id -> id.startsWith("qt1:s:")).findFirst().orElseThrow();
        Callback solution = privately(click(max, message, solutionButton));
        solutionText(solution);
        Callback stale = click(max, message, solutionButton);
        assertEquals(4, stale.type());
    }

    @Test
    void aLessonWalkedForwardAndBack() {
        FakeUser ned = member("ned");
        InteractionHandle start = discord.slashCommand(ned, channel, "learn", InteractionOption.string("topic", "mlops"));
        privately(start.awaitCallback(WAIT));
        FakeMessage page = start.awaitResponseMessage(WAIT);
        assertTrue(page.embeds().get(0).path("title").asText().endsWith("step 1 of 6"), page.embeds().toString());
        assertTrue(page.embeds().get(0).path("description").asText().contains("Step 1 · Level 1: Manual Model Building"));
        Callback next = click(ned, page, "qt1:l:mlops-maturity-levels:1");
        assertEquals(7, next.type());
        assertTrue(next.message().embeds().get(0).path("description").asText().contains("Step 2 · Level 1: Manual Deployment"));
        Callback back = click(ned, next.message(), "qt1:l:mlops-maturity-levels:0");
        assertTrue(back.message().embeds().get(0).path("description").asText().contains("Step 1 · Level 1: Manual Model Building"));
        assertTrue(back.message().component("qt1:l:mlops-maturity-levels:0").path("disabled").asBoolean(),
                "no Previous on the first page");
        FakeMessage current = back.message();
        for (int i = 1; i <= 8; i++) {
            current = click(ned, current, "qt1:l:mlops-maturity-levels:" + i).message();
        }
        JsonNode table = current.embeds().get(0);
        assertTrue(table.path("title").asText().endsWith("Status tracker"), table.toString());
        assertTrue(table.path("description").asText().contains("Maturity Level"), "the table as text");
        assertTrue(table.path("footer").path("text").asText().startsWith("Lesson · page 9 of"));
        for (int i = 9; i <= 11; i++) {
            current = click(ned, current, "qt1:l:mlops-maturity-levels:" + i).message();
        }
        String quiz = current.embeds().get(0).path("description").asText();
        assertTrue(quiz.contains("Look at the process table") && quiz.contains("**Process table**\n```"),
                "the lesson's quiz page shows the table it asks about: " + quiz);
    }

    @Test
    void progressAndLeaderboardShowFiguresAndNamesThatPingNobody() {
        FakeUser olga = member("olga");
        FakeMessage post = post(olga, "practice");
        Question q = bot.questionOf(post);
        privately(click(olga, post, answer(q, right(q))));
        FakeMessage progress = privateAnswer(discord.slashCommand(olga, channel, "progress"));
        String text = progress.embeds().get(0).toString();
        assertTrue(text.contains("**1** answered · **1** right (100%)"), text);
        assertTrue(text.contains("MLOps maturity levels"), text);
        Callback board = discord.slashCommand(olga, channel, "leaderboard").awaitCallback(WAIT);
        assertFalse(board.isEphemeral());
        String boardText = board.embeds().get(0).toString();
        assertTrue(boardText.contains(olga.username()) || boardText.contains(Character.toUpperCase(olga.username().charAt(0))
                + olga.username().substring(1)), boardText);
        assertFalse(boardText.contains("<@"), "names, not mentions: " + boardText);
        assertTrue(board.embeds().get(0).path("footer").path("text").asText().startsWith("You: #"), boardText);
    }

    /**
     * A private answer that may come after a deferral (/progress draws its chart meanwhile): acknowledged
     * privately within Discord's 3 seconds, then the message the member sees.
     */
    private static FakeMessage privateAnswer(InteractionHandle handle) {
        Callback callback = handle.awaitCallback(WAIT);
        assertTrue(callback.type() == 4 || callback.type() == 5, callback.toString());
        assertTrue(callback.isEphemeral(), "private (flags 64) from the first response on: " + callback);
        quickAndSilent(callback);
        FakeMessage message = handle.awaitResponseMessage(WAIT);
        assertTrue(message.isEphemeral() && !message.isLoading(), message.toString());
        return message;
    }

    @Test
    void progressAttachesAChartWithItsAltTextBesideTheFigures() throws Exception {
        FakeUser rita = member("rita");
        FakeMessage post = post(rita, "practice", InteractionOption.string("topic", "mlops-maturity-levels"));
        Question q = bot.questionOf(post);
        privately(click(rita, post, answer(q, right(q))));

        FakeMessage progress = privateAnswer(discord.slashCommand(rita, channel, "progress"));
        JsonNode embed = progress.embeds().get(0);
        assertTrue(embed.toString().contains("**1** answered · **1** right (100%)"), "the figures stay: " + embed);
        JsonNode weeks = embed.path("fields").get(embed.path("fields").size() - 1);
        assertEquals("Last 8 weeks", weeks.path("name").asText());
        int questions = bot.bank().topic("mlops-maturity-levels").orElseThrow().questions().size();
        assertEquals("1 right in the last 8 weeks (" + (q.difficulty() == Difficulty.EASY ? "1 easy, 0 medium, 0 hard"
                        : q.difficulty() == Difficulty.MEDIUM ? "0 easy, 1 medium, 0 hard" : "0 easy, 0 medium, 1 hard")
                        + "); this week 1, best week 1 (from " + ProgressText.weekLabel(WeekOfRightAnswers.none(
                        ProgressPicture.firstMonday(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).plusWeeks(7))) + ").\n"
                        + "Mastered: 1 of the " + questions + " questions of your 1 topic (1 met), those you would still recall tomorrow "
                        + "with at least 90% probability.", weeks.path("value").asText());

        JsonNode attachments = progress.json().path("attachments");
        assertEquals(1, attachments.size(), attachments.toString());
        JsonNode chart = attachments.get(0);
        assertEquals("progress.png", chart.path("filename").asText());
        String alt = chart.path("description").asText();
        assertTrue(alt.startsWith("Bar chart of your right answers per week, the last 8 weeks"), alt);
        assertTrue(alt.endsWith("MLOps maturity levels " + Math.round(100.0 / questions) + "% (1 of " + questions + ")."), alt);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                discord.cdn().content(chart.path("url").asText())));
        assertEquals(800, image.getWidth(), "a PNG ImageIO reads, of the chart's size");
        assertEquals(600, image.getHeight());
    }

    @Test
    void listsAndPersonalFiguresArePrivate() {
        FakeUser pia = member("pia");
        Callback topics = privately(discord.slashCommand(pia, channel, "topics").awaitCallback(WAIT));
        assertEquals("MLOps maturity levels", topics.embeds().get(0).path("fields").get(0).path("name").asText());
        Callback progress = privately(discord.slashCommand(pia, channel, "progress").awaitCallback(WAIT));
        assertTrue(progress.content().startsWith("You have not finished a question here yet"), progress.content());
    }
}
