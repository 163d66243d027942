package dev.quiztutor.bench.start;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cold-start baseline: a fresh JVM that parses every {@code .json} file of a folder into a
 * Jackson tree and does nothing else (counts the questions, so the trees are used), reading the
 * files in parallel as quiztutor's loader does. Run as a whole process beside {@code quiztutor validate}.
 */
public final class BareParse {
    private BareParse() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of(args[0]))) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long questions = files.parallelStream().mapToLong(file -> {
            try {
                JsonNode tree = mapper.readTree(Files.readAllBytes(file));
                return tree.path("questions").size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
        System.out.println(files.size() + " files, " + questions + " questions");
    }
}
