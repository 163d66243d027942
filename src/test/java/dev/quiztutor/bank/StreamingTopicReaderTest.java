package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader may only ever say "valid, and here is the topic" when the located reader, which
 * reports every problem with its place, finds the file valid and reads the same topic; and it must
 * say so for every valid file it handles (anything without a lesson), or validating a large bank
 * would quietly fall back to the slow path.
 */
class StreamingTopicReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a careless author or an exporter may put anywhere: every JSON type, and values near the rules' edges. */
    private static final List<JsonNode> REPLACEMENTS = List.of(
            NODES.nullNode(), NODES.textNode(" "), NODES.textNode("A"), NODES.textNode("x [1] y [2]"),
            NODES.textNode("x-".repeat(2000)), NODES.numberNode(2.5), NODES.numberNode(12345678901L),
            NODES.booleanNode(false), NODES.arrayNode().add("A").add("A"), NODES.objectNode().put("A", "a"));

    @Test
    void everyMutantOfTheShippedTopicsWithoutTheirLessonsIsReadTheSameBothWays() throws Exception {
        int[] valid = {0};
        int[] invalid = {0};
        for (JsonNode topic : shippedTopicsWithoutLessons()) {
            assertSameBothWays("as shipped, lesson removed", topic, valid, invalid);
            List<String> pointers = new ArrayList<>();
            JsonMutations.collect(topic, "", pointers);
            for (String pointer : pointers) {
                assertSameBothWays(pointer + " removed", JsonMutations.mutate(topic, pointer, null), valid, invalid);
                for (JsonNode replacement : REPLACEMENTS) {
                    assertSameBothWays(pointer + " = " + replacement, JsonMutations.mutate(topic, pointer, replacement), valid,
                            invalid);
                }
            }
        }
        // Both kinds in numbers: the comparison means something either way.
        assertTrue(valid[0] > 1000 && invalid[0] > 5000, "valid " + valid[0] + ", invalid " + invalid[0]);
    }

    @Test
    void blanksOfEveryShapeAreJudgedAlikeWithAnAnswerThatFitsThem() throws Exception {
        // Code and answer changed together, so that only the blank rules decide.
        Map<String, List<String>> shapes = new java.util.LinkedHashMap<>();
        shapes.put("a = [1] + [2]", List.of("A", "B"));
        shapes.put("a = [2] + [1]", List.of("A", "B"));
        shapes.put("a = [1] + \\[2]", List.of("A"));
        shapes.put("a = [1] + [66]", List.of("A", "B"));
        shapes.put("a = [1] + [65]", List.of("A", "B"));
        shapes.put("a = [1] + [1]", List.of("A"));
        shapes.put("a = [0] + [1]", List.of("A", "B"));
        shapes.put("a = [01]", List.of("A"));
        shapes.put("a = [1] + [3]", List.of("A", "B"));
        shapes.put("a = [1] [2] [3] [4] [5]", List.of("A", "B", "C", "D", "E"));
        shapes.put("a = b", List.of());
        int[] valid = {0};
        int[] invalid = {0};
        for (JsonNode topic : shippedTopicsWithoutLessons()) {
            for (int i = 0; i < topic.get("questions").size(); i++) {
                if (!topic.get("questions").get(i).has("code")) {
                    continue;
                }
                for (Map.Entry<String, List<String>> shape : shapes.entrySet()) {
                    ObjectNode copy = (ObjectNode) topic.deepCopy();
                    ObjectNode task = (ObjectNode) copy.get("questions").get(i);
                    task.put("code", shape.getKey());
                    ArrayNode answer = task.putArray("answer");
                    shape.getValue().forEach(answer::add);
                    assertSameBothWays("question " + i + ": " + shape.getKey(), copy, valid, invalid);
                }
            }
        }
        assertTrue(valid[0] >= 3 && invalid[0] >= 8, "valid " + valid[0] + ", invalid " + invalid[0]);
    }

    @Test
    void aMemberWrittenTwiceInAnyObjectIsLeftToTheLocatedReader() throws Exception {
        int objects = 0;
        for (JsonNode topic : shippedTopicsWithoutLessons()) {
            List<String> pointers = new ArrayList<>();
            JsonMutations.collect(topic, "", pointers);
            for (String pointer : pointers) {
                if (!topic.at(pointer.substring(0, pointer.lastIndexOf('/'))).isObject()) {
                    continue;
                }
                objects++;
                java.io.StringWriter text = new java.io.StringWriter();
                try (com.fasterxml.jackson.core.JsonGenerator out = JSON.createGenerator(text)) {
                    writeTwice(out, topic, "", pointer);
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                Path file = Path.of("twice.json");
                assertEquals(Optional.empty(), StreamingTopicReader.read(file, bytes), pointer + " twice");
                assertTrue(TopicReader.read(file, bytes).problems().stream()
                        .anyMatch(p -> p.message().startsWith("appears twice")), pointer + " twice");
            }
        }
        assertTrue(objects > 500, "members: " + objects);
    }

    /** Writes {@code node} as JSON with the member at {@code twice} written two times. */
    private static void writeTwice(com.fasterxml.jackson.core.JsonGenerator out, JsonNode node, String pointer,
                                   String twice) throws java.io.IOException {
        if (node.isObject()) {
            out.writeStartObject();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = pointer + "/" + name;
                for (int i = 0; i < (child.equals(twice) ? 2 : 1); i++) {
                    out.writeFieldName(name);
                    writeTwice(out, node.get(name), child, twice);
                }
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                writeTwice(out, node.get(i), pointer + "/" + i, twice);
            }
            out.writeEndArray();
        } else {
            out.writeTree(node);
        }
    }

    @Test
    void membersInAnyOrderReadTheSameTopic() throws Exception {
        for (JsonNode topic : shippedTopicsWithoutLessons()) {
            JsonNode reversed = reversed(topic);
            assertTrue(reversed.fieldNames().next().equals("questions"), "the topic's id now comes after its questions");
            assertSameBothWays("every object's members reversed", reversed, new int[1], new int[1]);
        }
    }

    @Test
    void everyFixtureFileIsAcceptedOnlyWhenTheLocatedReaderFindsItValid() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Fixtures.SHIPPED), Files.walk(Path.of("src/test/resources")))) {
            files = walk.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json")
                    && !f.toString().contains("discord-api-spec")).toList();
        }
        assertTrue(files.size() > 30, "fixtures: " + files.size());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Optional<Topic> streamed = StreamingTopicReader.read(file, bytes);
            if (streamed.isPresent()) {
                TopicReader.Result located = TopicReader.readLocated(file, bytes);
                assertEquals(List.of(), located.problems(), file.toString());
                assertEquals(located.topic(), streamed, file.toString());
            }
        }
    }

    @Test
    void anIdIsCheckedAsItsPatternChecksIt() {
        String alphabet = "a9-Z_";
        List<String> candidates = new ArrayList<>(List.of("", "first-level", "-a", "a-", "a--b", "A", "a b", "é"));
        for (int n = 1; n <= 4; n++) {
            int total = (int) Math.pow(alphabet.length(), n);
            for (int k = 0; k < total; k++) {
                StringBuilder id = new StringBuilder();
                for (int i = 0, rest = k; i < n; i++, rest /= alphabet.length()) {
                    id.append(alphabet.charAt(rest % alphabet.length()));
                }
                candidates.add(id.toString());
            }
        }
        for (String id : candidates) {
            assertEquals(TopicReader.ID.matcher(id).matches(), TopicReader.isId(id), "'" + id + "'");
        }
    }

    @Test
    void blankMarkersAreFoundAsTheirPatternFindsThem() {
        String alphabet = "[]\\19a";
        for (int n = 0; n <= 7; n++) {
            int total = (int) Math.pow(alphabet.length(), n);
            for (int k = 0; k < total; k++) {
                StringBuilder code = new StringBuilder();
                for (int i = 0, rest = k; i < n; i++, rest /= alphabet.length()) {
                    code.append(alphabet.charAt(rest % alphabet.length()));
                }
                List<TopicReader.Marker> expected = new ArrayList<>();
                java.util.regex.Matcher m = TopicReader.BLANK.matcher(code);
                while (m.find()) {
                    expected.add(new TopicReader.Marker(m.group(1), m.start()));
                }
                assertEquals(expected, TopicReader.markers(code.toString()), code.toString());
            }
        }
    }

    @Test
    void aTopicWithALessonIsLeftToTheLocatedReader() throws Exception {
        Path file = Fixtures.SHIPPED.resolve("mlops-maturity-levels.json");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(Optional.empty(), StreamingTopicReader.read(file, bytes));
        assertTrue(TopicReader.read(file, bytes).topic().orElseThrow().lesson().isPresent());
    }

    private static void assertSameBothWays(String change, JsonNode topic, int[] valid, int[] invalid) throws Exception {
        Path file = Path.of("mutated.json");
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(topic).getBytes(StandardCharsets.UTF_8);
        Optional<Topic> streamed = StreamingTopicReader.read(file, bytes);
        TopicReader.Result located = TopicReader.readLocated(file, bytes);
        if (located.problems().isEmpty()) {
            valid[0]++;
            assertTrue(streamed.isPresent(), change + ": valid, but left to the located reader");
            assertEquals(located.topic(), streamed, change);
        } else {
            invalid[0]++;
            assertEquals(Optional.empty(), streamed, change + ": accepted, but " + located.problems());
        }
    }

    /** The shipped topics (together they use every question type) without the lessons this reader leaves alone. */
    private static List<JsonNode> shippedTopicsWithoutLessons() throws Exception {
        List<JsonNode> topics = new ArrayList<>();
        for (String name : List.of("mlops-maturity-levels.json", "model-monitoring-drift.json")) {
            ObjectNode topic = (ObjectNode) JSON.readTree(Fixtures.SHIPPED.resolve(name).toFile());
            topic.remove("lesson");
            topic.get("questions").forEach(q -> ((ObjectNode) q).remove("material"));
            topics.add(topic);
        }
        return topics;
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode copy = NODES.objectNode();
            names.forEach(name -> copy.set(name, reversed(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(reversed(element)));
            return copy;
        }
        return node;
    }

}
