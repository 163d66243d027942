package dev.quiztutor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
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
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A person at the console, one line at a time, on the shipped bank: the output after each line is
 * what they would read.
 */
class ConsoleSessionTest {
    private final QuizBank bank = Fixtures.seedBank();
    private final Topic topic = bank.topics().get(0);
    private final StringWriter written = new StringWriter();
    private final ConsoleSession session = new ConsoleSession(
            new Tutor(bank, new LiveAttempts(new InMemoryAttemptJournal(), LiveAttempts.Settings.DEFAULT),
                    new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(11)),
            new BufferedReader(new StringReader("")), new PrintWriter(written, true), Style.PLAIN);

    private String send(String line) {
        written.getBuffer().setLength(0);
        assertTrue(session.handle(line), "the session goes on after: " + line);
        return written.toString();
    }

    /** The question the last output shows, found by its prompt's first line. */
    private Question shown(String output) {
        return topic.questions().stream()
                .filter(q -> output.contains(q.prompt().replace("`", "").lines().findFirst().orElseThrow()))
                .findFirst().orElseThrow(() -> new AssertionError("no question in: " + output));
    }

    private static String wrongLetter(Question q) {
        return q.answerLetters().get(0).equals("A") ? "B" : "A";
    }

    @Test
    void practiceWrongHintRightThenTheNumberedSolution() {
        String posted = send("practice mlops medium");
        Question q = shown(posted);
        assertTrue(posted.contains("medium · multiple choice"), posted);
        assertTrue(posted.contains("3 tries. Answer with a letter (A, B, C or D)"), posted);

        String wrong = send(wrongLetter(q));
        assertEquals("✗ Not right. 2 tries left. Type hint for a hint.\n", wrong);

        String hint = send("hint");
        assertTrue(hint.startsWith("Hint 1 of " + q.hints().size() + ": " + q.hints().get(0)), hint);

        String right = send(q.answerLetters().get(0).toLowerCase());
        assertTrue(right.startsWith("✓ Right! 0.57 points (1 wrong try, 1 hint)"), right);
        assertTrue(right.contains("Solution\n  1. " + q.solution().steps().get(0).title()), right);
        assertTrue(right.contains("  2. " + q.solution().steps().get(1).title()), right);
        assertTrue(right.contains("Final answer: " + q.solution().answer()), right);
        assertTrue(right.contains("Quick check: " + q.solution().quickCheck()), right);
        assertTrue(right.contains("Common mistakes\n  - " + q.mistakes().get(0)), right);

        String again = send(q.answerLetters().get(0));
        assertTrue(again.startsWith("You have finished this question (solved on try 2, 0.57 points)"), again);
    }

    @Test
    void threeWrongTriesRevealTheSolution() {
        Question q = shown(send("practice hard"));
        String wrong = wrongLetter(q);
        assertTrue(send(wrong).contains("2 tries left"));
        assertTrue(send(wrong).contains("1 try left"));
        String last = send(wrong);
        assertTrue(last.startsWith("✗ Not right, and that was your last try. Here is the solution."), last);
        assertTrue(last.contains("Final answer"), last);
    }

    @Test
    void aBlanksTaskCountsRightBlanksAndTakesLettersRunTogether() {
        String posted = send("code mlops hard");
        Question q = shown(posted);
        assertTrue(q.parts() >= 1);
        assertTrue(posted.contains(q.parts() == 1 ? "3 tries. Answer with the letter for the blank (A, B, C or D)"
                : "3 tries. Answer with " + q.parts() + " letters, one per blank in order"), posted);
        String wrongAll = String.join(" ", q.answerLetters().stream().map(l -> l.equals("D") ? "C" : "D").toList());
        String feedback = send(wrongAll);
        assertTrue(feedback.startsWith(q.parts() == 1 ? "✗ Not right. 2 tries left."
                : "✗ 0 of " + q.parts() + " blanks right. 2 tries left."), feedback);
        String right = send(String.join("", q.answerLetters()));
        assertTrue(right.startsWith("✓ Right!"), right);
        assertTrue(right.contains("Final answer"), right);
    }

