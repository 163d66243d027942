package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A careless author can break any field of a file. Each of thousands of single mutations of the
 * shipped topic (a field removed, or its value replaced by another JSON type) must give located
 * problems, never an exception.
 */
class MutatedQuizFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> REPLACEMENTS = List.of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.textNode("Z"),
            JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode());

    @Test
    void everySingleMutationIsReportedWithoutACrash() throws Exception {
        JsonNode original = JSON.readTree(Fixtures.SHIPPED.resolve("mlops-maturity-levels.json").toFile());
        List<String> pointers = new ArrayList<>();
        collect(original, "", pointers);
        Path file = Files.createTempFile("mutated", ".json");
        int mutations = 0;
        int rejected = 0;
        try {
            for (String pointer : pointers) {
                List<JsonNode> variants = new ArrayList<>();
                variants.add(null);
                variants.addAll(REPLACEMENTS);
                for (JsonNode replacement : variants) {
                    JsonNode mutated = mutate(original, pointer, replacement);
                    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mutated));
                    BankLoader.Report report = assertDoesNotThrow(() -> BankLoader.load(file), pointer);
                    mutations++;
                    if (!report.problems().isEmpty()) {
                        rejected++;
                        for (Problem p : report.problems()) {
                            assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
                            assertFalse(p.message().isBlank(), p.toString());
                        }
                        assertTrue(report.bank().isEmpty(), "an invalid file adds no topic");
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(mutations > 2000, "mutations: " + mutations);
        assertTrue(rejected > mutations / 2, "most mutations must be rejected: " + rejected + " of " + mutations);
    }

    private static void collect(JsonNode node, String pointer, List<String> pointers) {
        if (!pointer.isEmpty()) {
            pointers.add(pointer);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collect(node.get(name), pointer + "/" + name, pointers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    /** A copy of {@code root} with the value at {@code pointer} removed (null) or replaced. */
    private static JsonNode mutate(JsonNode root, String pointer, JsonNode replacement) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
        return copy;
    }
}
