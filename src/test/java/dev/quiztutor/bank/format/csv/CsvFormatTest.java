package dev.quiztutor.bank.format.csv;

import static dev.quiztutor.bank.format.Imported.fixture;
import static dev.quiztutor.bank.format.Imported.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Imported;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheets saved as CSV, in the form quizzes/README.md documents. */
class CsvFormatTest {
    @TempDir
    Path dir;

    private final Path bank = fixture("csv", "bank.csv");

    @Test
    void everyTypeFromOneSheet() {
        Imported run = Imported.run(dir.resolve("out"), bank);
        assertEquals("imported 5 questions into 1 topic; skipped 3", run.outcome().summary());

        JsonNode registry = run.question("registry-purpose");
        assertEquals("easy", registry.get("difficulty").asText());
        assertEquals("B", registry.get("answer").asText());
        assertEquals("[\"Think of versions.\",\"It is not a data store.\"]", json(registry.get("hints")));
        assertTrue(registry.get("solution").get("steps").get(0).get("text").asText()
                .endsWith("A registry is the catalogue of trained models: versions, stages, lineage."));

        // No id and no type: the id comes from the text, two letters make it multiple response; the
        // quoted field keeps its comma and its line break.
        JsonNode drift = run.question("which-two-signals-together-show");
        assertEquals("multi", drift.get("type").asText());
        assertEquals("hard", drift.get("difficulty").asText());
        assertEquals("Which two signals, together, show concept drift?\n(pick both)", drift.get("prompt").asText());
        assertEquals("[\"C\",\"D\"]", json(drift.get("answer")));

        assertEquals(false, run.question("shadow-deploy").get("answer").asBoolean(true));
        JsonNode store = run.question("store");
        assertEquals("Where do online features live, with \"low latency\"?", store.get("prompt").asText());
        assertEquals("[\"feature store\",\"online store\"]", json(store.get("accept")));
        assertEquals("medium", store.get("difficulty").asText());
        assertEquals("[{\"value\":80,\"tolerance\":5}]", json(run.question("threshold").get("accept")));
    }

    @Test
    void rowsThatCannotBeImportedAreNamedWithTheirLine() {
        Imported run = Imported.run(dir.resolve("out"), bank);
        assertEquals(Importer.SOME_SKIPPED, run.outcome().exit());
        assertEquals(List.of(
                bank + ":8: no-answer: no answer; skipped",
                bank + ":9: wrong-letter: answer \"E\" names no option; options are A, B; skipped",
                bank + ":10: odd: type \"essay\" is not one of choice, multi, truefalse, short, numeric; skipped"),
                run.notices());
    }

    @Test
    void excelsByteOrderMarkSemicolonsAndLowerCaseHeaders() {
        Imported run = Imported.run(dir.resolve("out"), fixture("csv", "excel-semicolon.csv"));
        assertEquals(Importer.ALL, run.outcome().exit());
        JsonNode q = run.question("which-file-format-does-excel");
        assertEquals("{\"A\":\"CSV\",\"B\":\"XLSX\"}", json(q.get("options")));
        assertEquals("A", q.get("answer").asText());
    }

    @Test
    void difficultyOptionFillsTheRowsWithoutOne() {
        Imported run = Imported.run(dir.resolve("out"), new Importer.Options(java.util.Optional.empty(), dir.resolve("out"),
                java.util.Optional.of("git"), java.util.Optional.of("Git basics"), "hard"), fixture("csv", "choices-only.csv"));
        JsonNode topic = run.topic("git");
        assertEquals("Git basics", topic.get("title").asText());
        assertEquals("hard", run.question("which-command-stages-a-file").get("difficulty").asText());
    }

    @Test
    void theReadmesExampleImportsAsDocumented() throws Exception {
        String readme = Files.readString(Path.of("quizzes/README.md"));
        int start = readme.indexOf("```csv\n") + "```csv\n".length();
        Path sheet = dir.resolve("readme-example.csv");
        Files.writeString(sheet, readme.substring(start, readme.indexOf("```", start)));
        Imported run = Imported.run(dir.resolve("out"), sheet);
        assertEquals("imported 5 questions into 1 topic; skipped 0", run.outcome().summary(), run.notices().toString());
        assertEquals("[\"C\",\"D\"]", json(run.question("drift-signals").get("answer")));
        assertEquals("[\"feature store\",\"online store\"]", json(run.question("online-store").get("accept")));
    }

    @Test
    void aSheetWithoutAQuestionColumnIsRefusedWhole() throws Exception {
        Path sheet = dir.resolve("sheet.csv");
        Files.writeString(sheet, "prompt,A,B,answer\nWhat?,x,y,A\n");
        Imported run = Imported.run(dir.resolve("out"), sheet);
        assertEquals(Importer.NOTHING, run.outcome().exit());
        assertTrue(run.outcome().errors().get(0).startsWith(sheet + ":1: the first row has no \"question\" column"),
                run.outcome().errors().toString());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
