package dev.quiztutor.tutor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.progress.RightAnswers.Solved;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.FsrsScheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A crafted history, each figure known by hand: right answers fall into the guild's weeks (Monday to
 * Sunday in its zone, across a daylight-saving change), and mastery counts the questions FSRS says the
 * member still recalls with at least the retention their cards are scheduled for. The summary and the
 * alt text say exactly these figures.
 */
class ProgressPictureTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 2 December 2026, noon in Berlin: the weeks shown start on Mondays 12 October to 30 November. */
    static final Instant NOW = berlin(2026, 12, 2, 12, 0);

    static final Question A1 = Fixtures.choice("a1", Difficulty.EASY, "B");
    static final Question A2 = Fixtures.choice("a2", Difficulty.MEDIUM, "B");
    static final Question A3 = Fixtures.choice("a3", Difficulty.HARD, "B");
    static final Question G1 = Fixtures.choice("g1", Difficulty.EASY, "B");
    static final Topic ALPHA = Fixtures.topic("alpha", List.of(with("alpha", A1), with("alpha", A2), with("alpha", A3)));
    static final Topic BETA = Fixtures.topic("beta", List.of(with("beta", A1), with("beta", A2)));
    static final Topic GAMMA = Fixtures.topic("gamma", List.of(with("gamma", G1)));

    static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    /** The fixture's question, in a topic of ours. */
    static Question with(String topic, Question q) {
        return new Question(new dev.quiztutor.bank.QuestionRef(topic, q.id()), q.difficulty(), q.prompt(), q.type(),
                q.hints(), q.attempts(), q.solution(), q.mistakes());
    }

    static List<Solved> solved() {
        return List.of(
                new Solved(berlin(2026, 10, 11, 23, 30), Difficulty.HARD), // the Sunday before the first week: left out
                new Solved(berlin(2026, 10, 12, 0, 10), Difficulty.EASY), // 11 October in UTC, the first week in Berlin
                new Solved(berlin(2026, 10, 25, 23, 30), Difficulty.MEDIUM), // the night clocks went back: still that week
                new Solved(berlin(2026, 11, 29, 23, 59), Difficulty.HARD), // last week's Sunday
                new Solved(berlin(2026, 11, 30, 0, 0), Difficulty.MEDIUM), // this week's first minute
                new Solved(berlin(2026, 12, 1, 9, 0), Difficulty.EASY),
                new Solved(berlin(2026, 12, 2, 11, 0), Difficulty.EASY));
    }

    /**
     * Mastery is recall one day after NOW (Thursday 3 December, noon), in whole days since the last review,
     * with f = 0.9^(-1/0.1542) - 1 = 0.98035. alpha: a1 right on the first try on 1 December at 11:00 (Good:
     * stability 2.3065 days; 2 whole days to Thursday noon: (1 + 0.98035 × 2 / 2.3065)^-0.1542 = 0.909),
     * a2 missed on 30 November (Again: stability 0.212; 3 days: (1 + 0.98035 × 3 / 0.212)^-0.1542 = 0.660),
     * a3 never met; beta never met; gamma's g1 right after a wrong try this morning (Hard: stability
     * 1.2931; 1 day: (1 + 0.98035 / 1.2931)^-0.1542 = 0.917).
     */
    static Deck deck(double retention) {
        return Deck.of(FsrsScheduler.tutor(retention), attempts());
    }

    /** The attempts {@link #deck} is derived from. */
    static List<Deck.Attempted> attempts() {
        List<Deck.Attempted> attempts = new ArrayList<>();
        attempts.add(attempted("alpha", A1, right(berlin(2026, 12, 1, 11, 0))));
        attempts.add(attempted("alpha", A2, wrong(berlin(2026, 11, 30, 11, 0)), wrong(berlin(2026, 11, 30, 11, 1)),
                wrong(berlin(2026, 11, 30, 11, 2))));
        attempts.add(attempted("gamma", G1, wrong(berlin(2026, 12, 2, 9, 0)), right(berlin(2026, 12, 2, 9, 1))));
        return attempts;
    }

    static Deck.Attempted attempted(String topic, Question q, AttemptEvent... events) {
        Question ours = with(topic, q);
        return new Deck.Attempted(ours.ref(), Attempt.replay(ours, List.of(events)));
    }

    static AttemptEvent right(Instant at) {
        return new AttemptEvent.Answered(at, new Response.Letters(List.of("B")), Grade.of(1, 1));
    }

    static AttemptEvent wrong(Instant at) {
        return new AttemptEvent.Answered(at, new Response.Letters(List.of("A")), Grade.of(0, 1));
    }

    static ProgressPicture picture(double retention) {
        return ProgressPicture.of(solved(), NOW, BERLIN, List.of(ALPHA, BETA, GAMMA), deck(retention),
                ProgressPictureTest::attempts);
    }

    @Test
    void rightAnswersFallInTheGuildsWeeks() {
        ProgressPicture picture = picture(0.9);
        LocalDate first = LocalDate.of(2026, 10, 12);
        List<WeekOfRightAnswers> expected = new ArrayList<>();
        for (int i = 0; i < ProgressPicture.WEEKS; i++) {
            expected.add(WeekOfRightAnswers.none(first.plusWeeks(i)));
        }
        expected.set(0, new WeekOfRightAnswers(first, 1, 0, 0));
        expected.set(1, new WeekOfRightAnswers(first.plusWeeks(1), 0, 1, 0));
        expected.set(6, new WeekOfRightAnswers(first.plusWeeks(6), 0, 0, 1));
        expected.set(7, new WeekOfRightAnswers(first.plusWeeks(7), 2, 1, 0));
        assertEquals(expected, picture.weeks());
        assertEquals(6, picture.totalRight());
        assertEquals(berlin(2026, 10, 12, 0, 0), ProgressPicture.since(NOW, BERLIN), "what the store is asked from");
    }

    @Test
    void masteryIsTheShareOfATopicsQuestionsRecalledAtTheRetention() {
        assertEquals(List.of(new TopicMastery("alpha", "Topic alpha", 3, 2, 1), new TopicMastery("gamma", "Topic gamma", 1, 1, 1)),
                picture(0.9).topics(), "beta, never met, is not shown; a2 (recall 0.660) is not mastered");
        assertEquals(List.of(new TopicMastery("alpha", "Topic alpha", 3, 2, 0), new TopicMastery("gamma", "Topic gamma", 1, 1, 0)),
                picture(0.95).topics(), "at retention 0.95, neither a1 (recall 0.909) nor g1 (0.917) is mastered");
        assertEquals(33, picture(0.9).topics().get(0).percent());
    }

    /**
     * Both answered this morning, so recall now is 1 for both: tomorrow it is (1 + 0.98035 / 0.212)^-0.1542
     * = 0.766 for the question missed (Again: its worked solution was shown, not recalled) and
     * (1 + 0.98035 / 2.3065)^-0.1542 = 0.947 for the one right on the first try (Good).
     */
    @Test
    void aQuestionMissedTodayIsNotMasteredOneRightOnTheFirstTryIs() {
        List<Deck.Attempted> attempts = List.of(
                attempted("alpha", A1, wrong(berlin(2026, 12, 2, 10, 0)), wrong(berlin(2026, 12, 2, 10, 1)),
                        wrong(berlin(2026, 12, 2, 10, 2))),
                attempted("alpha", A2, right(berlin(2026, 12, 2, 10, 5))));
        Deck deck = Deck.of(FsrsScheduler.tutor(0.9), attempts);
        ProgressPicture picture = ProgressPicture.of(List.of(), NOW, BERLIN, List.of(ALPHA), deck, () -> attempts);
        assertEquals(List.of(new TopicMastery("alpha", "Topic alpha", 3, 2, 1)), picture.topics(),
                "a1, missed three times this morning, is not mastered; a2, right at once, is");
        assertEquals("Mastered: 1 of the 3 questions of your 1 topic (2 met), those you would still recall tomorrow"
                + " with at least 90% probability.", ProgressText.summary(picture).get(1));
    }

    /**
     * a1 right on the first try five times since October (stability over ten days) and missed this morning
     * (three wrong tries: Again): FSRS alone still gives recall tomorrow above 0.9 after the lapse, but a
     * member who just got it wrong does not count it as mastered. Solved again later today, after a wrong
     * try (Hard), it is recalled right again and counts.
     */
    @Test
    void aQuestionLongKnownAndMissedTodayIsNotMasteredUntilItIsAnsweredRightAgain() {
        List<Deck.Attempted> attempts = new ArrayList<>();
        for (Instant at : List.of(berlin(2026, 9, 1, 10, 0), berlin(2026, 9, 4, 10, 0), berlin(2026, 9, 12, 10, 0),
                berlin(2026, 10, 1, 10, 0), berlin(2026, 11, 15, 10, 0))) {
            attempts.add(attempted("alpha", A1, right(at)));
        }
        attempts.add(attempted("alpha", A1, wrong(berlin(2026, 12, 2, 9, 0)), wrong(berlin(2026, 12, 2, 9, 1)),
                wrong(berlin(2026, 12, 2, 9, 2))));
        FsrsScheduler fsrs = FsrsScheduler.tutor(0.9);
        Deck missed = Deck.of(fsrs, attempts);
        QuestionRef a1 = with("alpha", A1).ref();
        assertTrue(missed.retrievability(a1, NOW.plus(ProgressPicture.MASTERY_HORIZON)) >= 0.9,
                "FSRS alone would call it mastered: recall tomorrow " + missed.retrievability(a1, NOW.plus(ProgressPicture.MASTERY_HORIZON)));

        List<Deck.Attempted> sofar = List.copyOf(attempts);
        assertEquals(List.of(new TopicMastery("alpha", "Topic alpha", 3, 1, 0)),
                ProgressPicture.of(List.of(), NOW, BERLIN, List.of(ALPHA), missed, () -> sofar).topics());

        attempts.add(attempted("alpha", A1, wrong(berlin(2026, 12, 2, 11, 0)), right(berlin(2026, 12, 2, 11, 1))));
        Deck again = Deck.of(fsrs, attempts);
        assertEquals(List.of(new TopicMastery("alpha", "Topic alpha", 3, 1, 1)),
                ProgressPicture.of(List.of(), NOW, BERLIN, List.of(ALPHA), again, () -> attempts).topics(),
                "answered right again (Hard), recall tomorrow " + again.retrievability(a1, NOW.plus(ProgressPicture.MASTERY_HORIZON)));
    }

    @Test
    void theSummaryAndTheAltTextSayTheseFigures() {
        ProgressPicture picture = picture(0.9);
        assertEquals(List.of(
                "6 right in the last 8 weeks (3 easy, 2 medium, 1 hard); this week 3, best week 3 (from 30 Nov).",
                "Mastered: 2 of the 4 questions of your 2 topics (3 met), those you would still recall tomorrow with at least 90% probability."),
                ProgressText.summary(picture));
        assertEquals("Bar chart of your right answers per week, the last 8 weeks (week from Monday): "
                + "12 Oct: 1 (1 easy, 0 medium, 0 hard); 19 Oct: 1 (0 easy, 1 medium, 0 hard); 26 Oct: 0; 2 Nov: 0; 9 Nov: 0; "
                + "16 Nov: 0; 23 Nov: 1 (0 easy, 0 medium, 1 hard); 30 Nov: 3 (2 easy, 1 medium, 0 hard). "
                + "Mastery per topic, the share of its questions you would still recall tomorrow with at least 90% probability: "
                + "Topic alpha 33% (1 of 3); Topic gamma 100% (1 of 1).", ProgressText.altText(picture, 1024));
    }

    @Test
    void anAltTextTooLongForDiscordNamesHowManyTopicsItLeftOut() {
        List<TopicMastery> topics = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            topics.add(new TopicMastery("t" + t, "A topic with a title of some length, number " + (100 + t), 20, 10, 5));
        }
        ProgressPicture picture = new ProgressPicture(picture(0.9).weeks(), topics, 0.9);
        String alt = ProgressText.altText(picture, 1024);
        assertTrue(alt.length() <= 1024, alt.length() + " characters");
        assertTrue(alt.endsWith(" more topics."), alt);
        int named = alt.split("% \\(5 of 20\\)").length - 1;
        int more = Integer.parseInt(alt.replaceAll(".* and (\\d+) more topics\\.$", "$1"));
        assertEquals(40, named + more, "every topic is named or counted: " + alt);
        assertTrue(named >= 1, alt);
    }

    @Test
    void nothingToDrawWithoutRightAnswersOrCards() {
        ProgressPicture none = ProgressPicture.of(List.of(), NOW, BERLIN, List.of(ALPHA),
                Deck.of(FsrsScheduler.tutor(0.9), List.of()), List::of);
        assertTrue(none.isEmpty());
        assertFalse(picture(0.9).isEmpty());
        ProgressPicture onlyMissed = ProgressPicture.of(List.of(), NOW, BERLIN, List.of(ALPHA, BETA, GAMMA), deck(0.9),
                ProgressPictureTest::attempts);
        assertFalse(onlyMissed.isEmpty(), "cards alone draw a mastery chart");
        assertEquals(List.of("No right answer in the last 8 weeks.",
                "Mastered: 2 of the 4 questions of your 2 topics (3 met), those you would still recall tomorrow with at least 90% probability."),
                ProgressText.summary(onlyMissed));
    }
}
