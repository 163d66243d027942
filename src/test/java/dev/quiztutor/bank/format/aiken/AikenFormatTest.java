package dev.quiztutor.bank.format.aiken;

import static dev.quiztutor.bank.format.Imported.fixture;
import static dev.quiztutor.bank.format.Imported.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Imported;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aiken files: both option styles, multi-line question texts, and the two ways a question is incomplete. */
class AikenFormatTest {
    @TempDir
    Path dir;

    private final Path file = fixture("aiken", "mlops.txt");

    @Test
    void bothOptionStylesAndTheirAnswers() {
        // A ".txt" name says nothing: the ANSWER: lines tell it is Aiken.
        Imported run = Imported.run(dir.resolve("out"), file);
        assertEquals("imported 3 questions into 1 topic; skipped 2", run.outcome().summary());
        assertEquals(Importer.SOME_SKIPPED, run.outcome().exit());
        JsonNode registry = run.question("what-does-a-model-registry-keep");
        assertEquals("{\"A\":\"Raw training data\",\"B\":\"Model versions and their stages\",\"C\":\"Container images\"}",
                json(registry.get("options")));
        assertEquals("B", registry.get("answer").asText());
        assertEquals("Model versions and their stages", registry.get("solution").get("answer").asText());
        assertEquals("A", run.question("which-drift-is-a-change-in-the").get("answer").asText());
        assertEquals("Which tool serves features online\nat low latency?",
                run.question("which-tool-serves-features").get("prompt").asText());
    }

    @Test
    void incompleteQuestionsAreNamed() {
        Imported run = Imported.run(dir.resolve("out"), file);
        assertEquals(List.of(
                file + ":19: A question whose options never get an a…: no ANSWER: line after its options; skipped",
                file + ":23: What is the default number of tries?: ANSWER: E names no option; options are A, B; skipped"),
                run.notices());
    }
}
