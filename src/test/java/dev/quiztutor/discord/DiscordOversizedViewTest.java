package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Lesson;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Solution;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message JDA refuses to build (more than Discord allows) must still answer the interaction. The
 * validator refuses such a topic at load time, so this one is built in code, past it.
 */
class DiscordOversizedViewTest {

    /** A lesson whose quiz page needs six rows: four of answer buttons, the hint, Previous / Next. */
    private static Topic wideLessonQuiz() {
        List<Option> options = IntStream.range(0, 16).mapToObj(i -> new Option(String.valueOf((char) ('A' + i)),
                "option " + i)).toList();
        Question q = new Question(new QuestionRef("wide", "q1"), Difficulty.EASY, "Which one?",
                new QuestionType.Choice(options, "A"), List.of("Not P."), 3, new Solution(List.of(new Step("Look", "It is A.")), "A", ""), List.of());
        Lesson lesson = new Lesson(new Lesson.Flow("Flow", List.of(new Step("First", "Start here.")), ""),
                Optional.empty(), List.of(), List.of(), List.of(q), List.of(), "");
        return new Topic("wide", "Wide", "", "", 0, Optional.of(lesson), List.of(q), Path.of("wide.json"));
    }

    @Test
    void aLessonPageDiscordWouldRefuseGetsAPoliteLineInsteadOfAFailedInteraction(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir, new QuizBank(List.of(wideLessonQuiz())), Duration.ZERO,
                Duration.ofMillis(1500), Clock.systemUTC())) {
            FakeUser ann = bot.discord.user("ann");
            InteractionHandle learn = bot.discord.slashCommand(ann, bot.discord.channel("practice"), "learn",
                    InteractionOption.string("topic", "wide"));
            assertEquals(4, learn.awaitCallback(WAIT).type());
            FakeMessage firstPage = learn.awaitResponseMessage(WAIT);

            Callback next = bot.discord.clickButton(ann, firstPage, new CustomId.LessonPage("wide", 1).encode())
                    .awaitCallback(WAIT);

            assertEquals(4, next.type(), "answered at once, with a message of its own: " + next);
            assertTrue(next.isEphemeral(), "privately");
            assertEquals(Polite.CANNOT_SHOW, next.content());
            bot.discord.assertNoProtocolViolations();
            bot.discord.assertNoProblems();
        }
    }
}
