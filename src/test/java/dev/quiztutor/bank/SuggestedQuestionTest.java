package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A member's suggestion read from the form: what it accepts, what it refuses, and how it joins a topic. */
class SuggestedQuestionTest {
    private static final String CREDIT = "Suggested by Ana";

    private static SuggestedQuestion ok(SuggestedQuestion.Typed typed) {
        SuggestedQuestion.Read read = SuggestedQuestion.read(typed, CREDIT);
        return assertInstanceOf(SuggestedQuestion.Ok.class, read, read.toString()).question();
    }

    private static List<String> problems(SuggestedQuestion.Typed typed) {
        SuggestedQuestion.Read read = SuggestedQuestion.read(typed, CREDIT);
        return assertInstanceOf(SuggestedQuestion.Problems.class, read, read.toString()).lines();
    }

    @Test
    void theRightOptionIsGivenByLetterOrByTextAndLetterLabelsAreDropped() {
        SuggestedQuestion byLetter = ok(new SuggestedQuestion.Typed(" Which? ", "A. One\n\nB) Two\r\nC. Three", "c.", "So.", ""));
        assertEquals(List.of("One", "Two", "Three"), byLetter.options());
        assertEquals("C", byLetter.answer());
        assertEquals("Which?", byLetter.prompt());
        assertEquals(Difficulty.MEDIUM, byLetter.difficulty(), "medium unless a moderator says otherwise");
        assertEquals("B", ok(new SuggestedQuestion.Typed("Which?", "One\nTwo", " two ", "So.", "")).answer());
        assertEquals(List.of("B. Managed", "A. Manual"), ok(new SuggestedQuestion.Typed("Which?", "B. Managed\nA. Manual",
                "A", "So.", "")).options(), "a label out of order is the option's own text");
    }

    @Test
    void eachProblemNamesTheFieldOfTheForm() {
        assertEquals(List.of("Question: write the question.",
                "Options: give 2 to 4 options, one per line (A to D); you gave 1.",
                "Explanation: say why the right option is right."), problems(new SuggestedQuestion.Typed(" ", "Only", "A", "", "")));
        assertEquals(List.of("Right option: give its letter (A to B) or its text as written in the options."),
                problems(new SuggestedQuestion.Typed("Which?", "One\nTwo", "C", "So.", "")));
        assertEquals(List.of("Difficulty: easy, medium or hard."),
                problems(new SuggestedQuestion.Typed("Which?", "One\nTwo", "A", "So.", "extreme")));
        List<String> tooLong = problems(new SuggestedQuestion.Typed("Which?", "One\n" + "x".repeat(78), "A", "So.", ""));
        assertEquals(1, tooLong.size(), tooLong.toString());
        assertTrue(tooLong.get(0).startsWith("Options: ") && tooLong.get(0).contains("77"), "the quiz file's limit: " + tooLong);
        List<String> prompt = problems(new SuggestedQuestion.Typed("x".repeat(3001), "One\nTwo", "A", "So.", ""));
        assertTrue(prompt.get(0).startsWith("Question: ") && prompt.get(0).contains("3000"), prompt.toString());
    }

    @Test
    void anApprovedQuestionCarriesItsCreditThroughADownloadAndReUpload() {
        SuggestedQuestion q = ok(new SuggestedQuestion.Typed("Which?", "One\nTwo", "B", "Because two.", "hard"));
        assertEquals(q, SuggestedQuestion.fromJson(q.toJson()), "stored and read back");
        assertEquals(q, ok(q.typed()), "the edit form shows it as it is");
        Question question = q.question(new QuestionRef("suggestions", "suggestion-1"), CREDIT);
        Topic topic = new Topic("suggestions", "Suggestions from members", "", "", 0, Optional.empty(), List.of(question),
                Path.of("suggestions.json"));
        Upload.Read read = Upload.read("suggestions.json", TopicWriter.write(topic, "").getBytes(StandardCharsets.UTF_8));
        Question back = assertInstanceOf(Upload.Valid.class, read, read.toString()).topic().questions().get(0);
        assertEquals(question, back);
        assertEquals(CREDIT, back.solution().steps().get(back.solution().steps().size() - 1).title());
        assertEquals("Two", back.solution().answer());
        assertEquals(Difficulty.HARD, back.difficulty());
    }
}
