package dev.quiztutor.bank;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into a Jackson tree that remembers where every value came from, so that a
 * problem found while reading the tree can name its line and column. Jackson's own tree forgets
 * locations, and binding stops at the first error; authors want every problem at once.
 *
 * <p>Positions are kept as two int arrays in the order values were read (the tree's pre-order), and
 * a pointer is resolved to its position only when asked, by walking the tree: a valid file asks for
 * one position, and building a map of every value's pointer made most of the cost of loading a
 * large bank (see BENCHMARKS.md).
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

    /**
     * Bounds on what a file may make the parser hold: files come from Discord uploads too, and a
     * topic nests a few levels and holds texts of a few thousand characters at most.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(LIMITS)
            .build();

    /**
     * A valid file is read by Jackson's own tree reader, the fastest it has, without positions: a
     * file without problems never needs one. The first problem reads the file again, keeping them.
     */
    private static final class Fast {
        /** Made on first use: a valid file never gets here (StreamingTopicReader), and an ObjectMapper costs a cold start. */
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private final JsonNode root;
    /** Null for a tree read the fast way: {@link #located} holds them once asked for. */
    private final Positions positions;
    private final List<Duplicate> duplicates;
    private final byte[] source;
    private int[] lineStarts;
    private LocatedJson located;
    /** Sizes of subtrees (values counted), filled as pointers are resolved. */
    private final Map<JsonNode, Integer> sizes = new IdentityHashMap<>();

    private LocatedJson(JsonNode root, Positions positions, List<Duplicate> duplicates, byte[] source) {
        this.root = root;
        this.positions = positions;
        this.duplicates = duplicates;
        this.source = source;
    }

    /**
     * Where each value of the tree was, in pre-order: for an object's member, its name; for the root
     * and array elements, the value itself. A duplicate member's value is not in the tree and not here.
     */
    private static final class Positions {
        private int[] lines = new int[256];
        private int[] columns = new int[256];
        private int size;
        private boolean recording = true;

        void add(JsonLocation location) {
            if (!recording) {
                return;
            }
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                columns = Arrays.copyOf(columns, size * 2);
            }
            lines[size] = Math.max(1, location.getLineNr());
            columns[size] = Math.max(1, location.getColumnNr());
            size++;
        }

        Position get(int index) {
            return new Position(lines[index], columns[index]);
        }
    }

    static LocatedJson parse(String text) throws SyntaxError {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Parses UTF-8 bytes as they are on disk: Jackson's byte parser is the fastest it has, checks the
     * encoding as it goes and skips a byte-order mark, and no copy of the file as a String is made.
     */
    static LocatedJson parse(byte[] utf8) throws SyntaxError {
        JsonNode tree = fastTree(utf8);
        return tree != null ? new LocatedJson(tree, null, List.of(), utf8) : parseLocated(utf8);
    }

    /** The tree, or null when the file has anything wrong with its JSON: the located reader says what and where. */
    private static JsonNode fastTree(byte[] utf8) {
        try {
            JsonNode tree = Fast.MAPPER.readTree(utf8);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static LocatedJson parseLocated(byte[] utf8) throws SyntaxError {
        Positions positions = new Positions();
        List<Duplicate> duplicates = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty; a topic is a JSON object { ... }", new Position(1, 1));
            }
            JsonNode root = read(parser, null, null, positions, duplicates);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new SyntaxError("unexpected content after the end of the topic object",
                        position(parser.currentTokenLocation()));
            }
            return new LocatedJson(root, positions, duplicates, utf8);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? new Position(1, 1) : position(at);
            if (String.valueOf(e.getOriginalMessage()).contains("Invalid UTF-8")) {
                throw new SyntaxError("is not UTF-8 text; save it as UTF-8", where);
            }
            throw new SyntaxError("invalid JSON: " + e.getOriginalMessage(), where);
        } catch (java.io.CharConversionException e) {
            throw new SyntaxError("is not UTF-8 text; save it as UTF-8", new Position(1, 1));
        } catch (IOException e) {
            throw new SyntaxError("cannot read: " + e.getMessage(), new Position(1, 1));
        }
    }

    /**
     * Where a container is, as a chain of member names and array indexes: made only for objects and
     * arrays (a scalar never needs its pointer), and turned into a pointer only for a duplicate.
     */
    private record Segment(Segment parent, String name, int index) {
        static Segment child(Segment parent, JsonParser parser, String name, int index) {
            JsonToken token = parser.currentToken();
            return token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                    ? new Segment(parent, name, index) : null;
        }

        static String pointer(Segment segment) {
            if (segment == null) {
                return "";
            }
            return pointer(segment.parent) + "/" + (segment.name != null ? escape(segment.name) : segment.index);
        }
    }

    /**
     * Reads the value at the parser's current token. {@code nameLocation}: where the member's name
     * was, for an object's member (the name, not the value, is where an author looks for "this
     * field"); null for the root and array elements.
     */
    private static JsonNode read(JsonParser parser, Segment path, JsonLocation nameLocation, Positions positions,
                                 List<Duplicate> duplicates) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        positions.add(nameLocation != null ? nameLocation : parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation namePosition = parser.currentTokenLocation();
                    parser.nextToken();
                    if (object.has(name)) {
                        duplicates.add(new Duplicate(Segment.pointer(path) + "/" + escape(name), position(namePosition)));
                        boolean was = positions.recording;
                        positions.recording = false;
                        read(parser, null, namePosition, positions, new ArrayList<>());
                        positions.recording = was;
                        continue;
                    }
                    object.set(name, read(parser, Segment.child(path, parser, name, 0), namePosition, positions,
                            duplicates));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, Segment.child(path, parser, null, index++), null, positions, duplicates));
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

    /**
     * Where the value at {@code pointer} is, or its nearest ancestor when the value is missing. The
     * column counts characters, as editors do (Jackson counts the bytes of UTF-8).
     */
    Position at(String pointer) {
        if (positions == null) {
            if (located == null) {
                try {
                    located = parseLocated(source);
                } catch (SyntaxError e) {
                    return new Position(1, 1);
                }
            }
            return located.at(pointer);
        }
        return position(offset(byteAt(pointer)));
    }

    /** As Jackson reported it: the column counts bytes. */
    private Position byteAt(String pointer) {
        if (positions.size == 0) {
            return new Position(1, 1);
        }
        String[] parts = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
        JsonNode node = root;
        int index = 0;
        for (String part : parts) {
            String name = part.replace("~1", "/").replace("~0", "~");
            int offset = 1;
            JsonNode next = null;
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = members.next();
                    if (member.getKey().equals(name)) {
                        next = member.getValue();
                        break;
                    }
                    offset += size(member.getValue());
                }
            } else if (node.isArray() && !name.isEmpty() && name.chars().allMatch(Character::isDigit)
                    && name.length() < 10 && Integer.parseInt(name) < node.size()) {
                int wanted = Integer.parseInt(name);
                for (int i = 0; i < wanted; i++) {
                    offset += size(node.get(i));
                }
                next = node.get(wanted);
            }
            if (next == null) {
                break;
            }
            node = next;
            index += offset;
        }
        return positions.get(index);
    }

    /**
     * Where the character at {@code index} of the string value at {@code pointer} is in the file, so
     * that a problem inside a long one-line string (a blank marker in code) points at itself. The
     * source is walked from the value's opening quote, each escape ({@code \n}, {@code \"}, a Unicode
     * escape) counting as the one character it stands for.
     */
    Position inString(String pointer, int index) {
        if (positions == null) {
            if (located == null) {
                try {
                    located = parseLocated(source);
                } catch (SyntaxError e) {
                    return new Position(1, 1);
                }
            }
            return located.inString(pointer, index);
        }
        Position start = at(pointer);
        int slash = pointer.lastIndexOf('/');
        if (slash < 0 || !root.at(pointer).isTextual()) {
            return start;
        }
        int offset = offset(byteAt(pointer));
        if (root.at(pointer.substring(0, slash)).isObject()) {
            // Positions of members are those of their names: skip the name and the colon.
            offset = skipWhitespace(endOfString(offset));
            if (offset >= source.length || source[offset] != ':') {
                return start;
            }
            offset = skipWhitespace(offset + 1);
        }
        if (offset >= source.length || source[offset] != '"') {
            return start;
        }
        int i = offset + 1;
        int chars = 0;
        while (i < source.length && source[i] != '"' && chars < index) {
            int b = source[i] & 0xFF;
            if (b == '\\') {
                i += i + 1 < source.length && source[i + 1] == 'u' ? 6 : 2;
                chars++;
            } else {
                int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                i += length;
                chars += length == 4 ? 2 : 1;
            }
        }
        return position(i);
    }

    /** The byte offset of a position as Jackson reports it (column in bytes). */
    private int offset(Position position) {
        int[] starts = lineStarts();
        int line = Math.min(position.line(), starts.length);
        return Math.min(source.length, starts[line - 1] + position.column() - 1);
    }

    /** The line and the column in characters (UTF-16 units, as Java and editors count) of a byte offset. */
    private Position position(int offset) {
        int[] starts = lineStarts();
        int line = 1;
        while (line < starts.length && starts[line] <= offset) {
            line++;
        }
        int column = 1;
        for (int i = starts[line - 1]; i < offset && i < source.length; i++) {
            int b = source[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                column += b >= 0xF0 ? 2 : 1;
            }
        }
        return new Position(line, column);
    }

    /** Where each line starts, lines ending as Jackson counts them (\n, \r\n or \r); made on the first problem. */
    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < source.length; i++) {
                if (lineBreakAt(i)) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, count);
        }
        return lineStarts;
    }

    private boolean lineBreakAt(int i) {
        return source[i] == '\n' || (source[i] == '\r' && (i + 1 == source.length || source[i + 1] != '\n'));
    }

    /** The offset just after the string that opens at {@code quote}. */
    private int endOfString(int quote) {
        int i = quote + 1;
        while (i < source.length && source[i] != '"') {
            i += source[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private int skipWhitespace(int i) {
        while (i < source.length && (source[i] == ' ' || source[i] == '\t' || source[i] == '\n' || source[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** How many values a subtree holds, itself included. */
    private int size(JsonNode node) {
        if (!node.isContainerNode() || node.isEmpty()) {
            return 1;
        }
        Integer known = sizes.get(node);
        if (known != null) {
            return known;
        }
        int total = 1;
        for (JsonNode child : node) {
            total += size(child);
        }
        sizes.put(node, total);
        return total;
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
