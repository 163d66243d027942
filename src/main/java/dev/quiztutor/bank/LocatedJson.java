package dev.quiztutor.bank;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into a Jackson tree that remembers where every value came from, so that a
 * problem found while reading the tree can name its line and column. Jackson's own tree forgets
 * locations, and binding stops at the first error; authors want every problem at once.
 */
final class LocatedJson {
    /** A place in the file, 1-based. */
    record Position(int line, int column) {
    }

    /** A field that appears twice in one object; JSON allows it, but the second silently wins. */
    record Duplicate(String pointer, Position position) {
    }

    /** The document is not JSON at all; nothing else can be checked. */
    static final class SyntaxError extends Exception {
        private final Position position;

        SyntaxError(String message, Position position) {
            super(message);
            this.position = position;
        }

        Position position() {
            return position;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final JsonNode root;
    private final Map<String, Position> positions;
    private final List<Duplicate> duplicates;

    private LocatedJson(JsonNode root, Map<String, Position> positions, List<Duplicate> duplicates) {
        this.root = root;
        this.positions = positions;
        this.duplicates = duplicates;
    }

    static LocatedJson parse(String text) throws SyntaxError {
        Map<String, Position> positions = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty; a topic is a JSON object { ... }", new Position(1, 1));
            }
            JsonNode root = read(parser, "", positions, duplicates);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new SyntaxError("unexpected content after the end of the topic object",
                        position(parser.currentTokenLocation()));
            }
            return new LocatedJson(root, positions, duplicates);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? new Position(1, 1) : position(at);
            throw new SyntaxError("invalid JSON: " + e.getOriginalMessage(), where);
        } catch (IOException e) {
            throw new SyntaxError("cannot read: " + e.getMessage(), new Position(1, 1));
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, Position> positions,
                                 List<Duplicate> duplicates) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        positions.putIfAbsent(pointer, position(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = pointer + "/" + escape(name);
                    Position namePosition = position(parser.currentTokenLocation());
                    parser.nextToken();
                    if (object.has(name)) {
                        duplicates.add(new Duplicate(child, namePosition));
                        read(parser, child + "#duplicate", new HashMap<>(), new ArrayList<>());
                        continue;
                    }
                    // The field's name, not its value, is where an author looks for "this field".
                    positions.put(child, namePosition);
                    object.set(name, read(parser, child, positions, duplicates));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + index++, positions, duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        }
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    JsonNode root() {
        return root;
    }

    List<Duplicate> duplicates() {
        return List.copyOf(duplicates);
    }

    /** Where the value at {@code pointer} is, or its nearest ancestor when the value is missing. */
    Position at(String pointer) {
        String p = pointer;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** "/questions/3/options/A" becomes "questions[3].options.A", the way authors read paths. */
    static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }
}
