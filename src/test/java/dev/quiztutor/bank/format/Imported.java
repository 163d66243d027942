package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An import run on fixture files, with the topics it wrote read back as JSON: the importer tests
 * assert on the files an author would get, not on the importers' insides. Whatever was written is
 * loaded as it is by the real validator ({@link BankLoader}), which must report no problem and load
 * every question imported: a file that imports but would not load is a failed import.
 */
public record Imported(Importer.Outcome outcome, Map<String, JsonNode> topics, Path out, BankLoader.Report report) {
    public static final Path FIXTURES = Path.of("src/test/resources/formats");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Imported run(Path out, Importer.Options options, Path... files) {
        Importer.Outcome outcome = Importer.run(List.of(files), options);
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        BankLoader.Report report = BankLoader.load(List.<Path>of());
        if (Files.isDirectory(out)) {
            report = BankLoader.load(out);
            assertEquals(List.of(), report.problems().stream().map(Object::toString).toList(),
                    "the written files load as they are");
            assertEquals(outcome.imported(), report.bank().topics().stream().mapToInt(t -> t.questions().size()).sum(),
                    "every imported question is loaded");
            try (Stream<Path> written = Files.list(out)) {
                for (Path file : written.sorted().toList()) {
                    JsonNode topic = JSON.readTree(file.toFile());
                    topics.put(topic.get("id").asText(), topic);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Imported(outcome, topics, out, report);
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

    /** The questions the bank loaded from the written files, by id, in the order written. */
    public Map<String, Question> loaded() {
        Map<String, Question> questions = new LinkedHashMap<>();
        for (Topic topic : report.bank().topics()) {
            topic.questions().forEach(q -> questions.put(q.id(), q));
        }
        return questions;
    }
}
