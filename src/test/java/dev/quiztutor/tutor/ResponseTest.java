package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTest {
    private final Question choice = Fixtures.choice("B");
    private final Question blanks = Fixtures.blanks("b", Difficulty.HARD, "A", "B", "C");

    @Test
    void readsLettersHoweverTheyAreTyped() {
        assertEquals(Response.of("B"), valid(choice, " b "));
        assertEquals(Response.of("A", "C", "B"), valid(blanks, "A C B"));
        assertEquals(Response.of("A", "C", "B"), valid(blanks, "a,c,b"));
        assertEquals(Response.of("A", "C", "B"), valid(blanks, "ACB"));
    }

    @Test
    void saysWhatIsValid() {
        assertEquals("Answer with one letter: A, B, C or D.", invalid(choice, "A B"));
        assertEquals("\"E\" is not an option; options are A, B, C or D.", invalid(choice, "E"));
        assertEquals("Answer with 3 letters, one per blank in order, such as \"A C B\"; options are A, B, C or D.",
                invalid(blanks, "A B"));
        assertEquals("\"7\" is not an option; options are A, B, C or D.", invalid(blanks, "A B 7"));
    }

    @Test
    void checksLettersFromComponentsToo() {
        assertInstanceOf(Response.Invalid.class, Response.check(choice, List.of("Z")));
        assertInstanceOf(Response.Valid.class, Response.check(choice, List.of("D")));
    }

    private static Response valid(Question q, String text) {
        return assertInstanceOf(Response.Valid.class, Response.parse(q, text)).response();
    }

    private static String invalid(Question q, String text) {
        return assertInstanceOf(Response.Invalid.class, Response.parse(q, text)).reason();
    }
}
