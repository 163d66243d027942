package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionPickerTest {
    private final List<Question> questions = List.of(
            Fixtures.choice("a", Difficulty.EASY, "A"),
            Fixtures.choice("b", Difficulty.EASY, "A"),
            Fixtures.choice("c", Difficulty.EASY, "A"));

    @Test
    void avoidsWhatTheAudienceMetRecently() {
        for (int seed = 0; seed < 20; seed++) {
            Question picked = QuestionPicker.pick(questions, List.of(questions.get(0).ref(), questions.get(2).ref()),
                    new Random(seed)).orElseThrow();
            assertEquals("b", picked.id());
        }
    }

    @Test
    void whenEverythingWasMetPicksTheOneMetLongestAgo() {
        Question picked = QuestionPicker.pick(questions,
                List.of(questions.get(1).ref(), questions.get(2).ref(), questions.get(0).ref()), new Random(1)).orElseThrow();
        assertEquals("b", picked.id());
    }

    @Test
    void aTutorCyclesThroughATopicBeforeRepeating() {
        Tutor tutor = new Tutor(Fixtures.shippedBank(), new LiveAttempts(new InMemoryAttemptJournal(),
                LiveAttempts.Settings.DEFAULT), new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(4));
        Tutor.Selection choice = Tutor.Selection.of(QuestionKind.PRACTICE);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            seen.add(tutor.pick(99, choice).orElseThrow().id());
        }
        assertEquals(8, seen.size(), "all eight choice questions before any repeat");
        Tutor.Selection hardBlanks = new Tutor.Selection(Optional.empty(), Optional.of(Difficulty.HARD), QuestionKind.CODE);
        assertTrue(tutor.candidates(tutor.banks().global(), hardBlanks).stream().allMatch(q -> q.difficulty() == Difficulty.HARD
                && q.kind() == QuestionKind.BLANKS));
        assertEquals(3, tutor.candidates(tutor.banks().global(), hardBlanks).size());
    }
}
