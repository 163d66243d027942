package dev.quiztutor.bench.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated quiz banks: topics of 1,000 questions each, every question a copy of one of the shipped
 * topic's questions (choice and blanks tasks, hints, worked solutions) under a new id, so the files
 * exercise every check the loader makes. Written once per size under {@code target/bench/banks}.
 */
public final class BankGen {
    public static final int PER_TOPIC = 1_000;

    private BankGen() {
    }

    /** The folder of a bank of {@code questions} questions, generated if missing. */
    public static Path bank(Path root, int questions) {
        Path dir = root.resolve("bank-" + questions);
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode shipped = mapper.readTree(Path.of("quizzes", "mlops-maturity-levels.json").toFile());
            ArrayNode source = (ArrayNode) shipped.get("questions");
            int topics = (questions + PER_TOPIC - 1) / PER_TOPIC;
            int made = 0;
            for (int t = 0; t < topics; t++) {
                ObjectNode topic = mapper.createObjectNode();
                topic.put("id", "generated-" + t);
                topic.put("title", "Generated topic " + t);
                topic.put("category", "Benchmarks");
                topic.put("summary", "A generated topic for the bank benchmark.");
                ArrayNode list = topic.putArray("questions");
                for (int q = 0; q < PER_TOPIC && made < questions; q++, made++) {
                    ObjectNode copy = source.get(q % source.size()).deepCopy();
                    copy.put("id", copy.get("id").asText() + "-" + q);
                    // Generated topics have no lesson, so nothing for a question to show from it.
                    copy.remove("material");
                    list.add(copy);
                }
                mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("generated-" + t + ".json").toFile(), topic);
            }
            Files.writeString(done, "");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
