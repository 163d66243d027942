package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.quiztutor.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question names the lesson material it cannot be answered without ("material"); the loader
 * finds it in the lesson, or says exactly what is wrong, and the schema agrees.
 */
class QuestionMaterialTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A topic whose lesson has a flow, a sample and two tables, and whose one question names {@code material}. */
    private static ObjectNode topic(String material) throws IOException {
        ObjectNode topic = (ObjectNode) JSON.readTree("""
                {
                  "id": "m",
                  "title": "Material",
                  "lesson": {
                    "flow": {"title": "Pipeline", "steps": [{"title": "Build"}, {"title": "Deploy"}]},
                    "sample": {"title": "Deploy script", "language": "bash", "code": "make deploy"},
                    "tables": [
                      {"title": "Levels", "columns": ["Step", "Automation"], "rows": [["1", "None"], ["2", "Low"]]},
                      {"title": "Owners", "columns": ["Team"], "rows": [["Data"]]}
                    ],
                    "quiz": ["q"]
                  },
                  "questions": [
                    {
                      "id": "q",
                      "type": "choice",
                      "difficulty": "easy",
                      "prompt": "Look at the table: what is the automation at Step 2?",
                      "options": {"A": "None", "B": "Low"},
                      "answer": "B",
                      "solution": {"steps": [{"title": "Read row 2"}], "answer": "Low"}
                    }
                  ]
                }
                """);
        if (material != null) {
            ((ObjectNode) topic.get("questions").get(0)).set("material", JSON.readTree(material));
        }
        return topic;
    }

    /** A question that fails to read is missing from the lesson's quiz as well; that second problem is not ours here. */
    private static ObjectNode withoutQuiz(ObjectNode topic) {
        ((ObjectNode) topic.get("lesson")).remove("quiz");
        return topic;
    }

    private BankLoader.Report load(JsonNode topic) throws IOException {
        Path file = dir.resolve("topic.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(topic));
        return BankLoader.load(file);
    }

    private Question loaded(JsonNode topic) throws IOException {
        BankLoader.Report report = load(topic);
        assertEquals(List.of(), report.problems());
        return report.bank().topics().get(0).questions().get(0);
    }

    private Problem onlyProblem(JsonNode topic) throws IOException {
        BankLoader.Report report = load(topic);
        assertTrue(report.bank().isEmpty(), "a file with a problem adds no topic");
        assertEquals(1, report.problems().size(), report.problems().toString());
        return report.problems().get(0);
    }

    @Test
    void aTableIsFoundByItsTitle() throws IOException {
        BankLoader.Report report = load(topic("{\"table\": \"Levels\"}"));
        assertEquals(List.of(), report.problems());
        Topic t = report.bank().topics().get(0);
        Material.Table table = assertInstanceOf(Material.Table.class, t.questions().get(0).material().orElseThrow());
        assertEquals("Levels", table.title());
        assertEquals(List.of("1", "None"), table.table().rows().get(0));
        assertEquals(t.questions().get(0), t.lesson().orElseThrow().quiz().get(0),
                "the lesson's quiz asks the question with its material too");
    }

    @Test
    void theSampleAndTheFlowAreNamedByWord() throws IOException {
        Material sample = loaded(topic("\"sample\"")).material().orElseThrow();
        assertEquals("make deploy", sample.text());
        assertEquals("bash", sample.language());
        Material flow = loaded(topic("\"flow\"")).material().orElseThrow();
        assertEquals("Pipeline", flow.title());
        assertEquals("1. Build\n2. Deploy", flow.text());
    }

    @Test
    void aQuestionWithoutMaterialHasNone() throws IOException {
        assertTrue(loaded(topic(null)).material().isEmpty());
    }

    @Test
    void aMisspeltTableTitleIsNamedWithTheTitlesThereAre() throws IOException {
        Problem p = onlyProblem(topic("{\"table\": \"Level\"}"));
        assertEquals("questions[0].material.table", p.field());
        assertTrue(p.message().contains("the lesson has no table titled \"Level\" (did you mean \"Levels\"?); its tables"
                + " are \"Levels\", \"Owners\""), p.message());
    }

    @Test
    void materialWithoutALessonIsAProblem() throws IOException {
        ObjectNode topic = topic("\"flow\"");
        topic.remove("lesson");
        Problem p = onlyProblem(topic);
        assertEquals("questions[0].material", p.field());
        assertTrue(p.message().contains("this topic has no lesson"), p.message());
    }

    @Test
    void theSampleOfALessonWithoutOneIsAProblem() throws IOException {
        ObjectNode topic = topic("\"sample\"");
        ((ObjectNode) topic.get("lesson")).remove("sample");
        Problem p = onlyProblem(topic);
        assertEquals("questions[0].material", p.field());
        assertTrue(p.message().contains("names the lesson's sample but the lesson has none"), p.message());
    }

    @Test
    void anythingElseSaysWhatIsAllowed() throws IOException {
        for (String wrong : List.of("\"chart\"", "3", "[\"Levels\"]")) {
            Problem p = onlyProblem(withoutQuiz(topic(wrong)));
            assertEquals("questions[0].material", p.field(), wrong);
            assertTrue(p.message().contains("is not lesson material; use \"sample\", \"flow\" or {\"table\": "), p.message());
        }
        Problem p = onlyProblem(withoutQuiz(topic("{\"tabel\": \"Levels\"}")));
        assertTrue(p.toString().contains("unknown field (did you mean \"table\"?)"), p.toString());
    }

    @Test
    void twoTablesWithTheNamedTitleAreAmbiguous() throws IOException {
        ObjectNode topic = topic("{\"table\": \"Levels\"}");
        ((ObjectNode) topic.get("lesson").get("tables").get(1)).put("title", "Levels");
        Problem p = onlyProblem(topic);
        assertEquals("questions[0].material.table", p.field());
        assertTrue(p.message().contains("2 tables titled \"Levels\""), p.message());
    }

    @Test
    void aPostThatNoLongerFitsWithItsTableIsRejectedAtTheMaterial() throws IOException {
        ObjectNode topic = topic("{\"table\": \"Levels\"}");
        // 25 rows of two 100-character cells: about 5,200 characters as a text table, over one embed.
        var rows = ((ObjectNode) topic.get("lesson").get("tables").get(0)).putArray("rows");
        for (int i = 0; i < 25; i++) {
            rows.addArray().add("s".repeat(100)).add("a".repeat(100));
        }
        BankLoader.Report report = load(topic);
        assertTrue(report.bank().isEmpty());
        Problem p = report.problems().stream().filter(x -> x.field().equals("questions[0].material")).findFirst()
                .orElseThrow(() -> new AssertionError(report.problems().toString()));
        assertTrue(p.message().contains("the question's post with the Levels is"), p.message());
        assertTrue(p.message().contains("a Discord embed holds 4096"), p.message());
    }

    @Test
    void theSchemaAcceptsAndRejectsTheSameForms() throws IOException {
        com.networknt.schema.JsonSchema schema;
        try (InputStream in = Files.newInputStream(Fixtures.SHIPPED.resolve("quiz.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (String ok : List.of("{\"table\": \"Levels\"}", "\"sample\"", "\"flow\"")) {
            assertEquals(java.util.Set.of(), schema.validate(topic(ok)), ok);
        }
        for (String wrong : List.of("\"chart\"", "3", "{\"tabel\": \"Levels\"}", "{}")) {
            assertTrue(!schema.validate(topic(wrong)).isEmpty(), wrong + " passes the schema");
        }
    }
}
