package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.bank.BankLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An import run on fixture files, with the topics it wrote read back as JSON: the importer tests
 * assert on the files an author would get, not on the importers' insides.
 */
public record Imported(Importer.Outcome outcome, Map<String, JsonNode> topics, Path out) {
    public static final Path FIXTURES = Path.of("src/test/resources/formats");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Imported run(Path out, Importer.Options options, Path... files) {
        Importer.Outcome outcome = Importer.run(List.of(files), options);
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> written = Files.list(out)) {
                for (Path file : written.sorted().toList()) {
                    JsonNode topic = JSON.readTree(file.toFile());
                    topics.put(topic.get("id").asText(), topic);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Imported(outcome, topics, out);
    }

    public static Imported run(Path out, Path... files) {
        return run(out, options(out), files);
    }

    public static Importer.Options options(Path out) {
        return new Importer.Options(Optional.empty(), out, Optional.empty(), Optional.empty(), "medium");
    }

    public static Path fixture(String format, String name) {
        return FIXTURES.resolve(format).resolve(name);
    }

    public JsonNode topic(String id) {
        JsonNode topic = topics.get(id);
        assertTrue(topic != null, "no topic " + id + " in " + topics.keySet());
        return topic;
    }

    /** The question with this id, in whichever topic holds it. */
    public JsonNode question(String id) {
        for (JsonNode topic : topics.values()) {
            for (JsonNode q : topic.get("questions")) {
                if (q.get("id").asText().equals(id)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no question " + id + " in " + topics.keySet());
    }

    public List<String> notices() {
        return outcome.notices().stream().map(Notice::toString).toList();
    }

    /** JSON text of a list of strings, for compact assertions: ["A","C"]. */
    public static String json(JsonNode node) {
        return node.toString();
    }

    /**
     * Runs the real validator of today's bank on the written files, keeping the question types it
     * knows (choice, blanks) and leaving out what it does not know yet ({@code feedback}, the new
     * types), which the lead's validator will check. Returns how many questions were validated.
     */
    public int validatesToday(Path scratch) {
        int validated = 0;
        try {
            Files.createDirectories(scratch);
            for (Map.Entry<String, JsonNode> topic : topics.entrySet()) {
                ObjectNode copy = topic.getValue().deepCopy();
                ArrayNode kept = JSON.createArrayNode();
                for (JsonNode q : copy.get("questions")) {
                    String type = q.get("type").asText();
                    if (type.equals("choice") || type.equals("blanks")) {
                        ((ObjectNode) q).remove("feedback");
                        kept.add(q);
                    }
                }
                if (kept.isEmpty()) {
                    continue;
                }
                copy.set("questions", kept);
                copy.put("$schema", "./quiz.schema.json");
                Files.writeString(scratch.resolve(topic.getKey() + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy));
                validated += kept.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(validated > 0, "nothing of today's types to validate");
        BankLoader.Report report = BankLoader.load(scratch);
        assertEquals(List.of(), report.problems().stream().map(Object::toString).toList());
        return validated;
    }

    /** The written files themselves, through today's validator, for files holding only choice questions. */
    public void writtenFilesValidate() {
        BankLoader.Report report = BankLoader.load(new ArrayList<>(List.of(out)));
        assertEquals(List.of(), report.problems().stream().map(Object::toString).toList());
    }
}
