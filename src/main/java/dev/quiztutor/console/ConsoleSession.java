package dev.quiztutor.console;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local console front end: one person at a terminal (or a script on a pipe) practising,
 * learning and testing on the loaded bank. It only translates lines into tutor calls and tutor
 * outcomes into text.
 */
public final class ConsoleSession {
    /** The console is one user; each question asked is a new place, so a question can come back fresh. */
    static final long USER = 1;

    private final Tutor tutor;
    private final BufferedReader in;
    private final PrintWriter out;
    private final ConsoleText text;
    private final Style style;
    private Mode mode = new Idle();
    private long places;

    /** What the session is doing; answers and "next" mean different things in each. */
    private sealed interface Mode permits Idle, Practising, Learning, Testing {
    }

    private record Idle() implements Mode {
    }

    private record Practising(Topic topic, Question question, long place, Tutor.Selection selection) implements Mode {
    }

    private record Learning(Topic topic, List<LessonPage> pages, int index, long place) implements Mode {
        LessonPage page() {
            return pages.get(index);
        }
    }

    private record Testing(Topic topic, TopicTest test) implements Mode {
    }

    public ConsoleSession(Tutor tutor, BufferedReader in, PrintWriter out, Style style) {
        this.tutor = tutor;
        this.in = in;
        this.out = out;
        this.style = style;
        this.text = new ConsoleText(style);
    }

    /** Reads commands until "quit" or the end of input. */
    public void run() throws IOException {
        out.println(style.bold("quiztutor") + " · " + tutor.bank().topics().size() + " topic"
                + (tutor.bank().topics().size() == 1 ? "" : "s") + " loaded. Type help for commands.");
        out.println();
        out.print(text.topics(tutor.bank().topics()));
        prompt();
        String line;
        while ((line = in.readLine()) != null) {
            if (!handle(line.trim())) {
                break;
            }
            prompt();
        }
        out.println();
        out.println("Bye.");
        out.flush();
    }

    private void prompt() {
        out.print(style.accent("> "));
        out.flush();
    }