    @Test
    void givingUpAndNextQuestion() {
        Question first = shown(send("practice"));
        String solution = send("giveup");
        assertTrue(solution.startsWith("Here is the solution. No points this time."), solution);
        Question second = shown(send("next"));
        assertFalse(first.equals(second), "next avoids the question just seen");
    }

    @Test
    void anythingElseGetsOneLineSayingWhatIsValid() {
        assertEquals("Unknown command \"hello\". Valid commands: topics, learn, practice, code, test, help, quit.\n",
                send("hello"));
        send("practice easy");
        String unknown = send("hnit");
        assertEquals(1, unknown.lines().count(), unknown);
        assertTrue(unknown.contains("Valid now: an answer (A, B, C or D), hint, give up, solution, next"), unknown);
        assertEquals("\"E\" is not an option; options are A, B, C or D.\n", send("E"));
        assertEquals("Not understood: \"chemistry\". Topics: mlops-maturity-levels; difficulties: easy, medium or hard.\n",
                send("practice chemistry"));
        assertEquals("There is no question to hint right now. Start with: practice, code, learn or test.\n",
                sendFresh("hint"));
    }

    private String sendFresh(String line) {
        StringWriter out = new StringWriter();
        ConsoleSession fresh = new ConsoleSession(
                new Tutor(bank, new LiveAttempts(new InMemoryAttemptJournal(), LiveAttempts.Settings.DEFAULT),
                        new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(1)),
                new BufferedReader(new StringReader("")), new PrintWriter(out, true), Style.PLAIN);
        fresh.handle(line);
        return out.toString();
    }

    @Test
    void aLessonWalkedForwardAndBack() {
        String first = send("learn");
        assertTrue(first.contains("Lesson: MLOps maturity levels · page 1 of"), first);
        assertTrue(first.contains("Step 1 · Level 1: Manual Model Building"), first);
        assertEquals("This is the first page.\n", send("back"));
        assertTrue(send("next").contains("Step 2 · Level 1: Manual Deployment"));
        assertTrue(send("back").contains("Step 1 · Level 1: Manual Model Building"));
        String page = "";
        for (int i = 0; i < 8 && !page.contains("Process table"); i++) {
            page = send("next");
        }
        assertTrue(page.contains("Step | Maturity Level"), "the table as text: " + page);
        String quiz = "";
        for (int i = 0; i < 4 && !quiz.contains("Quiz · question 1 of 3"); i++) {
            quiz = send("next");
        }
        assertTrue(quiz.contains("Look at the process table"), quiz);
        assertTrue(quiz.contains("Step | Maturity Level"), "the quiz page shows the table it asks about: " + quiz);
        assertTrue(send("B").startsWith("✓ Right!"), "the visual quiz is answered in the lesson");
        String last = "";
        for (int i = 0; i < 10 && !last.contains("End of the lesson"); i++) {
            last = send("next");
        }
        assertTrue(last.contains("End of the lesson"), last);
    }

    @Test
    void aTopicTestRunsToItsReportWithNothingMarkedBefore() {
        String start = send("test");
        assertTrue(start.contains("Topic test: MLOps maturity levels · 10 questions: easy, medium and hard.\n"), start);
        assertTrue(start.contains("[1/10] ░░░░░░░░░░"), start);
        String out = start;
        int answered = 0;
        while (!out.contains("Test report")) {
            Question q = shown(out.substring(out.lastIndexOf("/10]")));
            boolean right = answered < 8;
            out = send(right ? String.join(" ", q.answerLetters()) : String.join(" ",
                    q.answerLetters().stream().map(l -> l.equals("A") ? "B" : "A").toList()));
            assertFalse(out.contains("Right") || out.contains("Not right"), "no feedback during a test: " + out);
            answered++;
        }
        assertEquals(10, answered);
        assertTrue(out.contains("Score: 8 of 10 right (80%) · verdict: strong"), out);
        assertTrue(out.contains("Missed questions\n9. "), out);
        assertTrue(out.contains("Final answer"), "the missed questions' solutions: " + out);
        Matcher tally = Pattern.compile("(easy|medium|hard)\\s+(\\d+)/(\\d+)").matcher(out);
        int total = 0;
        while (tally.find()) {
            total += Integer.parseInt(tally.group(3));
        }
        assertEquals(10, total, "per difficulty: " + out);
    }

