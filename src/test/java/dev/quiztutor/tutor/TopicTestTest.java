package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The topic test: deferred feedback over a balanced paper, then a report with a verdict. */
class TopicTestTest {

    private static Topic bank(int easy, int medium, int hard) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < easy; i++) {
            questions.add(Fixtures.choice("e" + i, Difficulty.EASY, "A"));
        }
        for (int i = 0; i < medium; i++) {
            questions.add(Fixtures.choice("m" + i, Difficulty.MEDIUM, "B"));
        }
        for (int i = 0; i < hard; i++) {
            questions.add(Fixtures.blanks("h" + i, Difficulty.HARD, "C", "D"));
        }
        return Fixtures.topic("t", questions);
    }

    @Test
    void tenQuestionsBalancedAcrossDifficultiesWithoutRepeats() {
        for (int seed = 0; seed < 50; seed++) {
            TopicTest.Paper paper = TopicTest.draw(bank(8, 8, 8), 10, new Random(seed));
            assertEquals(10, paper.questions().size());
            assertEquals(10, new HashSet<>(paper.questions()).size(), "no repeats");
            Map<Difficulty, Long> counts = paper.questions().stream()
                    .collect(Collectors.groupingBy(Question::difficulty, Collectors.counting()));
            assertEquals(Map.of(Difficulty.EASY, 4L, Difficulty.MEDIUM, 3L, Difficulty.HARD, 3L), counts);
            assertFalse(paper.shorterThanRequested());
        }
    }

    @Test
    void balancedAsFarAsTheBankAllows() {
        TopicTest.Paper paper = TopicTest.draw(bank(10, 1, 2), 10, new Random(3));
        Map<Difficulty, Long> counts = paper.questions().stream()
                .collect(Collectors.groupingBy(Question::difficulty, Collectors.counting()));
        assertEquals(Map.of(Difficulty.EASY, 7L, Difficulty.MEDIUM, 1L, Difficulty.HARD, 2L), counts);
        List<Difficulty> order = paper.questions().stream().map(Question::difficulty).toList();
        assertEquals(order.stream().sorted().toList(), order, "easy first, hard last");
    }

    @Test
    void aSmallBankGivesAShorterTestAndSaysSo() {
        TopicTest.Paper paper = TopicTest.draw(bank(2, 1, 1), 10, new Random(1));
        assertEquals(4, paper.questions().size());
        assertTrue(paper.shorterThanRequested());
        assertEquals(10, paper.requested());
    }

    @Test
    void theShippedTopicFillsATenQuestionTest() {
        TopicTest.Paper paper = TopicTest.draw(Fixtures.shippedTopic(), 10, new Random(9));
        assertEquals(10, paper.questions().size());
        Map<Difficulty, Long> counts = paper.questions().stream()
                .collect(Collectors.groupingBy(Question::difficulty, Collectors.counting()));
        assertEquals(Map.of(Difficulty.EASY, 4L, Difficulty.MEDIUM, 3L, Difficulty.HARD, 3L), counts);
    }

    @Test
    void nothingIsMarkedUntilTheEndThenTheReportTellsAll() {
        TopicTest test = TopicTest.start(TopicTest.draw(bank(4, 3, 3), 10, new Random(5)));
        assertThrows(IllegalStateException.class, test::report, "no report before the end");
        int index = 0;
        while (!test.finished()) {
            Question q = test.current().orElseThrow();
            boolean answerRight = index < 6;
            if (index == 9) {
                test = test.skip();
            } else {
                test = test.answer(answerRight ? new Response.Letters(q.answerLetters()) : wrong(q));
            }
            index++;
        }
        TopicTest.Report report = test.report();
        assertEquals(new TopicTest.Tally(6, 10), report.overall());
        assertEquals(Verdict.GETTING_THERE, report.verdict());
        assertEquals(4, report.missed().size());
        TopicTest.Missed skipped = report.missed().get(3);
        assertEquals(10, skipped.number());
        assertEquals(Optional.empty(), skipped.given());
        assertEquals(new TopicTest.Tally(4, 4), report.byDifficulty().get(Difficulty.EASY));
        assertEquals(new TopicTest.Tally(2, 3), report.byDifficulty().get(Difficulty.MEDIUM));
        assertEquals(new TopicTest.Tally(0, 3), report.byDifficulty().get(Difficulty.HARD));
    }

    @Test
    void finishingEarlyCountsTheRestAsMissed() {
        TopicTest test = TopicTest.start(TopicTest.draw(bank(4, 3, 3), 10, new Random(5)));
        test = test.answer(new Response.Letters(test.current().orElseThrow().answerLetters())).finish();
        assertTrue(test.finished());
        assertEquals(new TopicTest.Tally(1, 10), test.report().overall());
        assertEquals(Verdict.NEEDS_PRACTICE, test.report().verdict());
    }

    @Test
    void verdictThresholds() {
        assertEquals(Verdict.STRONG, Verdict.of(8, 10));
        assertEquals(Verdict.GETTING_THERE, Verdict.of(7, 10));
        assertEquals(Verdict.GETTING_THERE, Verdict.of(5, 10));
        assertEquals(Verdict.NEEDS_PRACTICE, Verdict.of(4, 10));
        assertEquals(Verdict.STRONG, Verdict.of(4, 4));
        assertEquals(Verdict.NEEDS_PRACTICE, Verdict.of(0, 0));
    }

    @Test
    void aResumedTestContinuesWhereItStopped() {
        TopicTest test = TopicTest.start(TopicTest.draw(bank(4, 3, 3), 10, new Random(5)));
        test = test.answer(Response.of("A")).skip();
        TopicTest resumed = TopicTest.resume(test.paper(), test.answers());
        assertEquals(2, resumed.position());
        assertEquals(test.current(), resumed.current());
    }

    private static Response wrong(Question q) {
        List<String> letters = q.answerLetters().stream().map(l -> l.equals("A") ? "B" : "A").toList();
        return new Response.Letters(letters);
    }
}