    /** Handles one line; false when the user quits. */
    boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        List<String> args = List.of(words).subList(1, words.length);
        switch (command) {
            case "quit", "exit" -> {
                return false;
            }
            case "help", "?" -> help();
            case "topics" -> out.print(text.topics(tutor.bank().topics()));
            case "learn", "lesson" -> learn(args);
            case "practice" -> practise(QuestionKind.CHOICE, args);
            case "code" -> practise(QuestionKind.BLANKS, args);
            case "test" -> test(args);
            case "hint" -> hint();
            case "giveup", "give-up", "solution" -> giveUp();
            case "next" -> next();
            case "back", "prev", "previous" -> back();
            case "skip" -> skip();
            case "answer" -> answer(line.substring(words[0].length()).strip());
            default -> answerOrComplain(line);
        }
        return true;
    }

    // ---------------------------------------------------------------- commands

    private void help() {
        out.println(style.bold("Commands"));
        out.println("  topics                           list the topics");
        out.println("  learn [topic]                    walk through a topic's lesson (next, back)");
        out.println("  practice [topic] [difficulty]    a multiple-choice question (easy, medium, hard)");
        out.println("  code [topic] [difficulty]        a fill-in-the-blank code task");
        out.println("  test [topic]                     " + TopicTest.DEFAULT_SIZE
                + " questions across easy, medium and hard, then a verdict");
        out.println("  B  /  A C B                      answer: one letter, or one letter per blank");
        out.println("  hint                             the next hint (each hint costs a little score)");
        out.println("  giveup                           show the solution");
        out.println("  next                             the next question or lesson page (skip in a test)");
        out.println("  help, quit");
        out.println(style.dim("  A topic is its number, its id or the start of its title."));
    }

    private void learn(List<String> args) {
        Optional<Topic> topic = topicFor("learn", args, true);
        if (topic.isEmpty()) {
            return;
        }
        List<LessonPage> pages = tutor.lesson(topic.get());
        if (pages.isEmpty()) {
            out.println(topic.get().title() + " has no lesson; try: practice " + topic.get().id());
            return;
        }
        mode = new Learning(topic.get(), pages, 0, ++places);
        showPage();
    }

    private void practise(QuestionKind kind, List<String> args) {
        Optional<Difficulty> difficulty = Optional.empty();
        List<String> topicWords = new ArrayList<>();
        for (String arg : args) {
            Optional<Difficulty> d = Difficulty.parse(arg);
            if (d.isPresent()) {
                difficulty = d;
            } else {
                topicWords.add(arg);
            }
        }
        String command = kind == QuestionKind.BLANKS ? "code" : "practice";
        Optional<Topic> topic = Optional.empty();
        if (!topicWords.isEmpty()) {
            topic = topicFor(command, topicWords, false);
            if (topic.isEmpty()) {
                return;
            }
        }
        ask(new Tutor.Selection(topic, difficulty, QuestionKind.family(kind)));
    }

    private void ask(Tutor.Selection selection) {
        Optional<Question> picked = tutor.pick(USER, selection);
        if (picked.isEmpty()) {
            String what = selection.kinds().equals(QuestionKind.CODE) ? "fill-in-the-blank code tasks" : "practice questions";
            out.println("No " + selection.difficulty().map(d -> d.label() + " ").orElse("") + what
                    + selection.topic().map(t -> " in " + t.title()).orElse("") + ". Try another difficulty or topic.");
            mode = new Idle();
            return;
        }
        Question q = picked.get();
        Topic topic = tutor.bank().topic(q.ref().topicId()).orElseThrow();
        mode = new Practising(topic, q, ++places, selection);
        out.print(text.question(topic, q, ""));
        out.println(text.practicePrompt(q, q.attempts()));
    }

    private void test(List<String> args) {
        Optional<Topic> topic = topicFor("test", args, true);
        if (topic.isEmpty()) {
            return;
        }
        TopicTest test = tutor.startTest(topic.get(), TopicTest.DEFAULT_SIZE);
        out.println(style.bold("Topic test: " + topic.get().title()) + " · " + test.size()
                + " questions across easy, medium and hard. Nothing is marked until the end.");
        if (test.paper().shorterThanRequested()) {
            out.println(style.note("This topic has only " + test.size() + " questions, so the test has " + test.size()
                    + " instead of " + test.paper().requested() + "."));
        }
        mode = new Testing(topic.get(), test);
        showTestQuestion();
    }

    private void hint() {
        if (mode instanceof Testing) {
            out.println("No hints in a test: the solutions come with the report at the end.");
        } else {
            withQuestion("hint", (place, q) -> tutor.hint(place, USER, q));
        }
    }

    private void giveUp() {
        if (mode instanceof Testing) {
            skip();
        } else {
            withQuestion("giveup", (place, q) -> tutor.giveUp(place, USER, q));
        }
    }

    private void next() {
        if (mode instanceof Practising p) {
            ask(p.selection());
        } else if (mode instanceof Learning l) {
            if (l.index() + 1 >= l.pages().size()) {
                out.println("That was the last page. Try: practice " + l.topic().id() + ", or test " + l.topic().id());
                mode = new Idle();
                return;
            }
            mode = new Learning(l.topic(), l.pages(), l.index() + 1, l.place());
            showPage();
        } else if (mode instanceof Testing) {
            skip();
        } else {
            out.println("Nothing to go on to yet. Start with: practice, code, learn or test.");
        }
    }

    private void back() {
        if (mode instanceof Learning l) {
            if (l.index() == 0) {
                out.println("This is the first page.");
                return;
            }
            mode = new Learning(l.topic(), l.pages(), l.index() - 1, l.place());
            showPage();
        } else {
            out.println("back works in a lesson. Start one with: learn");
        }
    }

    private void skip() {
        if (mode instanceof Testing t) {
            advance(t, t.test().skip());
        } else {
            out.println("skip works in a test; for another question type next.");
        }
    }

    /** "answer TEXT": an answer in so many words, whatever it looks like (a typed answer that is also a command). */
    private void answer(String text) {
        if (currentQuestion().isEmpty()) {
            out.println("There is no question to answer right now. Start with: practice, code, learn or test.");
            return;
        }
        if (text.isEmpty()) {
            out.println("Type answer followed by your answer, such as: answer " + ConsoleText.example(currentQuestion().get()));
            return;
        }
        submit(currentQuestion().get(), text);
    }

    private void answerOrComplain(String line) {
        Optional<Question> question = currentQuestion();
        if (question.isPresent() && looksLikeAnswer(line, question.get())) {
            submit(question.get(), line);
            return;
        }
        String word = line.split("\\s+")[0];
        out.println("Unknown command \"" + word + "\". " + validNow());
    }

    private void submit(Question question, String line) {
        {
            Response.Parsed parsed = Response.parse(question, line);
            if (parsed instanceof Response.Invalid invalid) {
                out.println(invalid.reason());
                return;
            }
            Response response = ((Response.Valid) parsed).response();
            if (mode instanceof Testing t) {
                advance(t, t.test().answer(response));
            } else {
                withQuestion("answer", (place, q) -> tutor.answer(place, USER, q, response));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private interface Action {
        Practice.Outcome apply(Place place, Question question);
    }

    private void withQuestion(String command, Action action) {
        long place;
        Question q;
        if (mode instanceof Practising p) {
            place = p.place();
            q = p.question();
        } else if (mode instanceof Learning l && l.page() instanceof LessonPage.Quiz quiz) {
            place = l.place();
            q = quiz.question();
        } else {
            out.println("There is no question to " + command + " right now. Start with: practice, code, learn or test.");
            return;
        }
        Practice.Outcome outcome = action.apply(Place.local(place), q);
        out.print(text.feedback(q, outcome.feedback()));
        if (outcome.feedback().revealsSolution() && mode instanceof Practising) {
            out.println(style.dim("Type next for another question."));
        } else if (outcome.feedback().revealsSolution() && mode instanceof Learning) {
            out.println(style.dim("Type next to go on with the lesson."));
        }
    }

    private Optional<Question> currentQuestion() {
        if (mode instanceof Practising p) {
            return Optional.of(p.question());
        }
        if (mode instanceof Learning l && l.page() instanceof LessonPage.Quiz quiz) {
            return Optional.of(quiz.question());
        }
        if (mode instanceof Testing t) {
            return t.test().current();
        }
        return Optional.empty();
    }

    /**
     * Single letters with separators ("B", "a c b", "A,C"), or one word exactly as long as the answer
     * ("ACB" for three blanks). Anything else is a (mistyped) command.
     */
    private static boolean looksLikeAnswer(String line, Question question) {
        switch (question.kind()) {
            case SHORT, NUMERIC:
                return true;  // every word that is not a command is the answer
            case TRUEFALSE:
                return line.strip().toLowerCase(Locale.ROOT).matches("true|false|t|f|yes|no|y|n");
            case MULTI:
                return line.matches("[A-Za-z\\s,;]+") && line.replaceAll("[\\s,;]", "").length() <= question.options().size();
            default:
                break;
        }
        String[] parts = line.split("[\\s,;]+");
        boolean letters = line.matches("[A-Za-z\\s,;]+");
        boolean single = java.util.Arrays.stream(parts).allMatch(p -> p.length() == 1);
        return letters && (single || (parts.length == 1 && parts[0].length() == Response.parts(question)));
    }

    private String validNow() {
        String common = "topics, learn, practice, code, test, help, quit";
        Optional<Question> q = currentQuestion();
        if (mode instanceof Testing && q.isPresent()) {
            return "Valid now: an answer (" + ConsoleText.letters(q.get()) + "), skip, " + common + ".";
        }
        if (mode instanceof Learning) {
            return "Valid now: " + (q.isPresent() ? "an answer (" + ConsoleText.letters(q.get()) + "), hint, giveup, " : "")
                    + "next, back, " + common + ".";
        }
        if (q.isPresent()) {
            return "Valid now: an answer (" + ConsoleText.letters(q.get()) + "), hint, giveup, next, " + common + ".";
        }
        return "Valid commands: " + common + ".";
    }

    private void showPage() {
        Learning l = (Learning) mode;
        out.print(text.lessonPage(l.topic(), l.page(), l.index(), l.pages().size()));
        boolean last = l.index() + 1 == l.pages().size();
        if (l.page() instanceof LessonPage.Quiz quiz) {
            out.println(style.dim("Answer with a letter (" + ConsoleText.letters(quiz.question())
                    + "), or: hint, giveup, next, back."));
        } else {
            out.println(style.dim(last ? "End of the lesson. Type back, or: practice, test." : "Type next or back."));
        }
    }

    private void showTestQuestion() {
        Testing t = (Testing) mode;
        Question q = t.test().current().orElseThrow();
        out.print(text.testQuestion(t.topic(), t.test()));
        out.println(text.testPrompt(q));
    }

    private void advance(Testing t, TopicTest next) {
        if (next.finished()) {
            out.println();
            out.print(text.report(next.report()));
            mode = new Idle();
            return;
        }
        mode = new Testing(t.topic(), next);
        showTestQuestion();
    }

    /**
     * The topic named by {@code args}, or the only topic when none is named and {@code oneNeeded}.
     * Prints why not when there is no single match.
     */
    private Optional<Topic> topicFor(String command, List<String> args, boolean oneNeeded) {
        List<Topic> all = tutor.bank().topics();
        if (args.isEmpty()) {
            if (!oneNeeded || all.size() == 1) {
                return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
            }
            out.println("Which topic? Type " + command + " <topic>, with one of: " + ids(all) + ".");
            return Optional.empty();
        }
        String wanted = String.join(" ", args);
        List<Topic> found = tutor.bank().lookup(wanted);
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.isEmpty()) {
            out.println("No topic \"" + wanted + "\". Topics: " + ids(all) + ".");
        } else {
            out.println("\"" + wanted + "\" could be " + ids(found) + "; type more of it.");
        }
        return Optional.empty();
    }

    private static String ids(List<Topic> topics) {
        return String.join(", ", topics.stream().map(Topic::id).toList());
    }
}
