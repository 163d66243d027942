package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review asks each question type with the components a practice post has: a typed answer in its form,
 * a matching task in its menus then Check; each answer edits the one private message.
 */
class DiscordReviewTypesTest {
    private static final String DRIFT = "model-monitoring-drift";

    @Test
    void typedAnswersAndMenusWorkInAReviewAsOnAPost(@TempDir Path dir) throws Exception {
        Topic drift = Fixtures.shippedBank().topic(DRIFT).orElseThrow();
        List<Topic> topics = new ArrayList<>();
        for (String id : List.of("concept-drift-name", "match-drift-kinds")) {
            Question q = drift.question(id).orElseThrow();
            topics.add(Fixtures.topic(id, List.of(new Question(new QuestionRef(id, q.id()), q.difficulty(), q.prompt(),
                    q.type(), q.hints(), q.attempts(), q.solution(), q.mistakes()))));
        }
        TestClock clock = new TestClock("2026-11-30T10:00:00Z");
        try (BotHarness bot = new BotHarness(dir, new QuizBank(topics), Duration.ZERO, Duration.ofMillis(1500), clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel channel = discord.channel("practice");
            FakeUser gia = discord.user("gia");
            for (String topic : List.of("concept-drift-name", "match-drift-kinds")) {
                InteractionHandle posted = discord.slashCommand(gia, channel, "practice", InteractionOption.string("topic", topic));
                posted.awaitCallback(WAIT);
                FakeMessage post = posted.awaitResponseMessage(WAIT);
                Question q = bot.questionOf(post);
                discord.clickButton(gia, post, new CustomId.Reveal(q.ref()).encode()).awaitCallback(WAIT);  // gave up
                clock.advance(Duration.ofMinutes(1));
            }

            clock.set("2026-12-01T12:00:00Z");
            InteractionHandle start = discord.slashCommand(gia, channel, "review");
            assertTrue(start.awaitCallback(WAIT).isEphemeral());
            FakeMessage message = start.awaitResponseMessage(WAIT);

            // The short answer first (given up first): its Answer button opens the form.
            assertTrue(message.buttonLabels().contains("✏️ Answer"), message.buttonLabels().toString());
            String type = message.customIds().stream().filter(id -> id.startsWith("qt1:ry:")).findFirst().orElseThrow();
            InteractionHandle open = discord.clickButton(gia, message, type);
            assertEquals(9, open.awaitCallback(WAIT).type(), "a form");
            Callback wrong = discord.submitModal(gia, open, Map.of("answer", "data drift")).awaitCallback(WAIT);
            assertEquals(7, wrong.type(), "the form's answer edits the review message: " + wrong);
            assertTrue(wrong.content().startsWith("Your answer: “data drift”\n❌ **Not right.** 2 tries left."), wrong.content());
            message = discord.messageById(message.id());
            InteractionHandle again = discord.clickButton(gia, message, type);
            again.awaitCallback(WAIT);
            Callback right = discord.submitModal(gia, again, Map.of("answer", "concept drift")).awaitCallback(WAIT);
            assertTrue(right.content().contains("✅ **Right!**"), right.content());
            message = discord.messageById(message.id());
            String next = message.customIds().stream().filter(id -> id.startsWith("qt1:rn:")).findFirst().orElseThrow();
            message = discord.clickButton(gia, message, next).awaitCallback(WAIT).message();

            // The matching task: one menu per item, then Check; a wrong Check keeps the picks in the menus.
            Question match = bot.bank().question(new QuestionRef("match-drift-kinds", "match-drift-kinds")).orElseThrow();
            List<String> answer = ((QuestionType.Matching) match.type()).answer();
            List<String> menus = message.customIds().stream().filter(id -> id.startsWith("qt1:rb:")).toList();
            assertEquals(answer.size(), menus.size(), message.customIds().toString());
            for (int item = 0; item < menus.size(); item++) {
                String pick = item == 0 ? answer.get(1) : answer.get(item);
                Callback picked = discord.selectMenu(gia, message, menus.get(item), pick).awaitCallback(WAIT);
                assertEquals(6, picked.type(), "a pick is acknowledged silently");
            }
            String check = message.customIds().stream().filter(id -> id.startsWith("qt1:rc:")).findFirst().orElseThrow();
            Callback wrongCheck = discord.clickButton(gia, message, check).awaitCallback(WAIT);
            assertEquals(7, wrongCheck.type());
            assertTrue(wrongCheck.content().contains("items right.** 2 tries left."), wrongCheck.content());
            message = wrongCheck.message();
            JsonNode secondMenu = message.component(menus.get(1));
            assertEquals(answer.get(1), defaultValue(secondMenu), "the menu still shows the pick: " + secondMenu);
            discord.selectMenu(gia, message, menus.get(0), answer.get(0)).awaitCallback(WAIT);
            Callback rightCheck = discord.clickButton(gia, message, check).awaitCallback(WAIT);
            assertTrue(rightCheck.content().contains("✅ **Right!**"), rightCheck.content());
            message = discord.clickButton(gia, rightCheck.message(),
                    rightCheck.message().customIds().stream().filter(id -> id.startsWith("qt1:rn:")).findFirst().orElseThrow())
                    .awaitCallback(WAIT).message();
            assertTrue(message.content().startsWith("✅ **Review done:** 2 questions."), message.content());
            discord.assertNoProtocolViolations();
            discord.assertNoProblems();
        }
    }

    private static String defaultValue(JsonNode menu) {
        for (JsonNode option : menu.path("options")) {
            if (option.path("default").asBoolean()) {
                return option.path("value").asText();
            }
        }
        return null;
    }
}
