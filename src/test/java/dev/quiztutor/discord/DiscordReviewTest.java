package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.store.GuildSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /review through the real JDA against the fake Discord, with the bot's clock moved across days: a
 * member's misses come back on the days FSRS gives, in a private message answered with the practice
 * buttons, and /progress counts what is due in the server's time zone.
 */
class DiscordReviewTest {
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock("2026-11-30T10:00:00Z");   // Monday
    private BotHarness bot;
    private FakeDiscord discord;
    private FakeChannel channel;

    @BeforeEach
    void start() throws Exception {
        bot = new BotHarness(dir, clock);
        discord = bot.discord;
        channel = discord.channel("practice");
    }

    @AfterEach
    void stop() {
        try {
            discord.assertNoProtocolViolations();
            discord.assertNoProblems();
        } finally {
            bot.close();
        }
    }

    private static void quickAndSilent(Callback callback) {
        assertTrue(callback.latency().compareTo(Duration.ofSeconds(3)) < 0, "acknowledged after " + callback.latency());
        if (callback.type() == 4 || callback.type() == 7) {
            JsonNode mentions = callback.allowedMentions();
            assertTrue(mentions != null && mentions.path("parse").isArray() && mentions.path("parse").isEmpty(),
                    "no mentions allowed: " + callback.body());
        }
    }

    private FakeMessage post(FakeUser user) {
        InteractionHandle handle = discord.slashCommand(user, channel, "practice",
                InteractionOption.string("topic", "mlops-maturity-levels"));
        quickAndSilent(handle.awaitCallback(WAIT));
        return handle.awaitResponseMessage(WAIT);
    }

    private Callback click(FakeUser user, FakeMessage message, String id) {
        Callback callback = discord.clickButton(user, message, id).awaitCallback(WAIT);
        quickAndSilent(callback);
        return callback;
    }

    private static String wrong(Question q) {
        return q.answerLetters().get(0).equals("A") ? "B" : "A";
    }

    /** Posts practice questions until one is a choice question the member has not met, and returns it. */
    private Question freshChoice(FakeUser user, Set<QuestionRef> met, List<FakeMessage> posted) {
        for (int i = 0; i < 30; i++) {
            FakeMessage post = post(user);
            Question q = bot.questionOf(post);
            if (q.kind() == dev.quiztutor.bank.QuestionKind.CHOICE && met.add(q.ref())) {
                posted.add(post);
                return q;
            }
        }
        throw new AssertionError("no fresh choice question");
    }

    /** The member misses {@code q} on its post: wrong until out of tries. */
    private void miss(FakeUser user, FakeMessage post, Question q) {
        for (int i = 0; i < q.attempts(); i++) {
            Callback c = click(user, post, new CustomId.Answer(q.ref(), wrong(q)).encode());
            assertTrue(c.isEphemeral());
        }
    }

    private InteractionHandle review(FakeUser user, InteractionOption... options) {
        InteractionHandle handle = discord.slashCommand(user, channel, "review", options);
        Callback callback = handle.awaitCallback(WAIT);
        quickAndSilent(callback);
        assertEquals(4, callback.type());
        assertTrue(callback.isEphemeral(), "a review is private: " + callback);
        return handle;
    }

    /** The question a review message shows, from its Hint button. */
    private Question shown(FakeMessage message) {
        for (String id : message.customIds()) {
            if (CustomId.parse(id).orElse(null) instanceof CustomId.ReviewHint hint) {
                return bot.bank().question(hint.question()).orElseThrow();
            }
        }
        throw new AssertionError("no review question on " + message + ": " + message.customIds());
    }

