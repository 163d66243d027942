package dev.quiztutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every question type of the shipped drift topic, opened by id and answered at the console. */
class ConsoleQuestionTypesTest {
    private final QuizBank bank = Fixtures.shippedBank();
    private final StringWriter written = new StringWriter();
    private final ConsoleSession session = new ConsoleSession(
            new Tutor(bank, new LiveAttempts(new InMemoryAttemptJournal(), LiveAttempts.Settings.DEFAULT),
                    new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(5)),
            new BufferedReader(new StringReader("")), new PrintWriter(written, true), Style.PLAIN);

    private String send(String line) {
        written.getBuffer().setLength(0);
        assertTrue(session.handle(line), "the session goes on after: " + line);
        return written.toString();
    }

    @Test
    void practiceTopicQuestionIdOpensExactlyThatQuestion() {
        String shown = send("practice model psi-reading");
        assertTrue(shown.startsWith("── Model monitoring and drift · easy · multiple choice ──\nA feature's PSI"), shown);
        String wrong = send("A");
        assertTrue(wrong.startsWith("✗ Not right. 2 tries left."), wrong);
        assertTrue(wrong.contains("That reading is for a PSI below 0.1."), "the option's feedback: " + wrong);
        assertEquals("Not understood: \"no-such-id\". After the topic comes a difficulty (easy, medium or hard) or a"
                + " question id of model-monitoring-drift, such as psi-reading.\n", send("practice model no-such-id"));
    }

    @Test
    void trueOrFalseIsTypedAsAWord() {
        send("practice model drift-without-harm");
        String right = send("yes");
        assertTrue(right.startsWith("✓ Right! 1.00 point"), right);
        assertTrue(right.contains("Right: drift is a reason to look, not proof of harm."), right);
    }

    @Test
    void typedWordsAreAnAnswerUnlessTheyAreACommand() {
        String shown = send("practice model concept-drift-name");
        assertTrue(shown.contains("Type your answer (or: answer TEXT)"), shown);
        String wrong = send("data drift");
        assertTrue(wrong.startsWith("✗ Not right. 2 tries left."), wrong);
        assertTrue(wrong.contains("Data drift is a change in the inputs' distribution"), wrong);
        String hint = send("hint");
        assertTrue(hint.startsWith("Hint 1 of 2:"), "hint stays a command: " + hint);
        String right = send("answer Concept drift.");
        assertTrue(right.startsWith("✓ Right!"), right);
        assertTrue(right.contains("Final answer: Concept drift\n"), "the words say it all, no key after them: " + right);
    }

    @Test
    void numbersTakeACommaAndUnreadableTextCostsNoTry() {
        send("practice model psi-two-bins");
        String unreadable = send("about four percent");
        assertTrue(unreadable.startsWith("\"about four percent\" is not a number"), unreadable);
        String right = send("0,041");
        assertTrue(right.startsWith("✓ Right! 1.00 point"), "nothing was counted before: " + right);
        assertTrue(right.contains("Final answer: About 0.041 (no significant shift) (0.041 ± 0.002)"), right);
    }

    @Test
    void multipleResponseAndMatchingSayHowManyPartsAreRight() {
        send("practice model early-warning-signals");
        String picks = send("a c");
        assertTrue(picks.startsWith("✗ 1 of your 2 picks is right. 2 tries left."), picks);
        assertTrue(send("A B D").startsWith("✓ Right!"));

        send("practice model match-drift-kinds");
        String items = send("A C B D");
        assertTrue(items.startsWith("✗ 2 of 4 items right. 2 tries left."), items);
        String right = send("abcd");
        assertTrue(right.contains("1. Data drift → The inputs' distribution, P(X)"), right);
        assertTrue(right.contains("E. The model's code version: A new model version is a deployment"),
                "the options' feedback comes with the solution: " + right);
    }
}
