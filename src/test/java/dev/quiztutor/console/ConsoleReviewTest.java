package dev.quiztutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.App;
import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.config.Config;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review at the console: the questions missed on Monday come back on Tuesday, asked and graded as in
 * practice, then what is due next; and with a store, across sittings, as {@code quiztutor play} runs it.
 */
class ConsoleReviewTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    /** Monday 30 November 2026. */
    private final TestClock clock = new TestClock("2026-11-30T10:00:00Z");
    private final Banks banks = Banks.of(Fixtures.twoTopics(3, List.of("A hint.")));
    private final StringWriter written = new StringWriter();

    private ConsoleSession sitting(App.Console console) {
        return new ConsoleSession(console.tutor(), Optional.of(new ConsoleSession.Reviewer(console.reviews(), UTC)),
                console.firstPlace(), new BufferedReader(new StringReader("")), new PrintWriter(written, true), Style.PLAIN);
    }

    private String send(ConsoleSession session, String line) {
        written.getBuffer().setLength(0);
        assertTrue(session.handle(line), "the session goes on after: " + line);
        return written.toString();
    }

    /** Misses alpha c1, alpha c2 and beta c3 (out of tries), and solves alpha c4 at once. */
    private void monday(ConsoleSession session) {
        for (String question : List.of("alpha c1", "alpha c2", "beta c3")) {
            assertTrue(send(session, "practice " + question).contains("Question " + question.charAt(question.length() - 1) + "?"));
            send(session, "A");
            send(session, "C");
            assertTrue(send(session, "A").contains("last try"), "out of tries");
        }
        send(session, "practice alpha c4");
        assertTrue(send(session, "B").contains("Right"));
    }

    @Test
    void theMissesComeBackTheNextDayAndTheEndSaysWhatIsDueNext() {
        ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.empty(), clock));
        monday(session);
        assertEquals("Nothing to review today; the next is due on Tue 1 Dec.\nDue tomorrow: 3 · this week: 4.\n",
                send(session, "review"));

        clock.set("2026-12-01T12:00:00Z");
        String first = send(session, "review");
        assertTrue(first.contains("── Review 1/3 · Topic alpha · easy"), first);
        assertTrue(first.contains("Question 1?"), "the most overdue first: " + first);
        assertTrue(send(session, "hint").contains("A hint."));
        assertTrue(send(session, "B").contains("Right"));
        String second = send(session, "next");
        assertTrue(second.contains("── Review 2/3 · Topic alpha · medium") && second.contains("Question 2?"), second);
        assertTrue(send(session, "give up").contains("Type next for the next review question."));
        String third = send(session, "next");
        assertTrue(third.contains("── Review 3/3 · Topic beta") && third.contains("Question 3?"), third);
        send(session, "B");
        String end = send(session, "next");
        assertEquals("Review done: 3 questions.\nDue tomorrow: 3 · this week: 4.\n", end,
                "tomorrow: the hinted one (Hard), the one given up (Again) and Monday's solved one");
        assertTrue(send(session, "review").startsWith("Nothing to review today; the next is due on Wed 2 Dec."));
    }

    @Test
    void aQuestionPassedOverStaysDueForTheNextReview() {
        ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.empty(), clock));
        monday(session);
        clock.set("2026-12-01T12:00:00Z");
        send(session, "review");
        assertTrue(send(session, "next").contains("Passed over: it stays due"));
        send(session, "next");
        String end = send(session, "next");
        assertTrue(end.endsWith("Passed over: it stays due, for your next review.\nStill due today: 3 (passed over). Type review to go on.\n"), end);
        assertTrue(send(session, "review").contains("── Review 1/3"), "all three again");
    }

    @Test
    void oneTopicsReview() {
        ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.empty(), clock));
        monday(session);
        clock.set("2026-12-01T12:00:00Z");
        String first = send(session, "review beta");
        assertTrue(first.contains("── Review 1/1 · Topic beta"), first);
        send(session, "B");
        assertTrue(send(session, "next").startsWith("Review done: 1 question in Topic beta."));
    }

    @Test
    void aSessionThatKeepsNothingSaysReviewNeedsAStore() {
        ConsoleSession session = new ConsoleSession(App.tutor(Config.DEFAULT, banks),
                new BufferedReader(new StringReader("")), new PrintWriter(written, true), Style.PLAIN);
        assertTrue(send(session, "review").startsWith("Review needs what you answered on earlier days"));
    }

    @Test
    void withAStoreTodaysMissesAreThereTomorrowInTheNextSitting(@TempDir Path dir) {
        StorageSettings store = StorageSettings.sqlite(dir.resolve("quiztutor.db").toString());
        try (Storage storage = Storage.open(store, clock)) {
            ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.of(storage), clock));
            monday(session);
        }
        clock.set("2026-12-01T12:00:00Z");
        try (Storage storage = Storage.open(store, clock)) {
            ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.of(storage), clock));
            String first = send(session, "review");
            assertTrue(first.contains("── Review 1/3") && first.contains("Question 1?"), first);
            send(session, "B");
            send(session, "next");
            send(session, "B");
            send(session, "next");
            send(session, "B");
            assertTrue(send(session, "next").startsWith("Review done: 3 questions."));
            // A practice question asked again in a later sitting is a fresh attempt, not "already finished".
            send(session, "practice alpha c1");
            assertTrue(send(session, "B").contains("Right"));
        }
        clock.set("2026-12-02T12:00:00Z");
        try (Storage storage = Storage.open(store, clock)) {
            ConsoleSession session = sitting(App.console(Config.DEFAULT, banks, Optional.of(storage), clock));
            assertTrue(send(session, "review").contains("── Review 1/"), "Monday's solved one is due on Wednesday");
        }
    }
}