    private static String button(FakeMessage message, String prefix) {
        return message.customIds().stream().filter(id -> id.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " on " + message.customIds()));
    }

    private static String answer(FakeMessage message, Question q, String letter) {
        return message.customIds().stream()
                .filter(id -> CustomId.parse(id).orElse(null) instanceof CustomId.ReviewAnswer a && a.letter().equals(letter))
                .findFirst().orElseThrow();
    }

    private static String footer(FakeMessage message) {
        return message.embeds().get(0).path("footer").path("text").asText();
    }

    @Test
    void aMemberWhoMissedThreeQuestionsOnMondayGetsExactlyThoseBackOnTheDaysFsrsSays() {
        FakeUser anna = discord.user("anna");
        Set<QuestionRef> met = new HashSet<>();
        List<FakeMessage> posts = new ArrayList<>();
        List<Question> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Question q = freshChoice(anna, met, posts);
            miss(anna, posts.get(posts.size() - 1), q);
            missed.add(q);
            clock.advance(Duration.ofMinutes(1));
        }
        Question solved = freshChoice(anna, met, posts);
        click(anna, posts.get(posts.size() - 1), new CustomId.Answer(solved.ref(), solved.answerLetters().get(0)).encode());

        InteractionHandle monday = review(anna);
        assertEquals("Nothing to review today; the next is due on Tue 1 Dec.\nDue tomorrow: **3** · this week: **4**.",
                monday.awaitCallback(WAIT).content());

        // Tuesday noon, a day after the misses: exactly those three, most overdue first.
        clock.set("2026-12-01T12:00:00Z");
        InteractionHandle tuesday = review(anna);
        FakeMessage message = tuesday.awaitResponseMessage(WAIT);
        List<Question> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Question q = shown(message);
            asked.add(q);
            assertTrue(footer(message).startsWith("Question " + (i + 1) + " of 3 due today"), footer(message));
            assertTrue(message.isEphemeral());
            Callback done;
            if (i == 0) {
                done = click(anna, message, answer(message, q, q.answerLetters().get(0)));          // Good
                assertTrue(done.content().startsWith("✅ **Right!**"), done.content());
            } else if (i == 1) {
                Callback wrongTry = click(anna, message, answer(message, q, wrong(q)));
                assertEquals(7, wrongTry.type(), "the review message is updated in place");
                assertTrue(wrongTry.content().startsWith("❌ **Not right.** 2 tries left."), wrongTry.content());
                message = wrongTry.message();
                assertEquals(q, shown(message), "the same question, to try again");
                done = click(anna, message, answer(message, q, q.answerLetters().get(0)));          // Hard
            } else {
                done = click(anna, message, button(message, "qt1:rg:"));                           // Again
                assertTrue(done.content().startsWith("📖 Here is the solution."), done.content());
            }
            assertEquals(7, done.type());
            JsonNode embeds = done.embeds();
            assertEquals("Solution", embeds.get(embeds.size() - 1).path("title").asText(), "the solution at the end");
            message = done.message();
            message = click(anna, message, button(message, "qt1:rn:")).message();
        }
        assertEquals(missed, asked, "the three misses, in the order they were missed");
        assertEquals("✅ **Review done:** 3 questions.\nDue tomorrow: **3** · this week: **4**.", message.content());
        assertTrue(message.customIds().isEmpty(), "nothing left to click");

        // Wednesday: the hard one, the one given up again, and Monday's solved one; not the one recalled.
        clock.set("2026-12-02T12:30:00Z");
        Set<QuestionRef> wednesday = reviewRefs(anna);
        assertEquals(Set.of(missed.get(1).ref(), missed.get(2).ref(), solved.ref()), wednesday);
        // Thursday: the one recalled on Tuesday is back too.
        clock.set("2026-12-03T12:30:00Z");
        assertEquals(Set.of(missed.get(0).ref(), missed.get(1).ref(), missed.get(2).ref(), solved.ref()), reviewRefs(anna));
    }

    /**
     * A member who gave a question up in Tuesday's review and presses that message's Next (Finish) on
     * Wednesday, when the question is due again, gets it asked, as a fresh /review would: Tuesday's
     * session has finished it and cannot ask it again, so Wednesday's review is a new session.
     */
    @Test
    void nextOnYesterdaysReviewAsksWhatIsDueTodayAsAFreshReviewWould() {
        FakeUser cleo = discord.user("cleo");
        List<FakeMessage> posts = new ArrayList<>();
        Question q = freshChoice(cleo, new HashSet<>(), posts);
        miss(cleo, posts.get(0), q);                        // Monday
        clock.set("2026-12-01T12:00:00Z");                  // Tuesday
        FakeMessage message = review(cleo).awaitResponseMessage(WAIT);
        assertEquals(q, shown(message));
        message = click(cleo, message, button(message, "qt1:rg:")).message();       // gave up: due on Wednesday
        String next = button(message, "qt1:rn:");

        clock.set("2026-12-02T09:00:00Z");                  // Wednesday
        FakeMessage wednesday = click(cleo, message, next).message();

        assertEquals(q, shown(wednesday), "the question due today is asked: " + wednesday.content());
        assertTrue(footer(wednesday).startsWith("Question 1 of 1 due today"), footer(wednesday));
        Callback right = click(cleo, wednesday, answer(wednesday, q, q.answerLetters().get(0)));
        assertTrue(right.content().startsWith("✅ **Right!**"), right.content());
        FakeMessage end = click(cleo, right.message(), button(right.message(), "qt1:rn:")).message();
        assertTrue(end.content().startsWith("✅ **Review done:** 1 question."), end.content());
    }

    /**
     * /progress's mastery as a member reads it: a question right at once on a post and in four reviews on
     * the days FSRS gave (stability of weeks), then given up in today's review, is not mastered today, though
     * FSRS alone still gives it recall above 90% tomorrow.
     */
    @Test
    void aQuestionLongKnownAndMissedInTodaysReviewIsNotMasteredInProgress() {
        FakeUser dan = discord.user("dan");
        List<FakeMessage> posts = new ArrayList<>();
        Question q = freshChoice(dan, new HashSet<>(), posts);
        click(dan, posts.get(0), new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode());
        long guild = discord.guild().id();
        for (int i = 0; i < 5; i++) {
            clock.set(bot.storage().cards().deck(guild, dan.id()).card(q.ref()).orElseThrow().due().plus(Duration.ofHours(1)));
            FakeMessage message = review(dan).awaitResponseMessage(WAIT);
            assertEquals(q, shown(message));
            if (i < 4) {
                Callback right = click(dan, message, answer(message, q, q.answerLetters().get(0)));
                assertTrue(right.content().startsWith("✅ **Right!**"), right.content());
            } else {
                click(dan, message, button(message, "qt1:rg:"));                                     // gave up
            }
        }
        var deck = bot.storage().cards().deck(guild, dan.id());
        double tomorrow = deck.retrievability(q.ref(), clock.instant().plus(Duration.ofDays(1)));
        assertTrue(tomorrow >= 0.9, "FSRS alone would count it: recall tomorrow " + tomorrow);

        String progress = progress(dan);
        assertTrue(progress.contains("Mastered: 0 of the "), progress);
        assertTrue(progress.contains("(1 met)"), progress);
    }

    /** The questions a /review asks now, each given up to move on; then the session's end. */
    private Set<QuestionRef> reviewRefs(FakeUser user) {
        FakeMessage message = review(user).awaitResponseMessage(WAIT);
        Set<QuestionRef> asked = new HashSet<>();
        while (!message.customIds().isEmpty()) {
            asked.add(shown(message).ref());
            message = click(user, message, button(message, "qt1:rg:")).message();
            message = click(user, message, button(message, "qt1:rn:")).message();
        }
        assertTrue(message.content().startsWith("✅ **Review done:** " + asked.size()), message.content());
        return asked;
    }

    @Test
    void progressCountsReviewsDueInTheServersTimeZone() {
        FakeUser ben = discord.user("ben");
        clock.set("2026-11-30T23:30:00Z");   // Monday 23:30 UTC: due at 23:30 UTC on Tuesday
        Question q = freshChoice(ben, new HashSet<>(), new ArrayList<>());
        FakeMessage post = discord.messages(channel).get(discord.messages(channel).size() - 1);
        miss(ben, post, q);

        clock.set("2026-12-01T10:30:00Z");   // Tuesday 10:30 UTC; 23:30 in Auckland
        assertTrue(progress(ben).contains("**1** due today · 0 tomorrow · 0 this week: /review"), progress(ben));
        long guild = discord.guild().id();
        bot.storage().guilds().put(bot.storage().guilds().get(guild).withTimeZone(Optional.of(ZoneId.of("Pacific/Auckland"))));
        assertTrue(progress(ben).contains("**0** due today · 1 tomorrow · 1 this week"),
                "in Auckland it is due at 12:30 on Wednesday, tomorrow there: " + progress(ben));
        clock.set("2026-12-01T11:00:00Z");   // midnight in Auckland
        assertTrue(progress(ben).contains("**1** due today"), progress(ben));
    }

    private String progress(FakeUser user) {
        // /progress defers while it draws its chart: what the member reads is the response message.
        var handle = discord.slashCommand(user, channel, "progress");
        assertTrue(handle.awaitCallback(WAIT).isEphemeral());
        FakeMessage message = handle.awaitResponseMessage(WAIT);
        assertTrue(message.isEphemeral() && !message.isLoading(), message.toString());
        return message.embeds().toString();
    }

    @Test
    void aScheduledPostsRevealSaysHowManyMembersHaveReviewsDueAndPingsNobody() {
        FakeUser dan = discord.user("dan");
        FakeUser eva = discord.user("eva");
        FakeUser fay = discord.user("fay");
        for (FakeUser missing : List.of(dan, eva)) {
            Question q = freshChoice(missing, new HashSet<>(), new ArrayList<>());
            miss(missing, discord.messages(channel).get(discord.messages(channel).size() - 1), q);
        }
        Question solved = freshChoice(fay, new HashSet<>(), new ArrayList<>());
        click(fay, discord.messages(channel).get(discord.messages(channel).size() - 1),
                new CustomId.Answer(solved.ref(), solved.answerLetters().get(0)).encode());

        FakeUser mia = discord.moderator("mia");
        Callback added = discord.slashCommand(mia, channel, "schedule", InteractionOption.subcommand("add",
                InteractionOption.channel("channel", channel), InteractionOption.string("time", "13:00"),
                InteractionOption.string("timezone", "UTC"), InteractionOption.integer("reveal_hours", 1))).awaitCallback(WAIT);
        assertTrue(added.content().startsWith("✅ Schedule #1"), added.content());
        clock.set("2026-12-01T13:00:00Z");   // Tuesday: Dan's and Eva's misses are due, Fay's right answer is not
        bot.scheduler().tick();
        discord.awaitRequest(r -> r.method().equals("POST") && r.body().contains("Question of the day"), WAIT);
        clock.set("2026-12-01T14:00:00Z");
        bot.scheduler().tick();
        var reveal = discord.awaitRequest(r -> r.method().equals("POST") && r.body().contains("Time's up!"), WAIT);
        String content = reveal.json().path("content").asText();
        assertTrue(content.endsWith("\n🔁 2 members have reviews due today: /review"), content);
        assertEquals(0, reveal.json().path("allowed_mentions").path("parse").size(), "a number, never a ping");
        assertFalse(content.contains("<@"), content);
    }

    @Test
    void staleAndForgedReviewButtonsGetAPoliteLine() {
        FakeUser cleo = discord.user("cleo");
        Question q = freshChoice(cleo, new HashSet<>(), new ArrayList<>());
        miss(cleo, discord.messages(channel).get(discord.messages(channel).size() - 1), q);
        clock.advance(Duration.ofDays(1));
        FakeMessage message = review(cleo).awaitResponseMessage(WAIT);
        String right = answer(message, q, q.answerLetters().get(0));
        for (String forged : List.of("qt1:ra:zz:0:a:mlops-maturity-levels", "qt1:ra:zz:x:a:t:q:A", "qt1:rn:zz:0:t:-",
                "qt1:rh:" + "z".repeat(14) + ":0:a:t:q", "qt1:rb:zz:0:a:mlops-maturity-levels:" + q.ref().questionId() + ":9")) {
            Callback callback = discord.clickUnchecked(cleo, message, forged).awaitCallback(WAIT);
            assertTrue(callback.isEphemeral());
            assertEquals(Polite.STALE, callback.content(), forged);
        }
        Callback gone = discord.clickUnchecked(cleo, message, "qt1:ra:zz:0:a:no-such-topic:no-such-question:A").awaitCallback(WAIT);
        assertEquals(ReviewFeature.GONE, gone.content());

        // Yesterday's message of a question recalled since: not counted again.
        FakeMessage solved = click(cleo, message, right).message();
        clock.advance(Duration.ofDays(1));
        Callback stale = discord.clickUnchecked(cleo, solved, right.replaceFirst("^qt1:ra:[0-9a-z]+:", "qt1:ra:zzzz:"))
                .awaitCallback(WAIT);
        assertEquals(ReviewFeature.STALE, stale.content());
        assertTrue(stale.isEphemeral());
        // The same question's own button, after it ended: what happened, not a second answer.
        Callback again = discord.clickUnchecked(cleo, solved, right).awaitCallback(WAIT);
        assertEquals(7, again.type());
        assertTrue(again.content().startsWith("You have finished this question"), again.content());
    }
}
