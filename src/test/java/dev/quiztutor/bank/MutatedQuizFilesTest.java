package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quiztutor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
        Path file = Files.createTempFile("mutated", ".json");
        int[] mutations = {0};
        int[] rejected = {0};
        try {
            forEachMutant((change, mutated) -> {
                try {
                    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mutated));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                BankLoader.Report report = assertDoesNotThrow(() -> BankLoader.load(file), change);
                mutations[0]++;
                if (!report.problems().isEmpty()) {
                    rejected[0]++;
                    for (Problem p : report.problems()) {
                        assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
                        assertFalse(p.message().isBlank(), p.toString());
                    }
                    assertTrue(report.bank().isEmpty(), "an invalid file adds no topic");
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(mutations[0] > 2000, "mutations: " + mutations[0]);
        assertTrue(rejected[0] > mutations[0] / 2, "most mutations must be rejected: " + rejected[0] + " of " + mutations[0]);
    }

    /**
     * Calls {@code action} with each single mutation of the shipped topic and what was changed ("/id
     * removed", "/id = 7"): every value removed, then replaced by each of {@link #REPLACEMENTS}.
     */
    static void forEachMutant(BiConsumer<String, JsonNode> action) throws java.io.IOException {
        JsonNode original = JSON.readTree(Fixtures.SHIPPED.resolve("mlops-maturity-levels.json").toFile());
        List<String> pointers = new ArrayList<>();
        JsonMutations.collect(original, "", pointers);
        for (String pointer : pointers) {
            List<JsonNode> variants = new ArrayList<>();
            variants.add(null);
            variants.addAll(REPLACEMENTS);
            for (JsonNode replacement : variants) {
                action.accept(pointer + (replacement == null ? " removed" : " = " + replacement),
                        JsonMutations.mutate(original, pointer, replacement));
            }
        }
    }
}
