package dev.quiztutor.tutor.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review each way an attempt can go amounts to: its rating, and when it was made. */
class ReviewTest {
    /** A choice question, right answer B, three tries and two hints. */
    private final Question question = Fixtures.choice("B");

    static Instant at(int minute) {
        return Instant.parse("2026-11-30T09:00:00Z").plusSeconds(60L * minute);
    }

    static AttemptEvent right(Instant at) {
        return new AttemptEvent.Answered(at, new Response.Letters(List.of("B")), Grade.of(1, 1));
    }

    static AttemptEvent wrong(Instant at) {
        return new AttemptEvent.Answered(at, new Response.Letters(List.of("A")), Grade.of(0, 1));
    }

    private Optional<Review> review(AttemptEvent... events) {
        return Review.of(Attempt.replay(question, List.of(events)));
    }

    @Test
    void rightOnTheFirstTryWithoutHintsIsGood() {
        assertEquals(Optional.of(new Review(at(1), Rating.GOOD)), review(right(at(1))));
    }

    @Test
    void rightAfterAWrongTryIsHardAtTheRightAnswer() {
        assertEquals(Optional.of(new Review(at(2), Rating.HARD)), review(wrong(at(1)), right(at(2))));
    }

    @Test
    void rightOnTheFirstTryAfterAHintIsHard() {
        assertEquals(Optional.of(new Review(at(2), Rating.HARD)),
                review(new AttemptEvent.HintShown(at(1), 1), right(at(2))));
    }

    @Test
    void outOfTriesIsAgainAtTheLastTry() {
        assertEquals(Optional.of(new Review(at(3), Rating.AGAIN)), review(wrong(at(1)), wrong(at(2)), wrong(at(3))));
    }

    @Test
    void givingUpIsAgainAtTheGiveUp() {
        assertEquals(Optional.of(new Review(at(4), Rating.AGAIN)),
                review(new AttemptEvent.HintShown(at(1), 1), new AttemptEvent.GaveUp(at(4))));
        assertEquals(Optional.of(new Review(at(5), Rating.AGAIN)), review(wrong(at(1)), new AttemptEvent.GaveUp(at(5))));
    }

    /** A member who answers wrong and walks away, or a topic test's wrong answer (one answer, no feedback). */
    @Test
    void aWrongAnswerLeftOpenIsAgainAtTheLatestAnswer() {
        assertEquals(Optional.of(new Review(at(1), Rating.AGAIN)), review(wrong(at(1))));
        assertEquals(Optional.of(new Review(at(2), Rating.AGAIN)), review(wrong(at(1)), wrong(at(2))));
    }

    @Test
    void anAttemptWithNoAnswerIsNoReview() {
        assertEquals(Optional.empty(), review());
        assertEquals(Optional.empty(), review(new AttemptEvent.HintShown(at(1), 1)));
    }

    /** An answer to a question already solved is not counted (see Attempt), so it changes nothing here either. */
    @Test
    void answersAfterTheEndDoNotCount() {
        assertEquals(Optional.of(new Review(at(1), Rating.GOOD)), review(right(at(1)), wrong(at(2)), right(at(3))));
        assertEquals(Optional.of(new Review(at(2), Rating.AGAIN)),
                review(new AttemptEvent.GaveUp(at(2)), right(at(3)), new AttemptEvent.GaveUp(at(4))));
    }

    /** The card is derived from the events, so coming back to a post left open turns its miss into Hard. */
    @Test
    void solvingAnOpenAttemptLaterMakesItHard() {
        Attempt open = Attempt.replay(question, List.of(wrong(at(1))));
        assertEquals(Rating.AGAIN, Review.of(open).orElseThrow().rating());
        assertEquals(Optional.of(new Review(at(90), Rating.HARD)), Review.of(open.with(right(at(90)))));
    }
}
