package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The shipped topic reads as one lesson: the flow, the sample and the scales' table number the
 * levels the same way, every level name a question uses is taught, no first hint gives the answer
 * away, every "fix the error" task shows an error, and final answers are written in words.
 */
class ShippedLessonCoherenceTest {
    private static final Pattern LEVEL = Pattern.compile("\\bLevel (\\d+)\\b");
    private static final Pattern STEP_LEVEL = Pattern.compile("^Step (\\d+) · Level (\\d+):");
    /** A sample line: "Level 2: Automate deployment   (Step 3, Managed)" or "(Steps 1-2, Ad hoc)". */
    private static final Pattern SAMPLE_LINE =
            Pattern.compile("^Level (\\d+): .*\\(Steps? (\\d+)(?:-(\\d+))?, ([A-Za-z ]+)\\)$");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "with", "for", "not", "only", "that", "this",
            "are", "its", "from", "into", "than");

    private final Topic topic = Fixtures.shippedTopic();
    private final Lesson lesson = topic.lesson().orElseThrow();

    @Test
    void theFlowTheSampleAndTheScalesTableNumberTheLevelsAlike() {
        Lesson.Table process = table("Process table");
        List<Step> flow = lesson.flow().steps();
        assertEquals(process.rows().size(), flow.size(), "one flow step per row of the process table");
        Map<Integer, Integer> levelOfStep = new TreeMap<>();
        for (int i = 0; i < flow.size(); i++) {
            Matcher m = STEP_LEVEL.matcher(flow.get(i).title());
            assertTrue(m.find(), "flow step titles say 'Step n · Level m:': " + flow.get(i).title());
            assertEquals(i + 1, Integer.parseInt(m.group(1)), flow.get(i).title());
            assertTrue(flow.get(i).title().contains(process.rows().get(i).get(1)),
                    "the flow step names the process table's row: " + flow.get(i).title());
            levelOfStep.put(i + 1, Integer.parseInt(m.group(2)));
        }

        Map<Integer, Integer> sampleLevelOfStep = new TreeMap<>();
        Map<Integer, String> stageOfLevel = new TreeMap<>();
        for (String line : lesson.sample().orElseThrow().code().split("\n")) {
            Matcher m = SAMPLE_LINE.matcher(line.strip());
            assertTrue(m.find(), "sample lines say 'Level n: ... (Step s, Stage)': " + line);
            int level = Integer.parseInt(m.group(1));
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            for (int step = from; step <= to; step++) {
                sampleLevelOfStep.put(step, level);
            }
            stageOfLevel.put(level, m.group(4));
        }
        assertEquals(levelOfStep, sampleLevelOfStep, "the sample puts every step at the flow's level");

        Lesson.Table scales = table("Two scales");
        Map<Integer, String> tableStageOfLevel = new TreeMap<>();
        for (List<String> row : scales.rows()) {
            Matcher levels = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(row.get(1));
            assertTrue(levels.find(), row.toString());
            int from = Integer.parseInt(levels.group(1));
            int to = levels.group(2) == null ? from : Integer.parseInt(levels.group(2));
            for (int level = from; level <= to; level++) {
                tableStageOfLevel.put(level, row.get(0));
            }
        }
        assertEquals(stageOfLevel, tableStageOfLevel, "the sample and the table map the four stages to the same levels");
        assertEquals(new TreeSet<>(levelOfStep.values()), tableStageOfLevel.keySet(), "every level has a stage");
    }

    @Test
    void everyLevelAQuestionNamesIsTaught() {
        Set<Integer> taught = new TreeSet<>();
        lesson.flow().steps().forEach(s -> levels(s.title(), taught));
        List<Executable> checks = new ArrayList<>();
        for (Question q : topic.questions()) {
            Set<Integer> used = new TreeSet<>();
            levels(everyText(q), used);
            checks.add(() -> assertTrue(taught.containsAll(used), q.id() + " uses levels " + used + ", the flow teaches "
                    + taught));
        }
        assertAll(checks);
    }

    @Test
    void everyStageNameOfTheCodeTasksIsTaught() {
        String taught = lessonText();
        Set<String> names = new LinkedHashSet<>();
        Pattern key = Pattern.compile("\"([A-Z][A-Za-z ]+)\":");
        for (Question q : topic.questions(QuestionKind.BLANKS)) {
            QuestionType.Blanks b = (QuestionType.Blanks) q.type();
            if (b.code().contains("maturity_level")) {
                // The options that start with a capital are stage names; the rest are traits.
                b.options().stream().map(Option::text).filter(t -> Character.isUpperCase(t.charAt(0))).forEach(names::add);
            }
            Matcher m = key.matcher(b.code());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        assertEquals(Set.of("Ad hoc", "Managed", "Automated", "Optimized"), names);
        for (String name : names) {
            assertTrue(table("Two scales").rows().stream().anyMatch(r -> r.get(0).equals(name)),
                    name + " is mapped to the levels");
            assertTrue(lesson.transcript().contains(name), name + " is in the transcript");
        }
        assertTrue(taught.contains("Ad hoc"), taught);
    }

    @Test
    void noFirstHintGivesTheAnswerAway() {
        List<Executable> checks = new ArrayList<>();
        for (Question q : topic.questions()) {
            checks.add(() -> {
                assertTrue(q.hints().size() >= 2, q.id() + ": hints go from gentle to strong");
                Set<String> giveaways = giveaways(q);
                Set<String> said = words(q.hints().get(0));
                said.retainAll(giveaways);
                assertEquals(Set.of(), said, q.id() + ": the first hint names the answer: " + q.hints().get(0));
                for (String letter : q.answerLetters()) {
                    String answer = q.type().option(letter).orElseThrow().text().toLowerCase(Locale.ROOT);
                    assertFalse(q.hints().get(0).toLowerCase(Locale.ROOT).contains(answer), q.id());
                }
            });
        }
        assertAll(checks);
    }

    @Test
    void everyFixTheErrorTaskShowsTheError() {
        Pattern quoted = Pattern.compile("\"([^\"]+)\"");
        int tasks = 0;
        for (Question q : topic.questions()) {
            if (!q.prompt().toLowerCase(Locale.ROOT).contains("the error")) {
                continue;
            }
            tasks++;
            if (q.type() instanceof QuestionType.Blanks b) {
                Set<String> wrong = new TreeSet<>();
                q.options().stream().filter(o -> !b.answer().contains(o.letter())).forEach(o -> wrong.add(o.text()));
                Matcher m = quoted.matcher(b.code());
                boolean shown = false;
                while (m.find()) {
                    shown |= wrong.contains(m.group(1));
                }
                assertTrue(shown, q.id() + ": the code quotes the wrong value to fix: " + b.code());
            } else {
                Matcher m = quoted.matcher(q.prompt());
                assertTrue(m.find() && m.group(1).length() > 20, q.id() + ": the prompt quotes the wrong statement");
            }
        }
        assertEquals(2, tasks, "the identify-the-error question and the fix-the-error task");
    }

    @Test
    void finalAnswersAreWordsNotKeys() {
        for (Question q : topic.questions()) {
            String answer = q.solution().answer();
            assertFalse(TopicReader.BLANK.matcher(answer).find(), q.id() + ": the blank key is added by the bot: " + answer);
            assertFalse(answer.contains("(") || answer.contains(")"),
                    q.id() + ": the bot adds \"(option B)\" after the answer; more brackets read badly: " + answer);
        }
    }

    /** Words of the answer option(s) that no other option and neither the prompt nor the code use. */
    private static Set<String> giveaways(Question q) {
        Set<String> answer = new TreeSet<>();
        Set<String> elsewhere = words(q.prompt() + (q.type() instanceof QuestionType.Blanks b ? " " + b.code() : ""));
        for (Option o : q.options()) {
            if (q.answerLetters().contains(o.letter())) {
                answer.addAll(words(o.text()));
            } else {
                elsewhere.addAll(words(o.text()));
            }
        }
        answer.removeAll(elsewhere);
        return answer;
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if ((w.length() >= 3 || (!w.isEmpty() && Character.isDigit(w.charAt(0)))) && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static void levels(String text, Set<Integer> into) {
        Matcher m = LEVEL.matcher(text);
        while (m.find()) {
            into.add(Integer.parseInt(m.group(1)));
        }
    }

    private static String everyText(Question q) {
        StringBuilder text = new StringBuilder(q.prompt()).append('\n');
        q.options().forEach(o -> text.append(o.text()).append('\n'));
        q.hints().forEach(h -> text.append(h).append('\n'));
        q.solution().steps().forEach(s -> text.append(s.title()).append(' ').append(s.text()).append('\n'));
        text.append(q.solution().answer()).append('\n').append(q.solution().quickCheck()).append('\n');
        q.mistakes().forEach(m -> text.append(m).append('\n'));
        return text.toString();
    }

    private String lessonText() {
        StringBuilder text = new StringBuilder();
        lesson.flow().steps().forEach(s -> text.append(s.title()).append(' ').append(s.text()).append('\n'));
        lesson.sample().ifPresent(s -> text.append(s.code()).append('\n'));
        lesson.tables().forEach(t -> t.rows().forEach(r -> text.append(String.join(" ", r)).append('\n')));
        lesson.insights().forEach(i -> text.append(i.question()).append(' ').append(i.answer()).append('\n'));
        lesson.snapshot().forEach(l -> text.append(l).append('\n'));
        return text.append(lesson.transcript()).toString();
    }

    private Lesson.Table table(String title) {
        return lesson.tables().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow(
                () -> new AssertionError("the lesson has a table titled " + title));
    }
}
