package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every question type through the real JDA against the fake Discord: true/false buttons, the menu
 * of a multiple-response question, a matching question's menus, and the form (modal) of typed
 * answers, on a post and in a topic test. Each question of the shipped drift topic is put in a topic
 * of its own, so /practice posts exactly that question.
 */
class DiscordQuestionTypesTest {
    private static final String DRIFT = "model-monitoring-drift";

    @TempDir
    static Path dir;
    static BotHarness bot;
    static FakeDiscord discord;
    static FakeChannel channel;
    static int users;

    @BeforeAll
    static void start() throws Exception {
        Topic drift = Fixtures.shippedBank().topic(DRIFT).orElseThrow();
        List<Topic> topics = new ArrayList<>();
        for (String id : List.of("labels-delay-accuracy", "early-warning-signals", "concept-drift-name", "psi-two-bins",
                "match-drift-kinds")) {
            Question q = drift.question(id).orElseThrow();
            topics.add(Fixtures.topic(id, List.of(new Question(new QuestionRef(id, q.id()), q.difficulty(), q.prompt(),
                    q.type(), q.hints(), q.attempts(), q.solution(), q.mistakes()))));
        }
        topics.add(drift);
        bot = new BotHarness(dir, new QuizBank(topics), Duration.ZERO, Duration.ofMillis(1500), Clock.systemUTC());
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

    private static FakeUser member(String name) {
        return discord.user(name + "-" + (++users));
    }

    private static FakeMessage post(FakeUser user, String topic) {
        InteractionHandle handle = discord.slashCommand(user, channel, "practice", InteractionOption.string("topic", topic));
        Callback callback = handle.awaitCallback(WAIT);
        assertEquals(4, callback.type(), callback.toString());
        return handle.awaitResponseMessage(WAIT);
    }

    private static Callback privately(InteractionHandle handle) {
        Callback callback = handle.awaitCallback(WAIT);
        assertEquals(4, callback.type(), callback.toString());
        assertTrue(callback.isEphemeral(), "private: " + callback);
        assertTrue(callback.latency().compareTo(Duration.ofSeconds(3)) < 0, "acknowledged after " + callback.latency());
        JsonNode mentions = callback.allowedMentions();
        assertTrue(mentions != null && mentions.path("parse").isEmpty(), "no mentions: " + callback.body());
        return callback;
    }

    @Test
    void trueFalseIsTwoButtonsAndAWrongTrySaysWhy() {
        FakeUser ann = member("ann");
        FakeMessage post = post(ann, "labels-delay-accuracy");
        Question q = bot.questionOf(post);
        assertEquals(QuestionKind.TRUEFALSE, q.kind());
        assertTrue(post.buttonLabels().containsAll(List.of("True", "False", "💡 Hint", "Show solution")), post.buttonLabels().toString());
        Callback wrong = privately(discord.clickButton(ann, post, new CustomId.Answer(q.ref(), "T").encode()));
        assertTrue(wrong.content().startsWith("❌ **Not right.** 2 tries left."), wrong.content());
        assertTrue(wrong.content().contains("> Accuracy compares predictions with labels"), "the author's feedback on 'true': "
                + wrong.content());
        Callback right = privately(discord.clickButton(ann, post, new CustomId.Answer(q.ref(), "F").encode()));
        assertTrue(right.content().startsWith("✅ **Right!** 0.67 points"), right.content());
        assertEquals("Solution", right.embeds().get(0).path("title").asText());
    }

    @Test
    void multipleResponseIsOneMenuOfSeveralValuesAndCheck() {
        FakeUser bea = member("bea");
        FakeMessage post = post(bea, "early-warning-signals");
        Question q = bot.questionOf(post);
        String menu = new CustomId.Blank(q.ref(), 1).encode();
        Callback picked = discord.selectMenu(bea, post, menu, "A", "C").awaitCallback(WAIT);
        assertEquals(6, picked.type(), "a pick is acknowledged silently: " + picked);
        Callback check = privately(discord.clickButton(bea, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(check.content().startsWith("Your answer: A, C\n❌ **1 of your 2 picks is right.** 2 tries left."),
                check.content());
        assertFalse(check.content().contains("Accuracy compares"), "which pick is wrong is not told: " + check.content());
        discord.selectMenu(bea, post, menu, "D", "A", "B").awaitCallback(WAIT);
        Callback right = privately(discord.clickButton(bea, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(right.content().contains("✅ **Right!**"), right.content());
        String solution = right.embeds().get(0).path("description").asText();
        assertTrue(solution.contains("**About the options**") && solution.contains("C. Accuracy on this week's predictions:"),
                "the options' feedback comes with the solution: " + solution);
    }

    @Test
    void aShortAnswerIsTypedInAFormAndNeverShownToOthers() {
        FakeUser cy = member("cy");
        FakeUser dee = member("dee");
        FakeMessage post = post(cy, "concept-drift-name");
        Question q = bot.questionOf(post);
        assertTrue(post.buttonLabels().contains("✏️ Answer"), post.buttonLabels().toString());

        InteractionHandle open = discord.clickButton(cy, post, new CustomId.Type(q.ref()).encode());
        Callback form = open.awaitCallback(WAIT);
        assertEquals(9, form.type(), "the Answer button opens a form: " + form);
        JsonNode input = form.data().path("components").path(0).path("component");
        assertEquals(4, input.path("type").asInt(), "a text input inside a label: " + form.data());
        assertEquals(200, input.path("max_length").asInt());

        Callback wrong = privately(discord.submitModal(cy, open, Map.of("answer", "Data drift!")));
        assertTrue(wrong.content().startsWith("Your answer: “Data drift!”\n❌ **Not right.** 2 tries left."), wrong.content());
        assertTrue(wrong.content().contains("> Data drift is a change in the inputs' distribution"), wrong.content());

        InteractionHandle again = discord.clickButton(cy, post, new CustomId.Type(q.ref()).encode());
        again.awaitCallback(WAIT);
        Callback right = privately(discord.submitModal(cy, again, Map.of("answer", "  concpt DRIFT ")));
        assertTrue(right.content().contains("✅ **Right!** 0.67 points"), "one typo is allowed: " + right.content());

        // Dee's attempt is her own; the post's live count moves, but nobody's typed text is ever public.
        InteractionHandle deeOpen = discord.clickButton(dee, post, new CustomId.Type(q.ref()).encode());
        deeOpen.awaitCallback(WAIT);
        Callback deeRight = privately(discord.submitModal(dee, deeOpen, Map.of("answer", "concept shift")));
        assertTrue(deeRight.content().contains("✅ **Right!** 1.00 point"), deeRight.content());
        RecordedRequest edit = discord.awaitRequest(r -> r.method().equals("PATCH")
                && r.path().endsWith("/messages/" + post.idString()) && r.body().contains("2 answered · 2 right"), WAIT);
        for (RecordedRequest request : discord.requests()) {
            if (request.path().contains("/channels/")) {
                assertFalse(request.body().contains("concpt") || request.body().contains("Data drift!")
                        || request.body().contains("concept shift"), "typed text never goes to the channel: " + request);
            }
        }
        assertFalse(edit.body().contains("components"));
    }

    @Test
    void aNumberIsReadWithACommaAndUnreadableTextCostsNoTry() {
        FakeUser eve = member("eve");
        FakeMessage post = post(eve, "psi-two-bins");
        Question q = bot.questionOf(post);
        InteractionHandle open = discord.clickButton(eve, post, new CustomId.Type(q.ref()).encode());
        open.awaitCallback(WAIT);
        Callback unreadable = privately(discord.submitModal(eve, open, Map.of("answer", "about four percent")));
        assertTrue(unreadable.content().startsWith("\"about four percent\" is not a number"), unreadable.content());
        assertTrue(unreadable.content().contains("Nothing was counted"), unreadable.content());

        InteractionHandle second = discord.clickButton(eve, post, new CustomId.Type(q.ref()).encode());
        second.awaitCallback(WAIT);
        Callback right = privately(discord.submitModal(eve, second, Map.of("answer", "0,041")));
        assertTrue(right.content().contains("✅ **Right!** 1.00 point"), "the unreadable answer took no try: " + right.content());
    }

    @Test
    void matchingIsOneMenuPerItem() {
        FakeUser fay = member("fay");
        FakeMessage post = post(fay, "match-drift-kinds");
        Question q = bot.questionOf(post);
        String[] picks = {"A", "C", "B", "D"};
        for (int item = 1; item <= 4; item++) {
            discord.selectMenu(fay, post, new CustomId.Blank(q.ref(), item).encode(), picks[item - 1]).awaitCallback(WAIT);
        }
        Callback wrong = privately(discord.clickButton(fay, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(wrong.content().contains("❌ **2 of 4 items right.** 2 tries left."), wrong.content());
        discord.selectMenu(fay, post, new CustomId.Blank(q.ref(), 2).encode(), "B").awaitCallback(WAIT);
        discord.selectMenu(fay, post, new CustomId.Blank(q.ref(), 3).encode(), "C").awaitCallback(WAIT);
        Callback right = privately(discord.clickButton(fay, post, new CustomId.Check(q.ref()).encode()));
        assertTrue(right.content().contains("✅ **Right!**"), right.content());
        assertTrue(right.embeds().get(0).path("description").asText().contains("1. Data drift → The inputs' distribution, P(X)"),
                right.embeds().get(0).path("description").asText());
    }

    @Test
    void aTopicTestTakesTypedAnswersInItsFormToo() {
        FakeUser gus = member("gus");
        InteractionHandle start = discord.slashCommand(gus, channel, "test", InteractionOption.string("topic", DRIFT));
        Callback page = start.awaitCallback(WAIT);
        assertTrue(page.isEphemeral());
        FakeMessage test = start.awaitResponseMessage(WAIT);
        int answered = 0;
        while (answered < 10) {
            List<String> ids = test.customIds();
            String type = ids.stream().filter(id -> id.startsWith("qt1:ty:")).findFirst().orElse(null);
            String skip = ids.stream().filter(id -> id.startsWith("qt1:tk:")).findFirst().orElseThrow();
            if (type != null) {
                InteractionHandle open = discord.clickButton(gus, test, type);
                assertEquals(9, open.awaitCallback(WAIT).type());
                Callback next = discord.submitModal(gus, open, Map.of("answer", "42")).awaitCallback(WAIT);
                assertEquals(7, next.type(), "the form's answer moves the test page on: " + next);
                test = discord.messageById(test.id());
                answered++;
                break;
            }
            Callback next = discord.clickButton(gus, test, skip).awaitCallback(WAIT);
            assertEquals(7, next.type());
            test = discord.messageById(test.id());
            answered++;
        }
        assertTrue(answered < 10, "a 10-question test of this topic holds a typed question");
    }

    @Test
    void aLessonQuizPageTakesATypedAnswerInItsForm() {
        FakeUser hal = member("hal");
        InteractionHandle start = discord.slashCommand(hal, channel, "learn", InteractionOption.string("topic", DRIFT));
        start.awaitCallback(WAIT);
        FakeMessage page = start.awaitResponseMessage(WAIT);
        String answer = null;
        for (int i = 1; i < 30 && answer == null; i++) {
            page = discord.clickButton(hal, page, "qt1:l:" + DRIFT + ":" + i).awaitCallback(WAIT).message();
            answer = page.customIds().stream().filter(id -> id.startsWith("qt1:ly:")).findFirst().orElse(null);
        }
        assertTrue(answer != null, "the lesson's quiz has a typed question with an Answer button");
        assertTrue(page.buttonLabels().contains("✏️ Answer"), page.buttonLabels().toString());
        InteractionHandle open = discord.clickButton(hal, page, answer);
        assertEquals(9, open.awaitCallback(WAIT).type(), "a form");
        Callback wrong = privately(discord.submitModal(hal, open, Map.of("answer", "label drift")));
        assertTrue(wrong.content().startsWith("Your answer: “label drift”\n❌ **Not right.** 2 tries left."), wrong.content());
        assertTrue(wrong.content().contains("> Label drift is a change in how often each target occurs"), wrong.content());
    }
}
