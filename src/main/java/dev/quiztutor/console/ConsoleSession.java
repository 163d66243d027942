package dev.quiztutor.console;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Feedback;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Tests left for something else, by topic id: leaving a test never loses it while the session runs. */
    private final Map<String, Testing> kept = new LinkedHashMap<>();
    /** The last line was a quit answered with a warning; a second quit goes. */
    private boolean quitWarned;

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

    /** {@code id} numbers the test as {@code places} number questions: its answers' place (see Tutor.recordTest). */
    private record Testing(Topic topic, TopicTest test, long id) implements Mode {
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
        out.println(style.bold("quiztutor") + " · " + tutor.banks().global().topics().size() + " topic"
                + (tutor.banks().global().topics().size() == 1 ? "" : "s") + " loaded. Type help for commands.");
        out.println();
        out.print(text.topics(tutor.banks().global().topics()));
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
        boolean warned = quitWarned;
        quitWarned = false;
        switch (command) {
            case "quit", "exit" -> {
                return quit(warned);
            }
            case "help", "?" -> help();
            case "topics" -> out.print(text.topics(tutor.banks().global().topics()));
            case "learn", "lesson" -> learn(args);
            case "practice" -> practise(QuestionKind.CHOICE, args);
            case "code" -> practise(QuestionKind.BLANKS, args);
            case "test" -> test(args);
            case "hint" -> hint();
            case "giveup", "give-up" -> giveUp();
            case "give" -> {
                if (args.size() == 1 && args.get(0).equalsIgnoreCase("up")) {
                    giveUp();
                } else {
                    answerOrComplain(line);
                }
            }
            case "solution" -> solution();
            case "next" -> next();
            case "back", "prev", "previous" -> back();
            case "skip" -> skip();
            case "finish" -> finish();
            case "answer" -> answer(line.substring(words[0].length()).strip());
            default -> answerOrComplain(line);
        }
        return true;
    }

    // ---------------------------------------------------------------- commands

    /**
     * In a test, quit leaves the test (kept for later); outside one, it ends the session, after one
     * warning when a test is kept, since the console keeps tests only while it runs.
     */
    private boolean quit(boolean warned) {
        if (mode instanceof Testing t) {
            keep(t, "; quit again to leave quiztutor (the test is lost then).");
            quitWarned = true;
            return true;
        }
        if (!kept.isEmpty() && !warned) {
            Testing t = kept.values().iterator().next();
            out.println("Your test on " + t.topic().title() + " is not finished (" + answered(t.test())
                    + "), and it is lost when quiztutor ends. Type quit again to leave anyway, or "
                    + resumeCommand(t.topic()) + " to go on with it.");
            quitWarned = true;
            return true;
        }
        return false;
    }

    private void help() {
        out.println(style.bold("Commands"));
        out.println("  topics                           list the topics");
        out.println("  learn [topic]                    walk through a topic's lesson (next, back)");
        out.println("  practice [topic] [difficulty]    a practice question of any type but code (" + Difficulty.allowed() + ")");
        out.println("  code [topic] [difficulty]        a fill-in-the-blank code task");
        out.println("  practice topic question-id       exactly that question (code takes one too)");
        out.println("  test [topic]                     up to " + TopicTest.DEFAULT_SIZE
                + " questions, easiest first, then a verdict");
        out.println("  B  /  A C B                      answer: one letter, one per blank or item, or every right one");
        out.println("  true, 3,5, concept drift         answer true/false, a number or typed words as they are");
        out.println("  answer TEXT                      a typed answer that looks like a command");
        out.println("  hint                             the next hint (each hint costs a little score)");
        out.println("  give up                          show the solution (no points)");
        out.println("  solution                         show a finished question's solution again");
        out.println("  next                             the next question or lesson page (skip in a test)");
        out.println("  skip, finish                     in a test: leave a question unanswered, end the test now");
        out.println("  help, quit                       quit in a test leaves the test, kept: test goes back to it");
        out.println(style.dim("  A topic is its number, its id or the start of its title."));
    }

    private void learn(List<String> args) {
        Optional<Topic> topic = choose("learn", args, false, true).flatMap(Choice::topic);
        if (topic.isEmpty()) {
            return;
        }
        List<LessonPage> pages = tutor.lesson(topic.get());
        if (pages.isEmpty()) {
            out.println(topic.get().title() + " has no lesson; try: practice " + topic.get().id());
            return;
        }
        keepTest();
        mode = new Learning(topic.get(), pages, 0, ++places);
        showPage();
    }

    private void practise(QuestionKind kind, List<String> args) {
        String command = kind == QuestionKind.BLANKS ? "code" : "practice";
        choose(command, args, true, false).ifPresent(choice -> {
            Tutor.Selection selection = new Tutor.Selection(choice.topic(), choice.difficulty(), QuestionKind.family(kind));
            if (choice.question().isPresent()) {
                show(choice.question().get(), selection);
            } else {
                ask(selection);
            }
        });
    }

    private void ask(Tutor.Selection chosen) {
        // The topic as the files are now: `next` after an author's edit draws from the edited version.
        Tutor.Selection selection = chosen.topic().flatMap(t -> tutor.banks().global().topic(t.id()))
                .map(t -> new Tutor.Selection(Optional.of(t), chosen.difficulty(), chosen.kinds())).orElse(chosen);
        Optional<Question> picked = tutor.pick(USER, selection);
        if (picked.isEmpty()) {
            String what = selection.kinds().equals(QuestionKind.CODE) ? "fill-in-the-blank code tasks" : "practice questions";
            out.println("No " + selection.difficulty().map(d -> d.label() + " ").orElse("") + what
                    + selection.topic().map(t -> " in " + t.title()).orElse("") + ". Try another difficulty or topic.");
            if (!(mode instanceof Testing)) {
                mode = new Idle();
            }
            return;
        }
        show(picked.get(), selection);
    }

    /** Opens one question; {@code next} then picks from {@code selection}. */
    private void show(Question q, Tutor.Selection selection) {
        keepTest();
        Topic topic = tutor.banks().global().topic(q.ref().topicId()).orElseThrow();
        mode = new Practising(topic, q, ++places, selection);
        out.print(text.question(topic, q, ""));
        out.println(text.practicePrompt(q, q.attempts()));
    }

    private void test(List<String> args) {
        Optional<Topic> topic;
        if (args.isEmpty() && !(mode instanceof Testing) && kept.size() == 1) {
            topic = Optional.of(kept.values().iterator().next().topic());
        } else {
            topic = choose("test", args, false, true).flatMap(Choice::topic);
        }
        if (topic.isEmpty()) {
            return;
        }
        if (mode instanceof Testing t && t.topic().equals(topic.get())) {
            out.println("You are in this test already.");
            showTestQuestion();
            return;
        }
        keepTest();
        Testing resumed = kept.remove(topic.get().id());
        if (resumed != null) {
            out.println("Back to your test on " + topic.get().title() + " (" + answered(resumed.test()) + ").");
            mode = resumed;
            showTestQuestion();
            return;
        }
        TopicTest test = tutor.startTest(topic.get(), TopicTest.DEFAULT_SIZE);
        out.print(text.testIntro(topic.get(), test));
        mode = new Testing(topic.get(), test, ++places);
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
            out.println("No solutions during a test: they come with the report at the end."
                    + " Type skip to leave this question unanswered.");
        } else {
            withQuestion("give up", (place, q) -> tutor.giveUp(place, USER, q));
        }
    }

    /** A finished question's solution, again; an open one is ended only by give up, never by surprise. */
    private void solution() {
        if (mode instanceof Testing) {
            out.println("The solutions come with the report at the end of the test.");
            return;
        }
        Optional<Asked> asked = asked();
        if (asked.isEmpty()) {
            out.println("There is no question to show the solution of. Start with: practice, code, learn or test.");
        } else if (!tutor.progress(asked.get().place(), USER, asked.get().question()).status().ended()) {
            out.println("This question is still open. Type give up to see its solution (no points), or answer it first.");
        } else {
            out.print(text.solution(asked.get().question()));
        }
    }

    private void finish() {
        if (mode instanceof Testing t) {
            advance(t, t.test().finish());
        } else if (!kept.isEmpty()) {
            out.println("finish ends the test you are in; type " + resumeCommand(kept.values().iterator().next().topic())
                    + " to go back to yours first.");
        } else {
            out.println("finish ends a test; there is none running. Start one with: test");
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

    /** The practice or lesson question being asked, and where. */
    private record Asked(Place place, Question question) {
    }

    private Optional<Asked> asked() {
        if (mode instanceof Practising p) {
            return Optional.of(new Asked(Place.local(p.place()), p.question()));
        }
        if (mode instanceof Learning l && l.page() instanceof LessonPage.Quiz quiz) {
            return Optional.of(new Asked(Place.local(l.place()), quiz.question()));
        }
        return Optional.empty();
    }

    private void withQuestion(String command, Action action) {
        Optional<Asked> asked = asked();
        if (asked.isEmpty()) {
            out.println("There is no question to " + command + " right now. Start with: practice, code, learn or test.");
            return;
        }
        Question q = asked.get().question();
        Feedback feedback = action.apply(asked.get().place(), q).feedback();
        out.print(text.feedback(q, feedback));
        String onwards = mode instanceof Learning ? "next to go on with the lesson." : "next for another question.";
        if (feedback instanceof Feedback.AlreadyEnded) {
            out.println(style.dim("Type solution to see the solution again, or " + onwards));
        } else if (feedback.revealsSolution()) {
            out.println(style.dim("Type " + onwards));
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
        return letters && (single || (parts.length == 1 && parts[0].length() == question.parts()));
    }

    private String validNow() {
        String common = "topics, learn, practice, code, test, help, quit";
        Optional<Question> q = currentQuestion();
        if (mode instanceof Testing && q.isPresent()) {
            return "Valid now: an answer (" + ConsoleText.letters(q.get()) + "), skip, finish, " + common + ".";
        }
        if (mode instanceof Learning) {
            return "Valid now: " + (q.isPresent() ? "an answer (" + ConsoleText.letters(q.get()) + "), hint, give up, solution, " : "")
                    + "next, back, " + common + ".";
        }
        if (q.isPresent()) {
            return "Valid now: an answer (" + ConsoleText.letters(q.get()) + "), hint, give up, solution, next, " + common + ".";
        }
        return "Valid commands: " + common + ".";
    }

    private void showPage() {
        Learning l = (Learning) mode;
        out.print(text.lessonPage(l.topic(), l.page(), l.index(), l.pages().size()));
        boolean last = l.index() + 1 == l.pages().size();
        if (l.page() instanceof LessonPage.Quiz quiz) {
            Feedback.Progress progress = tutor.progress(Place.local(l.place()), USER, quiz.question());
            if (progress.status().ended()) {
                // Back to a question already answered: it is not new, so say how it went.
                out.println(text.answeredAlready(progress));
                out.println(style.dim("Type solution to see the solution again, or: next, back."));
            } else {
                out.println(style.dim("Answer with a letter (" + ConsoleText.letters(quiz.question())
                        + "), or: hint, give up, next, back."));
            }
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
        tutor.recordTest(0, USER, t.id(), t.test(), next);
        if (next.finished()) {
            out.println();
            out.print(text.report(next.report()));
            kept.remove(t.topic().id());
            mode = new Idle();
            return;
        }
        mode = new Testing(t.topic(), next, t.id());
        showTestQuestion();
    }

    /** What a command's words named: a topic, and for practice and code a difficulty. */
    /** What a command's words named: a topic, a difficulty, and (for practice and code) one question by id. */
    private record Choice(Optional<Topic> topic, Optional<Difficulty> difficulty, Optional<Question> question) {
    }

    /**
     * Reads a command's words as a topic (the longest run of leading words that names one) and, when
     * {@code takesDifficulty}, a difficulty. Anything left over is named as not understood, with what
     * is valid. Without a named topic: the only topic of the bank; with several, any topic unless
     * {@code topicNeeded}. Empty, after saying why, when the words do not make a choice.
     */
    private Optional<Choice> choose(String command, List<String> args, boolean takesDifficulty, boolean topicNeeded) {
        List<Topic> all = tutor.banks().global().topics();
        List<Difficulty> difficulties = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            Difficulty.parse(arg).ifPresentOrElse(difficulties::add, () -> words.add(arg));
        }
        Optional<Topic> topic = Optional.empty();
        int used = 0;
        for (int n = words.size(); n > 0 && topic.isEmpty(); n--) {
            String wanted = String.join(" ", words.subList(0, n));
            List<Topic> found = tutor.banks().global().lookup(wanted);
            if (found.size() > 1) {
                out.println("\"" + wanted + "\" could be " + ids(found) + "; type more of it.");
                return Optional.empty();
            }
            if (found.size() == 1) {
                topic = Optional.of(found.get(0));
                used = n;
            }
        }
        String what = command.equals("test") ? "a test" : command.equals("learn") ? "a lesson" : command;
        List<String> rest = words.subList(used, words.size());
        // "practice TOPIC QUESTION-ID": exactly that question, as an author trying what they just wrote.
        Optional<Question> question = takesDifficulty && topic.isPresent() && rest.size() == 1
                ? topic.get().question(rest.get(0).toLowerCase(Locale.ROOT)) : Optional.empty();
        if (question.isPresent()) {
            rest = List.of();
        }
        if (!rest.isEmpty()) {
            String valid = topic.isPresent()
                    ? (takesDifficulty ? "After the topic comes a difficulty (" + Difficulty.allowed()
                    + ") or a question id of " + topic.get().id() + ", such as " + topic.get().questions().get(0).id() + "."
                    : what + " takes a topic only.")
                    : "Topics: " + ids(all) + (takesDifficulty ? "; difficulties: " + Difficulty.allowed() : "") + ".";
            out.println("Not understood: \"" + String.join(" ", rest) + "\". " + valid);
            return Optional.empty();
        }
        if (!difficulties.isEmpty() && !takesDifficulty) {
            out.println("Not understood: \"" + difficulties.get(0).label() + "\": " + what
                    + " takes a topic only" + (command.equals("test") ? " and asks its questions easiest first" : "")
                    + ". Topics: " + ids(all) + ".");
            return Optional.empty();
        }
        if (difficulties.size() > 1) {
            out.println("One difficulty at a time: " + Difficulty.allowed() + ".");
            return Optional.empty();
        }
        if (topic.isEmpty() && all.size() == 1) {
            topic = Optional.of(all.get(0));
        } else if (topic.isEmpty() && topicNeeded) {
            out.println("Which topic? Type " + command + " <topic>, with one of: " + ids(all) + ".");
            return Optional.empty();
        }
        return Optional.of(new Choice(topic, difficulties.stream().findFirst(), question));
    }

    /** Leaves the test being taken, if any, keeping it and saying how to come back. */
    private void keepTest() {
        if (mode instanceof Testing t) {
            keep(t, ".");
        }
    }

    private void keep(Testing t, String end) {
        kept.put(t.topic().id(), t);
        mode = new Idle();
        out.println(style.note("Your test on " + t.topic().title() + " is kept (" + answered(t.test()) + "):")
                + " type " + resumeCommand(t.topic()) + " to go on with it" + end);
    }

    /** "3 of 10 answered" (skipped questions count as answered: the test has moved past them). */
    private static String answered(TopicTest test) {
        return test.position() + " of " + test.size() + " answered";
    }

    private String resumeCommand(Topic topic) {
        return tutor.banks().global().topics().size() == 1 ? "test" : "test " + topic.id();
    }

    private static String ids(List<Topic> topics) {
        return String.join(", ", topics.stream().map(Topic::id).toList());
    }
}
