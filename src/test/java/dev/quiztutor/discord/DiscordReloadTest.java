package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.FolderBank;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator edits a topic file while a post of it is live: the real bot (real JDA, fake Discord)
 * over a {@link FolderBank} watching a real folder, wired as {@code quiztutor run} wires it.
 */
class DiscordReloadTest {
    private static final String TOPIC = "mlops-maturity-levels";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLivePostIsGradedWithTheEditedQuestionAndAnswersPolitelyOnceItIsRemoved(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("quizzes"));
        Path file = folder.resolve("seed.json");
        Files.copy(Fixtures.SHIPPED.resolve(TOPIC + ".json"), file);
        LiveBanks current = new LiveBanks(new QuizBank(List.of()));
        BlockingQueue<QuizBank> reloads = new LinkedBlockingQueue<>();
        try (FolderBank folders = FolderBank.start(List.of(folder), FolderBank.Settings.DEFAULT, bank -> {
                current.replaceGlobal(bank);
                reloads.add(bank);
            })) {
            if (current.global().isEmpty()) {
                current.replaceGlobal(folders.bank());
            }
            try (BotHarness bot = new BotHarness(dir, current)) {
            FakeChannel channel = bot.discord.channel("practice");
            FakeUser ann = bot.discord.user("ann");
            FakeUser ben = bot.discord.user("ben");
            InteractionHandle posted = bot.discord.slashCommand(ann, channel, "practice",
                    InteractionOption.string("topic", TOPIC));
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question before = bot.questionOf(post);
            assertEquals(QuestionKind.CHOICE, before.kind(), "the seed topic's practice questions are multiple choice");
            String oldRight = before.answerLetters().get(0);
            String newRight = oldRight.equals("A") ? "B" : "A";

            // The author changes the question's text and its right answer.
            ObjectNode topic = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode question = questionNode(topic, before.id());
            question.put("prompt", "Edited while posted: " + question.path("prompt").asText());
            question.put("answer", newRight);
            String newAnswerText = question.path("options").path(newRight).asText();
            ((ObjectNode) question.path("solution")).put("answer", newAnswerText);
            write(file, topic);
            QuizBank edited = reloads.poll(20, TimeUnit.SECONDS);
            assertTrue(edited != null, "the edit is picked up within seconds");
            assertTrue(edited.question(before.ref()).orElseThrow().prompt().startsWith("Edited while posted: "));

            Callback oldAnswer = bot.discord.clickButton(ann, post, new CustomId.Answer(before.ref(), oldRight).encode())
                    .awaitCallback(WAIT);
            assertTrue(oldAnswer.content().startsWith("❌ **Not right.**"), "graded with the new version: "
                    + oldAnswer.content());
            Callback newAnswer = bot.discord.clickButton(ben, post, new CustomId.Answer(before.ref(), newRight).encode())
                    .awaitCallback(WAIT);
            assertTrue(newAnswer.content().startsWith("✅ **Right!**"), newAnswer.content());
            JsonNode solution = newAnswer.embeds().get(0);
            assertTrue(solution.path("description").asText().contains(Markdown.escape(newAnswerText)),
                    "the edited solution: " + solution);

            // Then the question is taken out of the file.
            ((ArrayNode) topic.path("questions")).remove(indexOf(topic, before.id()));
            if (topic.path("lesson").path("quiz") instanceof ArrayNode lessonQuiz) {
                // The lesson may ask this question along the way: an author removes it there too.
                for (int i = lessonQuiz.size() - 1; i >= 0; i--) {
                    if (lessonQuiz.get(i).asText().equals(before.id())) {
                        lessonQuiz.remove(i);
                    }
                }
            }
            write(file, topic);
            QuizBank removed = reloads.poll(20, TimeUnit.SECONDS);
            assertTrue(removed != null && removed.question(before.ref()).isEmpty(), "the removal is picked up");
            Callback gone = bot.discord.clickButton(ann, post, new CustomId.Answer(before.ref(), newRight).encode())
                    .awaitCallback(WAIT);
            assertTrue(gone.isEphemeral(), gone.toString());
            assertEquals(Polite.GONE, gone.content());
            bot.discord.assertNoProtocolViolations();
            bot.discord.assertNoProblems();
            }
        }
    }

    private static void write(Path file, ObjectNode topic) throws Exception {
        // Written aside and moved in, so the bot never meets half a file; its validity is checked here first.
        Path aside = file.resolveSibling("edit.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(aside.toFile(), topic);
        assertEquals(List.of(), BankLoader.load(aside).problems(), "the edited file is valid");
        Files.move(aside, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode questionNode(ObjectNode topic, String id) {
        return (ObjectNode) topic.path("questions").get(indexOf(topic, id));
    }

    private static int indexOf(ObjectNode topic, String id) {
        JsonNode questions = topic.path("questions");
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no question " + id);
    }
}