    /** A session on a bank holding only the shipped question {@code questionId}, and its output so far. */
    private record OneQuestion(ConsoleSession session, StringWriter out) {
        String send(String line) {
            out.getBuffer().setLength(0);
            session.handle(line);
            return out.toString();
        }
    }

    private OneQuestion onlyQuestion(String questionId) {
        Topic only = new Topic(topic.id(), topic.title(), topic.category(), topic.summary(), topic.minutes(),
                topic.lesson(), List.of(topic.question(questionId).orElseThrow()), topic.source());
        StringWriter out = new StringWriter();
        return new OneQuestion(new ConsoleSession(
                new Tutor(new QuizBank(List.of(only)), new LiveAttempts(new InMemoryAttemptJournal(),
                        LiveAttempts.Settings.DEFAULT), new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(),
                        new Random(1)),
                new BufferedReader(new StringReader("")), new PrintWriter(out, true), Style.PLAIN), out);
    }

    @Test
    void finalAnswersReadAsWordsWithTheBlankKeyOnce() {
        OneQuestion one = onlyQuestion("blank-first-level");
        one.send("code");
        String solution = one.send("giveup");
        assertTrue(solution.contains("Final answer: Ad hoc, the first of the four stages (blank [1] = A)\n"), solution);
        OneQuestion three = onlyQuestion("blank-levels-dictionary");
        three.send("code");
        String dictionary = three.send("giveup");
        assertTrue(dictionary.contains("Final answer: Ad hoc is manual and unstructured, Managed is repeatable and "
                + "documented, and Automated is where automation is introduced (blanks [1] = A, [2] = B, [3] = C)\n"),
                dictionary);
    }

    @Test
    void aQuestionThatNamesATableIsPostedWithTheTable() {
        String posted = onlyQuestion("visual-step-3").send("practice");
        int prompt = posted.indexOf("Look at the process table, what is the automation level at Step 3?");
        int table = posted.indexOf("Process table\n");
        int row = posted.indexOf("3    | Automated Deployment");
        int options = posted.indexOf("A. Low");
        assertTrue(prompt >= 0 && prompt < table && table < row && row < options,
                "prompt, the process table with its rows, then the options: " + posted);
        assertTrue(posted.contains("| Medium "), "the automation level column is there to read: " + posted);
    }

    @Test
    void topicsListsTheBank() {
        String topics = send("topics");
        assertTrue(topics.contains("1. MLOps maturity levels  (mlops-maturity-levels)"), topics);
        assertTrue(topics.contains("8 practice questions, 5 code tasks · lesson"), topics);
    }

    @Test
    void quitEndsTheSession() {
        assertFalse(session.handle("quit"));
    }

    // ---------------------------------------------------------------- a test is never lost

    /** Starts a test on the shipped topic and answers its first {@code answers} questions rightly. */
    private void testAnswering(int answers) {
        String out = send("test");
        for (int i = 0; i < answers; i++) {
            out = send(String.join(" ", shown(out.substring(out.lastIndexOf("/10]"))).answerLetters()));
        }
    }

    @Test
    void startingSomethingElseKeepsTheTestAndTestGoesBackToIt() {
        for (String other : List.of("practice", "code", "learn")) {
            testAnswering(2);
            String left = send(other);
            assertTrue(left.startsWith("Your test on MLOps maturity levels is kept (2 of 10 answered):"
                    + " type test to go on with it.\n"), other + ": " + left);
            String back = send("test");
            assertTrue(back.startsWith("Back to your test on MLOps maturity levels (2 of 10 answered).\n[3/10] ▓▓░"),
                    other + ": " + back);
            String report = send("finish");
            assertTrue(report.contains("Score: 2 of 10 right"), "the two answers were kept: " + report);
        }
    }

    @Test
    void aMistypedCommandInATestLeavesTheTestWhereItIs() {
        testAnswering(1);
        assertTrue(send("practice extreme").startsWith("Not understood: \"extreme\"."));
        assertTrue(send("skip").contains("[3/10]"), "still in the test, at the same question");
    }

