package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiztutor.bank.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The general feedback the exporters write is read back whole; a teacher's own feedback is left as text. */
class WorkedSolutionTest {
    @Test
    void whatIsWrittenIsReadBack() {
        WorkedSolution s = new WorkedSolution(List.of(new Step("First", "line one\nline two\n2. not a step"),
                new Step("Second", "")), "42", "6 × 7", List.of("Off by one", "Adding instead"));
        assertEquals(Optional.of(s), WorkedSolution.parse(s.text()));
    }

    @Test
    void aTeachersOwnFeedbackIsNotTakenApart() {
        assertEquals(Optional.empty(), WorkedSolution.parse("Because six sevens.\n\n**Answer:** 42"));
        assertEquals(Optional.empty(), WorkedSolution.parse("**Answer:** 42"));
    }
}
