package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionText;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.Failures;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.RevealAfter;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;
import dev.quiztutor.schedule.Slot;
import dev.quiztutor.schedule.Timetable;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message the bot can send fits Discord's limits, for every question of the shipped bank and
 * for the largest questions the validator accepts: a file that validates never breaks when posted.
 * Each message is also built by JDA's own builders, which refuse what Discord would, and its rows
 * are the ones the validator counted ({@link DisplayLimits#rows}).
 */
class ViewLimitsTest {

    @Test
    void everyShippedQuestionFitsEveryMessage() {
        Topic topic = Fixtures.shippedTopic();
        checkTopic(topic);
    }

    @Test
    void theLargestValidQuestionsFitToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.json");
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(hugeTopic()));
        BankLoader.Report report = BankLoader.load(file);
        assertEquals(List.of(), report.problems(), "the generated topic is at the limits, not over them");
        Topic topic = report.bank().topics().get(0);
        for (Question q : topic.questions()) {
            assertTrue(QuestionText.postLength(q) > DisplayLimits.QUESTION_POST - 100, "near the post limit: " + q.id());
        }
        assertTrue(topic.lesson().orElseThrow().quiz().stream().anyMatch(q -> q.options().size() == 15
                && !q.hints().isEmpty()), "the lesson quiz has the widest question its page takes");
        checkTopic(topic);
    }

    /**
     * A question that names the largest table its post can hold, with 15 long options: the post,
     * the lesson's quiz page and the test question still fit, and one more character of table is
     * refused when the file is loaded.
     */
    @Test
    void aQuestionWithTheLargestTableItMayNameFitsToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("table.json");
        int width = 100;
        BankLoader.Report report;
        do {
            Files.writeString(file, new ObjectMapper().writeValueAsString(topicWithTable(width--)));
            report = BankLoader.load(file);
        } while (!report.problems().isEmpty() && width > 0);
        assertEquals(List.of(), report.problems(), "some table fits");
        assertTrue(width < 99, "the widest table did not fit: the check at load time refused it");
        Topic topic = report.bank().topics().get(0);
        Question q = topic.questions().get(0);
        assertTrue(q.material().isPresent());
        assertTrue(QuestionText.postLength(q) > DisplayLimits.QUESTION_POST - 200, "near the limit: " + QuestionText.postLength(q));
        assertTrue(Views.practicePost(topic, q, Views.Tally.NONE).embeds().get(0).getDescription()
                .contains("r".repeat(width)), "the table is in the post");
        checkTopic(topic);
    }

    private static ObjectNode topicWithTable(int cell) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode topic = json.createObjectNode();
        topic.put("id", "t".repeat(32)).put("title", "T".repeat(100));
        ObjectNode lesson = topic.putObject("lesson");
        lesson.putObject("flow").putArray("steps").addObject().put("title", "Only step");
        ObjectNode table = lesson.putArray("tables").addObject().put("title", "W".repeat(256));
        table.putArray("columns").add("Step").add("Value");
        ArrayNode rows = table.putArray("rows");
        for (int i = 0; i < 25; i++) {
            rows.addArray().add(String.valueOf(i + 1)).add("r".repeat(cell));
        }
        lesson.putArray("quiz").add("c".repeat(32));
        ObjectNode choice = topic.putArray("questions").addObject();
        choice.put("id", "c".repeat(32)).put("type", "choice").put("difficulty", "hard");
        choice.put("prompt", "Look at the table: which row is the longest?");
        ObjectNode options = choice.putObject("options");
        // 15 options, not 20: a lesson quiz page also needs a row for Hint and one for Previous / Next.
        for (int i = 0; i < 15; i++) {
            options.put(String.valueOf((char) ('A' + i)), "o".repeat(77));
        }
        choice.put("answer", "O");
        choice.putObject("material").put("table", "W".repeat(256));
        hintsAndSolution(choice, 0, 5);
        return topic;
    }

    /** 40 topics with the longest titles and summaries the validator allows: /topics is still one valid embed. */
    @Test
    void aBankOfManyLongTopicsFitsTheTopicsList() {
        Topic shipped = Fixtures.shippedTopic();
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String title = String.format("%02d ", i) + "T".repeat(DisplayLimits.CHOICE_NAME - 3);
            topics.add(new Topic(shipped.id() + "-" + i, title, "Category " + i, "S".repeat(300), 10, shipped.lesson(),
                    shipped.questions(), shipped.source()));
        }
        View view = Views.topics(new dev.quiztutor.bank.QuizBank(topics));
        check("40 topics", view);
        MessageEmbed embed = view.embeds().get(0);
        assertTrue(embed.isSendable(), "length " + embed.getLength());
        assertEquals(25, embed.getFields().size());
        assertTrue(embed.getTitle().startsWith("Topics (25 of 40;"), embed.getTitle());
        assertTrue(embed.getFields().get(0).getValue().contains("`mlops-maturity-levels-0`"),
                "the id survives the shortening: " + embed.getFields().get(0).getValue());
    }

    private static void checkTopic(Topic topic) {
        for (Question q : topic.questions()) {
            View post = Views.practicePost(topic, q, new Views.Tally(12345, 6789));
            check(q.id() + " post", post);
            assertEquals(DisplayLimits.rows(DisplayLimits.Screen.PRACTICE_POST, q), post.rows().size(), q.id() + " post rows");
            check(q.id() + " scheduled post", Views.scheduledPost(scheduledPost(topic, q)));
            check(q.id() + " reveal", Views.reveal(new ScheduledReveal(1, 2, 3, 4, topic, q,
                    new PlaceSummary(Set.of(1L, 2L), Set.of(1L)))));
            for (Feedback f : everyFeedback(q)) {
                check(q.id() + " " + f.getClass().getSimpleName(), Views.feedback(q, f));
            }
            check(q.id() + " reveal with reviews due", Views.reveal(new ScheduledReveal(1, 2, 3, 4, topic, q,
                    new PlaceSummary(Set.of(1L, 2L), Set.of(1L)), java.util.OptionalInt.of(12345))));
            // A review question, at the longest step a session may have, open and ended after each feedback.
            CustomId.ReviewStep step = new CustomId.ReviewStep(Long.MAX_VALUE, 9999, true);
            View open = ReviewViews.question(step, topic, q, 10000, "", List.of());
            check(q.id() + " review question", open);
            assertEquals(DisplayLimits.rows(DisplayLimits.Screen.PRACTICE_POST, q), open.rows().size(), q.id() + " review rows");
            for (Feedback f : everyFeedback(q)) {
                View said = Views.feedback(q, f);
                View shown = new View("Your answer: " + "x".repeat(dev.quiztutor.bank.TypedText.MAX_TYPED) + "\n"
                        + said.content(), said.embeds(), List.of());
                check(q.id() + " review " + f.getClass().getSimpleName(), f.revealsSolution()
                        ? ReviewViews.ended(step, topic, q, 10000, shown)
                        : ReviewViews.question(step, topic, q, 10000, shown.content(), List.of()));
            }
        }
        List<LessonPage> pages = topic.lesson().map(LessonPage::of).orElse(List.of());
        for (int i = 0; i < pages.size(); i++) {
            View page = Views.lessonPage(topic, pages, i, Optional.empty());
            check("lesson page " + i, page);
            if (pages.get(i) instanceof LessonPage.Quiz quiz) {
                assertEquals(DisplayLimits.rows(DisplayLimits.Screen.LESSON_QUIZ_PAGE, quiz.question()), page.rows().size(),
                        "lesson page " + i + " rows");
            }
        }
        TopicTest test = TopicTest.start(TopicTest.draw(topic, 10, new Random(1)));
        while (!test.finished()) {
            Question q = test.current().orElseThrow();
            View page = Views.testQuestion(Long.MAX_VALUE, test, q.parts() > 1 ? q.answerLetters() : List.of());
            check("test question " + test.position(), page);
            assertEquals(DisplayLimits.rows(DisplayLimits.Screen.TEST_PAGE, q), page.rows().size(), q.id() + " test rows");
            test = test.answer(new Response.Letters(q.answerLetters().stream().map(l -> l.equals("A") ? "B" : "A").toList()));
        }
        check("test report", Views.testReport(test.report()));
        check("topics", Views.topics(Fixtures.shippedBank()));
    }

    private static List<Feedback> everyFeedback(Question q) {
        Feedback.Progress open = new Feedback.Progress(Attempt.Status.OPEN, 1, 2, 1, q.hints().size(), 0, Optional.empty());
        Feedback.Progress solved = new Feedback.Progress(Attempt.Status.SOLVED, 2, 0, 3, q.hints().size(), 0.567, Optional.empty());
        Feedback.Progress out = new Feedback.Progress(Attempt.Status.OUT_OF_TRIES, 3, 0, 0, q.hints().size(), 0, Optional.empty());
        Feedback.Progress gaveUp = new Feedback.Progress(Attempt.Status.GAVE_UP, 0, 0, 0, q.hints().size(), 0, Optional.empty());
        String longestHint = q.hints().stream().max((a, b) -> a.length() - b.length()).orElse("hint");
        Grade grade = new Grade(q.parts() - 1, q.parts());
        // The longest thing the author wrote about one answer goes with the longest verdict line.
        String said = "x".repeat(QuestionText.longestFeedback(q));
        Response response = q.answerLetters().isEmpty() ? new Response.Typed("a wrong answer")
                : new Response.Letters(q.answerLetters());
        return List.of(new Feedback.Correct(solved, said), new Feedback.Incorrect(open, grade, response, said),
                new Feedback.OutOfTries(out, grade, response, said),
                new Feedback.GaveUp(gaveUp), new Feedback.Hint(open, longestHint, 1), new Feedback.NoMoreHints(open),
                new Feedback.AlreadyEnded(solved));
    }

    private static ScheduledPost scheduledPost(Topic topic, Question q) {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Schedule schedule = new Schedule(Long.MAX_VALUE, 1, 2, new Timetable(LocalTime.of(18, 0), ZoneId.of("Europe/Berlin"),
                Days.EVERY_DAY), new QuestionChoice(Optional.empty(), Optional.empty(), q.kind()),
                Optional.of(Long.MAX_VALUE), Optional.of(new RevealAfter(RevealAfter.MAX_HOURS)), Optional.empty(), 9, at, at,
                Failures.NONE);
        return new ScheduledPost(schedule, topic, q, Optional.of(new Slot(LocalDate.of(2026, 11, 23), at)),
                Optional.of(at.plusSeconds(3600)));
    }

    static void check(String what, View view) {
        // JDA's builders refuse what Discord would (too many rows, too long a text): whatever the bot
        // sends, as a new message, a reply or an edit, must get past them.
        assertDoesNotThrow(view::create, what + ": JDA builds it as a message");
        assertDoesNotThrow(view::edit, what + ": JDA builds it as an edit");
        assertTrue(view.content().length() <= DisplayLimits.MESSAGE_CONTENT, what + ": content " + view.content().length());
        int total = 0;
        for (MessageEmbed embed : view.embeds()) {
            String description = embed.getDescription() == null ? "" : embed.getDescription();
            assertTrue(description.length() <= DisplayLimits.EMBED_DESCRIPTION, what + ": description " + description.length());
            assertTrue(embed.getTitle() == null || embed.getTitle().length() <= DisplayLimits.EMBED_TITLE, what + ": title");
            for (MessageEmbed.Field field : embed.getFields()) {
                assertTrue(field.getName().length() <= DisplayLimits.EMBED_TITLE, what + ": field name");
                assertTrue(field.getValue().length() <= DisplayLimits.EMBED_FIELD_VALUE, what + ": field value");
            }
            assertTrue(embed.getFields().size() <= 25, what + ": fields");
            total += embed.getLength();
        }
        assertTrue(total <= DisplayLimits.EMBEDS_TOTAL, what + ": embeds total " + total);
        assertTrue(view.embeds().size() <= 10, what + ": embeds");
        assertTrue(view.rows().size() <= DisplayLimits.ACTION_ROWS, what + ": rows " + view.rows().size());
        Set<String> ids = new HashSet<>();
        for (ActionRow row : view.rows()) {
            List<ActionRowChildComponent> children = new ArrayList<>(row.getComponents());
            long menus = children.stream().filter(c -> c instanceof StringSelectMenu).count();
            assertTrue(menus == 0 ? children.size() <= DisplayLimits.BUTTONS_PER_ROW : children.size() == 1,
                    what + ": a row holds five buttons or one menu");
            for (ActionRowChildComponent child : children) {
                if (child instanceof Button button) {
                    assertTrue(button.getLabel().length() <= DisplayLimits.BUTTON_LABEL, what + ": label " + button.getLabel());
                    assertTrue(ids.add(button.getCustomId()), what + ": duplicate id " + button.getCustomId());
                    assertTrue(button.getCustomId().length() <= DisplayLimits.CUSTOM_ID, what + ": id length");
                } else if (child instanceof StringSelectMenu menu) {
                    assertTrue(menu.getOptions().size() <= DisplayLimits.SELECT_OPTIONS, what + ": options");
                    for (SelectOption option : menu.getOptions()) {
                        assertTrue(option.getLabel().length() <= DisplayLimits.SELECT_OPTION_LABEL, what + ": option label");
                    }
                    assertTrue(ids.add(menu.getCustomId()), what + ": duplicate id " + menu.getCustomId());
                }
            }
        }
    }

    /** A topic whose questions sit just under every limit the validator enforces. */
    private static ObjectNode hugeTopic() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode topic = json.createObjectNode();
        String id = "t".repeat(32);
        topic.put("id", id).put("title", "T".repeat(100));
        ArrayNode questions = topic.putArray("questions");

        ObjectNode choice = questions.addObject();
        choice.put("id", "c".repeat(32)).put("type", "choice").put("difficulty", "hard");
        ObjectNode options = choice.putObject("options");
        for (int i = 0; i < DisplayLimits.CHOICE_BUTTONS; i++) {
            options.put(String.valueOf((char) ('A' + i)), "o".repeat(77));
        }
        int optionsLength = DisplayLimits.CHOICE_BUTTONS * (80 + 10);
        choice.put("prompt", "p".repeat(DisplayLimits.QUESTION_POST - optionsLength - 2));
        choice.put("answer", "T");
        hintsAndSolution(choice, 0, 5);

        ObjectNode blanks = questions.addObject();
        blanks.put("id", "b".repeat(32)).put("type", "blanks").put("difficulty", "easy").put("language", "python");
        ObjectNode pool = blanks.putObject("options");
        for (int i = 0; i < DisplayLimits.SELECT_OPTIONS; i++) {
            pool.put(String.valueOf((char) ('A' + i)), "w".repeat(97));
        }
        int poolLength = DisplayLimits.SELECT_OPTIONS * (100 + 10);
        String code = "x = [1]\ny = [2]\nz = [3]\nw = [4]\n";
        blanks.put("prompt", "p".repeat(1000));
        String fullCode = code + "#".repeat(DisplayLimits.QUESTION_POST - poolLength - 1002 - code.length() - 6 - 12 - 1);
        blanks.put("code", fullCode);
        blanks.putArray("answer").add("A").add("B").add("Y").add("A");
        int filledCode = fullCode.length() - 4 * 3 + 4 * 97 + "python".length() + 12;
        hintsAndSolution(blanks, filledCode, 1);

        // The widest question a lesson quiz page takes: three rows of answers, Hint, Previous / Next.
        int lessonOptions = (DisplayLimits.ACTION_ROWS - 2) * DisplayLimits.BUTTONS_PER_ROW;
        ObjectNode wide = questions.addObject();
        wide.put("id", "l".repeat(32)).put("type", "choice").put("difficulty", "medium");
        ObjectNode wideOptions = wide.putObject("options");
        for (int i = 0; i < lessonOptions; i++) {
            wideOptions.put(String.valueOf((char) ('A' + i)), "o".repeat(77));
        }
        wide.put("prompt", "p".repeat(DisplayLimits.QUESTION_POST - lessonOptions * (80 + 10) - 2));
        wide.put("answer", "O");
        hintsAndSolution(wide, 0, 5);

        ObjectNode lesson = topic.putObject("lesson");
        lesson.putObject("flow").putArray("steps").addObject().put("title", "s".repeat(DisplayLimits.EMBED_TITLE))
                .put("text", "t".repeat(1024));
        lesson.putArray("quiz").add("l".repeat(32)).add("b".repeat(32));
        return topic;
    }

    private static void hintsAndSolution(ObjectNode q, int codeShare, int mistakeCount) {
        ArrayNode hints = q.putArray("hints");
        for (int i = 0; i < 10; i++) {
            hints.add("h".repeat(1000));
        }
        ObjectNode solution = q.putObject("solution");
        ArrayNode steps = solution.putArray("steps");
        int budget = DisplayLimits.SOLUTION - 80 - 500 - 300 - codeShare - mistakeCount * (300 + 12);
        int perStep = budget / 3 - 12;
        for (int i = 0; i < 3; i++) {
            steps.addObject().put("title", "s".repeat(40)).put("text", "t".repeat(perStep - 40));
        }
        solution.put("answer", "a".repeat(500)).put("quickCheck", "q".repeat(300));
        ArrayNode mistakes = q.putArray("mistakes");
        for (int i = 0; i < mistakeCount; i++) {
            mistakes.add("m".repeat(300));
        }
    }
}