    @Test
    void quitInATestLeavesTheTestAndASecondQuitLeavesTheProgram() {
        testAnswering(1);
        assertEquals("Your test on MLOps maturity levels is kept (1 of 10 answered): type test to go on with it;"
                + " quit again to leave quiztutor (the test is lost then).\n", send("quit"));
        assertFalse(session.handle("quit"), "the second quit goes");
    }

    @Test
    void quitWithAKeptTestAsksOnceFirst() {
        testAnswering(3);
        send("practice");
        assertEquals("Your test on MLOps maturity levels is not finished (3 of 10 answered), and it is lost when"
                + " quiztutor ends. Type quit again to leave anyway, or test to go on with it.\n", send("quit"));
        assertTrue(send("test").contains("[4/10]"), "the warning left the test as it was");
        send("finish");
        assertFalse(session.handle("quit"), "nothing kept, nothing to ask");
    }

    @Test
    void giveUpInATestSaysWhereTheSolutionsAreAndStaysOnTheQuestion() {
        testAnswering(0);
        String giveUp = send("give up");
        assertEquals("No solutions during a test: they come with the report at the end."
                + " Type skip to leave this question unanswered.\n", giveUp);
        assertEquals(giveUp, send("giveup"));
        assertTrue(send("skip").contains("[2/10]"), "give up moved nowhere; skip moves on");
    }

    @Test
    void giveUpIsTwoWordsInSentencesAndAsACommand() {
        assertTrue(send("help").contains("  give up "), "help");
        String posted = send("practice");
        assertTrue(posted.contains("or: hint, give up, next."), posted);
        assertTrue(send("give up").startsWith("Here is the solution. No points this time."));
    }

    // ---------------------------------------------------------------- what was not understood

    @Test
    void aWrongDifficultyOrWordSaysWhatWasNotUnderstoodAndWhatIsValid() {
        assertEquals("Not understood: \"extreme\". Topics: mlops-maturity-levels; difficulties: easy, medium or hard.\n",
                send("practice extreme"));
        assertEquals("Not understood: \"extreme\". After the topic comes a difficulty (easy, medium or hard) or a question"
                + " id of mlops-maturity-levels, such as first-level.\n", send("practice mlops extreme"));
        assertEquals("Not understood: \"hard\": a test takes a topic only and asks its questions easiest first."
                + " Topics: mlops-maturity-levels.\n", send("test mlops hard"));
        assertEquals("Not understood: \"chemistry\". Topics: mlops-maturity-levels.\n", send("learn chemistry"));
        assertEquals("One difficulty at a time: easy, medium or hard.\n", send("code easy hard"));
        assertTrue(send("practice mlops maturity hard").contains("hard · multiple choice"), "a topic by the start of its title");
    }

    // ---------------------------------------------------------------- wording

    /**
     * A topic of three questions and no hard one: a choice question with `code` in its prompt, one
     * quoting a statement on its second line, and a one-blank code task.
     */
    private static QuizBank smallBank() {
        Question code = new Question(new QuestionRef("t", "stage"), Difficulty.EASY,
                "Which command stages `notes.txt`?", new QuestionType.Choice(Fixtures.options("A", "B", "C", "D"), "B"),
                List.of("Think of `git add`."), 3, Fixtures.SOLUTION, List.of());
        Question quote = new Question(new QuestionRef("t", "quote"), Difficulty.MEDIUM,
                "Is this statement right?\n\n\"A commit is pushed when it is made.\"",
                new QuestionType.Choice(Fixtures.options("A", "B", "C", "D"), "B"), List.of(), 3, Fixtures.SOLUTION, List.of());
        return new QuizBank(List.of(Fixtures.topic("t", List.of(code, quote,
                Fixtures.blanks("one", Difficulty.MEDIUM, "A")))));
    }

    private static ConsoleSession sessionOn(QuizBank bank, Style style, StringWriter out) {
        return new ConsoleSession(
                new Tutor(bank, new LiveAttempts(new InMemoryAttemptJournal(), LiveAttempts.Settings.DEFAULT),
                        new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(3)),
                new BufferedReader(new StringReader("")), new PrintWriter(out, true), style);
    }

