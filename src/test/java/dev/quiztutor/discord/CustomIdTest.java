package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.QuestionRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomIdTest {
    private static final QuestionRef REF = new QuestionRef("mlops-maturity-levels", "blank-levels-dictionary");

    @Test
    void everyIdTheBotMakesReadsBack() {
        List<CustomId> ids = List.of(
                new CustomId.Answer(REF, "B"), new CustomId.Hint(REF), new CustomId.Reveal(REF), new CustomId.Check(REF),
                new CustomId.Blank(REF, 3), new CustomId.ShowSolution(REF), new CustomId.LessonPage("mlops", 12),
                new CustomId.LessonAnswer("mlops", 9, "D"), new CustomId.TestAnswer(1_234_567_890_123_456_789L, 9, "A"),
                new CustomId.TestBlank(42, 0, 4), new CustomId.TestSubmit(42, 3), new CustomId.TestSkip(42, 7),
                new CustomId.SuggestForm("suggestions"), new CustomId.SuggestRetry("own-topic"),
                new CustomId.SuggestReview(Long.MAX_VALUE, CustomId.SuggestReview.Verdict.APPROVE),
                new CustomId.SuggestReview(1, CustomId.SuggestReview.Verdict.EDIT),
                new CustomId.SuggestReview(36, CustomId.SuggestReview.Verdict.REJECT), new CustomId.SuggestEdited(77));
        for (CustomId id : ids) {
            String encoded = id.encode();
            assertTrue(encoded.length() <= 100, encoded);
            assertEquals(Optional.of(id), CustomId.parse(encoded), encoded);
        }
    }

    @Test
    void theLongestIdsFitWithRoomToSpare() {
        String longest = "x".repeat(32);
        String id = new CustomId.Answer(new QuestionRef(longest, longest), "Y").encode();
        assertTrue(id.length() <= 80, id.length() + ": " + id);
    }

    @Test
    void reviewIdsCarryTheSessionsStepAndReadBackAtTheirLongest() {
        String longest = "x".repeat(32);
        QuestionRef ref = new QuestionRef(longest, longest);
        CustomId.ReviewStep step = new CustomId.ReviewStep(Long.MAX_VALUE, 9999, true);
        List<CustomId> ids = List.of(new CustomId.ReviewAnswer(step, ref, "Y"), new CustomId.ReviewHint(step, ref),
                new CustomId.ReviewReveal(step, ref), new CustomId.ReviewBlank(step, ref, 4), new CustomId.ReviewCheck(step, ref),
                new CustomId.ReviewType(step, ref), new CustomId.ReviewTyped(step, ref), new CustomId.ReviewNext(step, longest),
                new CustomId.ReviewNext(new CustomId.ReviewStep(1_234_567_890_123_456_789L, 0, false), ""),
                new CustomId.ReviewAnswer(new CustomId.ReviewStep(42, 3, false), REF, "T"));
        for (CustomId id : ids) {
            String encoded = id.encode();
            assertTrue(encoded.length() <= 100, encoded.length() + ": " + encoded);
            assertEquals(Optional.of(id), CustomId.parse(encoded), encoded);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qt1:ra:abc:0:a:t:q", "qt1:ra:abc:0:x:t:q:A", "qt1:ra:abc:-1:a:t:q:A", "qt1:ra:ABC:0:a:t:q:A",
            "qt1:rb:abc:0:a:t:q:0", "qt1:rn:abc:0:t:-", "qt1:rn:abc:0:a:topic", "qt1:rn:abc:0:a", "qt1:rh:abc:0:a:t:q:x",
            "qt1:rym:abc:0:a:t", "qt1:rg:zzzzzzzzzzzzzz:0:a:t:q"})
    void staleOrForgedReviewIdsReadAsNothing(String id) {
        assertEquals(Optional.empty(), CustomId.parse(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "qt2:a:t:q:B", "qt1:a:t:q", "qt1:a:t:q:B:extra", "qt1:a:T:q:B", "qt1:a:t:q:Z",
            "qt1:a:t:q:b", "qt1:a:t--x:q:B", "qt1:b:t:q:5", "qt1:b:t:q:0", "qt1:l:t:-1", "qt1:l:t:99999",
            "qt1:ta:zzzzzzzzzzzzzz:1:A", "qt1:ta:abc:01:A", "qt1:zz:t:q", "qt1:h:t:q:",
            "qt1:a:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:q:B",
            "qt1:sa:", "qt1:sa:1:2", "qt1:sx:ZZ", "qt1:se:zzzzzzzzzzzzzz", "qt1:sq:Not-An-Id", "qt1:sem:-1",
            "qt1:a:-t:q:B", "qt1:a:t-:q:B", "qt1:a:t:-:B", "qt1:a::q:B", "qt1:a:t:q_1:B", "qt1:a:t:q:AB", "qt1:a:t:q:"})
    void staleOrForgedIdsReadAsNothing(String id) {
        assertEquals(Optional.empty(), CustomId.parse(id));
    }

    @Test
    void nullAndOversizedIdsToo() {
        assertEquals(Optional.empty(), CustomId.parse(null));
        assertEquals(Optional.empty(), CustomId.parse("qt1:h:" + "a".repeat(100) + ":q"));
    }
}
