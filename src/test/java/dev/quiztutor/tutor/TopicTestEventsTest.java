package dev.quiztutor.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.tutor.review.FsrsScheduler;
import dev.quiztutor.tutor.review.InMemoryCardStore;
import dev.quiztutor.tutor.review.Rating;
import dev.quiztutor.tutor.review.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A topic test's steps kept as attempt events at the test's place: what review cards and statistics read. */
class TopicTestEventsTest {
    private static final long GUILD = 5;
    private static final long USER = 9;
    private static final long TEST = 777;

    private final TestClock clock = new TestClock("2026-11-30T10:00:00Z");
    private final InMemoryAttemptJournal journal = new InMemoryAttemptJournal();
    private final QuizBank bank = Fixtures.twoTopics(3, List.of("Think."));
    private final Tutor tutor = new Tutor(bank, new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT),
            new InMemoryHistory(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
    private final TopicTest.Paper paper = TopicTest.draw(bank.topic("alpha").orElseThrow(), 5, new Random(4));

    private List<AttemptEvent> events(int position) {
        return journal.load(new AttemptKey(Place.test(GUILD, TEST), USER, paper.questions().get(position).ref()));
    }

    private TopicTest step(TopicTest before, TopicTest after) {
        clock.advance(Duration.ofMinutes(1));
        tutor.recordTest(GUILD, USER, TEST, before, after);
        return after;
    }

    private static String wrong(Question q) {
        return "B".equals(((dev.quiztutor.bank.QuestionType.Choice) q.type()).answer()) ? "A" : "B";
    }

    @Test
    void anAnswerIsOneTryASkipOrTheQuestionOnScreenAtFinishIsAGiveUpAndUnseenQuestionsAreNothing() {
        TopicTest test = TopicTest.start(paper);
        Question first = paper.questions().get(0);
        test = step(test, test.answer(Response.of("B")));                         // right
        Instant wrongAt = clock.instant().plus(Duration.ofMinutes(1));
        test = step(test, test.answer(Response.of(wrong(paper.questions().get(1))))); // wrong
        Instant skippedAt = clock.instant().plus(Duration.ofMinutes(1));
        test = step(test, test.skip());                                            // skipped
        Instant finishedAt = clock.instant().plus(Duration.ofMinutes(1));
        test = step(test, test.finish());                                          // 4th on screen, 5th never shown
        assertTrue(test.finished());

        assertEquals(List.of(new AttemptEvent.Answered(clock.instant().minus(Duration.ofMinutes(3)),
                Response.of("B"), Grade.of(first, Response.of("B")))), events(0));
        AttemptEvent.Answered missed = assertInstanceOf(AttemptEvent.Answered.class, events(1).get(0));
        assertEquals(wrongAt, missed.at());
        assertTrue(!missed.grade().correct() && events(1).size() == 1);
        assertEquals(List.of(new AttemptEvent.GaveUp(skippedAt)), events(2));
        assertEquals(List.of(new AttemptEvent.GaveUp(finishedAt)), events(3));
        assertEquals(List.of(), events(4), "a question never shown is no attempt");

        // As review sees them: Good, Again, Again, Again; no card for the unseen one.
        var cards = new InMemoryCardStore(journal, FsrsScheduler.tutor(0.9)).attempts(GUILD, USER, Optional.empty());
        assertEquals(4, cards.size());
        for (var attempted : cards) {
            Rating rating = Review.of(attempted.attempt()).orElseThrow().rating();
            assertEquals(attempted.question().equals(first.ref()) ? Rating.GOOD : Rating.AGAIN, rating,
                    attempted.question().toString());
        }
    }

    @Test
    void aStepRecordedTwiceAfterACrashKeepsTheFirstTry() {
        TopicTest test = TopicTest.start(paper);
        TopicTest answered = test.answer(Response.of(wrong(paper.questions().get(0))));
        step(test, answered);
        // The test was not saved before the crash: resumed at the same question, answered again, right.
        step(test, test.answer(Response.of("B")));
        assertEquals(1, events(0).size());
        assertTrue(!((AttemptEvent.Answered) events(0).get(0)).grade().correct());
    }
}