    private static String sendTo(ConsoleSession session, StringWriter out, String line) {
        out.getBuffer().setLength(0);
        assertTrue(session.handle(line));
        return out.toString();
    }

    @Test
    void aOneBlankTaskIsRightOrNotRight() {
        StringWriter out = new StringWriter();
        ConsoleSession small = sessionOn(smallBank(), Style.PLAIN, out);
        sendTo(small, out, "code");
        assertEquals("✗ Not right. 2 tries left. Type hint for a hint.\n", sendTo(small, out, "B"));
        sendTo(small, out, "C");
        assertTrue(sendTo(small, out, "D").startsWith("✗ Not right, and that was your last try."));
    }

    @Test
    void aTestSaysWhichDifficultiesItReallyHasAndTheReportKeepsWholePrompts() {
        StringWriter out = new StringWriter();
        ConsoleSession small = sessionOn(smallBank(), Style.PLAIN, out);
        String start = sendTo(small, out, "test");
        assertTrue(start.startsWith("Topic test: Topic t · 3 questions: easy and medium (this topic has no hard questions).\n"),
                start);
        assertFalse(start.contains("easy, medium and hard"), start);
        assertTrue(sendTo(small, out, "help").contains("up to 10 questions, easiest first"), "help claims no mix either");
        sendTo(small, out, "skip");
        sendTo(small, out, "skip");
        String report = sendTo(small, out, "skip");
        assertTrue(report.contains(". Is this statement right?\n\n   \"A commit is pushed when it is made.\"\n"),
                "the quoted statement is part of the missed question: " + report);
    }

    @Test
    void inlineCodeLosesItsBackticksAndIsColouredOnATerminal() {
        StringWriter plainOut = new StringWriter();
        String plain = sendTo(sessionOn(smallBank(), Style.PLAIN, plainOut), plainOut, "practice easy");
        assertTrue(plain.contains("Which command stages notes.txt?"), plain);
        StringWriter colourOut = new StringWriter();
        ConsoleSession colour = sessionOn(smallBank(), Style.COLOUR, colourOut);
        String coloured = sendTo(colour, colourOut, "practice easy");
        assertTrue(coloured.contains("Which command stages \u001B[36mnotes.txt\u001B[39m?"), coloured);
        assertTrue(sendTo(colour, colourOut, "hint").contains("Think of \u001B[36mgit add\u001B[39m."), "hints too");
    }

    @Test
    void aFinishedQuestionShowsItsSolutionOnceThenSaysHowToSeeItAgain() {
        send("practice");
        assertEquals("This question is still open. Type give up to see its solution (no points), or answer it first.\n",
                send("solution"));
        assertTrue(send("give up").contains("Final answer"));
        assertEquals("You have finished this question (solution shown, 0 points); nothing more is counted.\n"
                + "Type solution to see the solution again, or next for another question.\n", send("A"));
        assertEquals(send("A"), send("hint"), "every key after the end gets the same short answer");
        String again = send("solution");
        assertTrue(again.startsWith("Solution\n") && again.contains("Final answer"), again);
    }

    @Test
    void backToAnAnsweredLessonQuestionShowsItAnswered() {
        send("learn");
        String quiz = "";
        for (int i = 0; i < 20 && !quiz.contains("Quiz · question 1 of"); i++) {
            quiz = send("next");
        }
        Question q = shown(quiz);
        assertTrue(send(q.answerLetters().get(0)).startsWith("✓ Right!"));
        send("next");
        String back = send("back");
        assertTrue(back.contains("Answered already: solved on try 1, 1.00 point.\n"
                + "Type solution to see the solution again, or: next, back.\n"), back);
        assertFalse(back.contains("Answer with a letter"), back);
        String again = send(q.answerLetters().get(0));
        assertTrue(again.endsWith("Type solution to see the solution again, or next to go on with the lesson.\n"), again);
        assertFalse(again.contains("Type next for another"), again);
        assertFalse(again.contains("Final answer"), "not the whole solution again: " + again);
    }
}
