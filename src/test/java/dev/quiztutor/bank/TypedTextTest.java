package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypedTextTest {
    @Test
    void comparesTypedAnswersAsAPersonWould() {
        assertEquals("model registry", TypedText.normalise("  The Model   Registry! ").replace("the ", ""));
        assertEquals("model registry", TypedText.normalise("Model\tRegistry."));
        assertEquals("model-registry", TypedText.normalise("«model-registry»"), "inner punctuation is kept");
        // NFKC: full-width letters and the ligature ﬁ read as plain letters.
        assertEquals("fine tuning", TypedText.normalise("ＦＩＮＥ ｔｕｎｉｎｇ"));
        assertEquals("fine", TypedText.normalise("ﬁne"));
        assertEquals("c++", TypedText.normalise("C++"), "a trailing symbol that is the answer stays");
        assertEquals("c#", TypedText.normalise("\"C#\"."));
    }

    @Test
    void countsTyposAsEdits() {
        assertTrue(TypedText.withinEdits("concept drift", "concpt drift", 1));
        assertTrue(TypedText.withinEdits("concept drift", "concpet drift", 2), "a swap is two edits");
        assertFalse(TypedText.withinEdits("concept drift", "concpet drift", 1));
        assertFalse(TypedText.withinEdits("data drift", "concept drift", 3));
        assertTrue(TypedText.withinEdits("abc", "abc", 0));
    }

    @Test
    void readsNumbersWithACommaOrAPointAndAUnit() {
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("3.5"), "")), TypedText.number("3,5"));
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("3.5"), "")), TypedText.number(" 3.5 "));
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("-2"), "")), TypedText.number("−2"));
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("250"), "ms")), TypedText.number("250 ms"));
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("1000"), "")), TypedText.number("1 000"));
        assertEquals(0, new BigDecimal("1000").compareTo(TypedText.number("1e3").orElseThrow().value()));
        assertEquals(Optional.of(new TypedText.TypedNumber(new BigDecimal("0.5"), "")), TypedText.number(".5"));
        assertEquals(Optional.empty(), TypedText.number("about three"));
        assertEquals(Optional.empty(), TypedText.number(""));
    }
}
