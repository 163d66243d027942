package dev.quiztutor.bank.format.moodlexml;

import static dev.quiztutor.bank.format.Imported.fixture;
import static dev.quiztutor.bank.format.Imported.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.format.HtmlText;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Imported;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moodle XML: the cases of Moodle's question/format/xml/tests (the truefalse.xml and multichoice.xml
 * fixtures, the inline XML of xmlformat_test.php), collected into one export with every type.
 */
class MoodleXmlFormatTest {
    @TempDir
    Path dir;

    private Path export() {
        return fixture("moodlexml", "moodle-export.xml");
    }

    private Imported moodle() {
        return Imported.run(dir.resolve("out"), export());
    }

    @Test
    void anExportWithEveryTypeImportsOneTopicPerCategory() {
        Imported run = moodle();
        assertEquals(Importer.SOME_SKIPPED, run.outcome().exit());
        assertEquals("imported 6 questions into 2 topics; skipped 5", run.outcome().summary());
        assertEquals("TrueFalse", run.topic("truefalse").get("title").asText());
        assertEquals("Multichoice", run.topic("multichoice").get("title").asText());
    }

    @Test
    void whatCannotBeImportedIsNamedWithItsLine() {
        List<String> skipped = moodle().notices().stream().filter(n -> n.endsWith("; skipped")).toList();
        assertEquals(List.of(
                export() + ":256: An essay: an essay question (no answer to grade); skipped",
                export() + ":265: Simple multianswer: a cloze (embedded answers) question; skipped",
                export() + ":274: Area: a calculated question (its numbers are drawn at random); skipped",
                export() + ":283: Read this first: a description, not a question; skipped",
                export() + ":292: Drag the words: a drag-and-drop question; skipped"), skipped);
    }

    @Test
    void trueFalseFixture() {
        // truefalse.xml: the answer is false, each answer has feedback, penalty 1 (one try).
        Imported run = moodle();
        JsonNode q = run.question("moodle-acronym-false");
        assertEquals("Moodle is an acronym for Modular Object-Oriented Dynamic Learning Education.", q.get("prompt").asText());
        assertEquals(false, q.get("answer").asBoolean(true));
        assertEquals("{\"true\":\"Your answer is incorrect.\",\"false\":\"Your answer is correct.\"}", json(q.get("feedback")));
        assertEquals(1, q.get("attempts").asInt());
        assertTrue(q.get("solution").get("steps").get(0).get("text").asText().endsWith(
                "For further information, see the [documentation about Moodle](http://docs.moodle.org/en/About_Moodle)."));
        for (String image : List.of("Moodle logo", "Informations", "Thumb down", "Thumb up")) {
            assertTrue(run.notices().contains(export() + ":14: Moodle acronym (False): image \"" + image + "\" dropped"),
                    run.notices().toString());
        }
    }

    @Test
    void multichoiceFixture() {
        // multichoice.xml: French is right; each flag image is dropped, the words stay.
        Imported run = moodle();
        JsonNode q = run.question("greeting");
        assertEquals("choice", q.get("type").asText());
        assertEquals("Listen to this greeting:\n\nWhat language is being spoken?", q.get("prompt").asText());
        assertEquals("{\"A\":\"English\",\"B\":\"French\",\"C\":\"Danish\"}", json(q.get("options")));
        assertEquals("B", q.get("answer").asText());
        assertEquals("Yes, well done!", q.get("feedback").get("B").asText());
        assertFalse(q.has("attempts"), "penalty 1/3 is our default of 3 tries");
        assertTrue(run.notices().contains(export() + ":48: Greeting: file \"bonjour.mp3\" dropped"), run.notices().toString());
        assertTrue(run.notices().contains(export() + ":48: Greeting: image \"France flag\" dropped"));
    }

    @Test
    void multipleResponseWithHints() {
        // test_import_multichoice_19: single false, 2 and 4 right, two hints, general feedback.
        JsonNode q = moodle().question("multiple-choice-question");
        assertEquals("multi", q.get("type").asText());
        assertEquals("[\"B\",\"D\"]", json(q.get("answer")));
        assertEquals("[\"Hint 1.\",\"Hint 2.\"]", json(q.get("hints")));
        assertEquals("2; 4", q.get("solution").get("answer").asText());
        assertTrue(q.get("solution").get("steps").get(0).get("text").asText().endsWith("The even numbers are 2 and 4."));
    }

