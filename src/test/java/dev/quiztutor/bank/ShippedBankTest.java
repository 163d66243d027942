package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The MLOps topic the bot ships: valid, and complete with everything the two seed pages show. */
class ShippedBankTest {
    private final Topic topic = Fixtures.shippedTopic();

    @Test
    void everyShippedFileIsValid() {
        BankLoader.Report report = BankLoader.load(Fixtures.SHIPPED);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of("mlops-maturity-levels", "model-monitoring-drift"),
                report.bank().topics().stream().map(Topic::id).toList());
    }

    @Test
    void carriesTheWholeLessonOfTheStepByStepPage() {
        Lesson lesson = topic.lesson().orElseThrow();
        assertEquals(6, lesson.flow().steps().size(), "six flow steps from manual building to governance");
        assertEquals("Step 1 · Level 1: Manual Model Building", lesson.flow().steps().get(0).title());
        assertTrue(lesson.sample().isPresent(), "execution sample");
        assertEquals(List.of("Process table", "Status tracker", "Two scales"),
                lesson.tables().stream().map(Lesson.Table::title).toList(), "the page's two tables and the scales' mapping");
        assertEquals(6, lesson.tables().get(0).rows().size());
        assertEquals(5, lesson.tables().get(0).columns().size());
        assertEquals(4, lesson.insights().size(), "the page's three key moments and one on the two scales");
        assertEquals(3, lesson.quiz().size(), "the visual quiz's three questions");
        assertEquals(5, lesson.snapshot().size());
        assertFalse(lesson.transcript().isBlank());
    }

    @Test
    void holdsFivePracticeQuestionsThreeVisualAndFiveBlanksTasks() {
        Map<QuestionKind, Long> byKind = topic.questions().stream()
                .collect(Collectors.groupingBy(Question::kind, Collectors.counting()));
        assertEquals(8L, byKind.get(QuestionKind.CHOICE));
        assertEquals(5L, byKind.get(QuestionKind.BLANKS));
        Map<Difficulty, Long> byDifficulty = topic.questions().stream()
                .collect(Collectors.groupingBy(Question::difficulty, Collectors.counting()));
        assertTrue(byDifficulty.values().stream().allMatch(n -> n >= 3), "every difficulty can fill a test: " + byDifficulty);
    }

    @Test
    void answerKeysDerivedFromThePages() {
        assertAll(
                () -> assertEquals(List.of("A"), answer("first-level")),
                () -> assertEquals(List.of("D"), answer("level-3-description")),
                () -> assertEquals(List.of("A"), answer("automated-manual-monitoring")),
                () -> assertEquals(List.of("C"), answer("level-2-error")),
                () -> assertEquals(List.of("B"), answer("level-2-to-level-3")),
                () -> assertEquals(List.of("B"), answer("visual-step-3"), "Step 3 automation is Medium"),
                () -> assertEquals(List.of("C"), answer("visual-training-start"), "continuous training is Step 5"),
                () -> assertEquals(List.of("A", "B"), answer("blank-highest-level"), "Optimized, scalability"),
                () -> assertEquals(List.of("A", "B", "C"), answer("blank-levels-dictionary")));
    }

    @Test
    void everyQuestionTeaches() {
        for (Question q : topic.questions()) {
            assertAll(q.id(),
                    () -> assertFalse(q.hints().isEmpty(), "hints"),
                    () -> assertTrue(q.solution().steps().size() >= 2, "numbered steps"),
                    () -> assertTrue(q.solution().hasQuickCheck(), "quick check"),
                    () -> assertFalse(q.mistakes().isEmpty(), "common mistakes"),
                    () -> assertEquals(3, q.attempts(), "three tries as on the page"));
        }
    }

    private List<String> answer(String id) {
        return topic.question(id).orElseThrow().answerLetters();
    }
}