    @Test
    void shortAnswer() {
        // test_import_shortanswer_19: Beta, "*" catch-all, two hints.
        Imported run = moodle();
        JsonNode q = run.question("short-answer-question");
        assertEquals("[\"Beta\"]", json(q.get("accept")));
        assertEquals("{\"Beta\":\"Well done!\"}", json(q.get("feedback")));
        assertEquals("[\"Hint 1\",\"Hint 2\"]", json(q.get("hints")));
        assertTrue(run.notices().stream().anyMatch(n -> n.contains("Short answer question: the feedback for any other answer")
                && n.contains("Doh!")));
    }

    @Test
    void numerical() {
        // test_import_numerical: 42 (tolerance 0.001) right, 13 wrong with feedback, penalty 0.1.
        JsonNode q = moodle().question("numerical-question");
        assertEquals("[{\"value\":42,\"tolerance\":0.001}]", json(q.get("accept")));
        assertEquals("{\"42\":\"Well done!\",\"13\":\"What were you thinking?!\"}", json(q.get("feedback")));
        assertEquals(10, q.get("attempts").asInt());
        assertTrue(q.get("solution").get("steps").get(0).get("text").asText()
                .contains("General feedback: Think Hitch-hikers guide to the Galaxy."));
    }

    @Test
    void matching() {
        // test_import_match_19: A-a, B-b, C-c and the extra answer d; the empty second hint is left out.
        JsonNode q = moodle().question("matching-question");
        assertEquals("[\"A\",\"B\",\"C\"]", json(q.get("items")));
        assertEquals("{\"A\":\"a\",\"B\":\"b\",\"C\":\"c\",\"D\":\"d\"}", json(q.get("options")));
        assertEquals("[\"A\",\"B\",\"C\"]", json(q.get("answer")));
        assertEquals("[\"Hint 1\"]", json(q.get("hints")));
    }

    @Test
    void unitsEntitiesCodeAndNamelessQuestions() {
        Path file = fixture("moodlexml", "edge-cases.xml");
        Imported run = Imported.run(dir.resolve("out"), file);
        JsonNode latency = run.question("latency-budget");
        assertEquals("ms", latency.get("unit").asText());
        assertEquals("[{\"value\":250,\"tolerance\":10}]", json(latency.get("accept")));
        assertEquals(2, latency.get("attempts").asInt());

        JsonNode store = run.question("cafe-creme-which-store-holds");
        assertEquals("Café & crème: which store holds <features>?", store.get("prompt").asText());
        assertEquals("{\"feature store\":\"Yes: `Feast` is one.\",\"model registry\":\"A registry holds models, not features.\"}",
                json(store.get("feedback")));

        assertTrue(run.notices().contains(file + ":19: Two right ones: several fully right answers in a one-answer"
                + " question; our choice has one right option; skipped"), run.notices().toString());

        JsonNode code = run.question("code-and-lists");
        assertEquals("Which call logs a metric?\n\n```\n  mlflow.log_metric(\"acc\", 0.9)\n  mlflow.log_param(\"lr\", 0.1)\n```"
                + "\n\n- one list\n- **two**", code.get("prompt").asText());
        assertEquals("`log_metric`", code.get("options").get("A").asText());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverRead() {
        Imported run = Imported.run(dir.resolve("out"), fixture("moodlexml", "xxe.xml"));
        assertEquals(Importer.NOTHING, run.outcome().exit());
        assertEquals(List.of(fixture("moodlexml", "xxe.xml") + ":2: a DOCTYPE is not allowed in a quiz file (remove it)"),
                run.outcome().errors());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void brokenXmlIsReportedWithItsLineAndNothingIsWritten() {
        Imported run = Imported.run(dir.resolve("out"), fixture("moodlexml", "broken.xml"),
                fixture("moodlexml", "moodle-export.xml"));
        assertEquals(Importer.NOTHING, run.outcome().exit());
        assertEquals(1, run.outcome().errors().size());
        assertTrue(run.outcome().errors().get(0).startsWith(fixture("moodlexml", "broken.xml") + ":6: not well-formed XML"),
                run.outcome().errors().toString());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void htmlBecomesDiscordMarkdown() {
        List<String> dropped = new ArrayList<>();
        assertEquals("**Bold**, *it*, ~~old~~ and [a link](https://example.org) & more\n\n1. one\n2. two",
                HtmlText.toMarkdown("<p><b>Bold</b>, <em>it</em>, <del>old</del> and <a href=\"https://example.org\">a link</a>"
                        + " &amp; more</p><ol><li>one</li><li>two</li></ol><img src=\"x.png\">", dropped));
        assertEquals(List.of("image \"x.png\""), dropped);
    }
}
