package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's own OpenAPI 3.1 description ({@code discord-api-spec/openapi.json} on the test
 * classpath), used to keep the bot honest: every route it calls must exist there and every JSON
 * body it sends must match the operation's request schema.
 *
 * <p>Loaded and parsed once per JVM (the file is 1.2 MB); each operation's schema is compiled the
 * first time a request needs it and then reused, so a check costs tens of microseconds.
 *
 * <p>Spec quirks handled here: the document is an OpenAPI file, not a schema, so its top-level
 * keys and Discord's {@code x-discord-*} annotations are registered as non-validating keywords;
 * {@code format} is treated as an annotation (Discord uses {@code int32}, {@code snowflake},
 * {@code nonce}, which no validator knows); request bodies are taken from
 * {@code application/json}, which Discord lists with the same schema as the multipart form;
 * numeric strings pass where an integer is expected and {@code oneOf} means "one of these fits",
 * as Discord applies them (see {@link DiscordVocabulary}).
 */
final class DiscordSpec {
    private static final String BASE = "https://fake-discord.invalid/openapi.json";
    private static final String RESOURCE = "/discord-api-spec/openapi.json";

    private static volatile DiscordSpec instance;

    private final JsonNode root;
    private final JsonSchema document;
    private final Map<Integer, List<Template>> templatesBySegments = new HashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    /** One operation of the spec: a path template and a method. */
    static final class Operation {
        final String method;
        final String template;
        final String operationId;
        final JsonNode bodySchemaNode;
        private volatile JsonSchema bodySchema;

        Operation(String method, String template, String operationId, JsonNode bodySchemaNode) {
            this.method = method;
            this.template = template;
            this.operationId = operationId;
            this.bodySchemaNode = bodySchemaNode;
        }

        boolean hasJsonBody() {
            return bodySchemaNode != null;
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + operationId + ")";
        }
    }

    private record Template(String template, String[] segments, int literals) {}

    /** The result of a check: empty when the body is valid. */
    record Check(List<String> messages, ObjectNode discordErrors) {
        boolean valid() {
            return messages.isEmpty();
        }
    }

    static DiscordSpec get() {
        DiscordSpec spec = instance;
        if (spec == null) {
            synchronized (DiscordSpec.class) {
                spec = instance;
                if (spec == null) {
                    instance = spec = load();
                }
            }
        }
        return spec;
    }

    private static DiscordSpec load() {
        try (InputStream in = DiscordSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new DiscordSpec(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DiscordSpec(String text) {
        this.root = Json.parse(text);
        Set<String> annotations = new TreeSet<>();
        root.fieldNames().forEachRemaining(annotations::add);
        collectExtensionKeywords(root, annotations);
        JsonMetaSchema.Builder meta = JsonMetaSchema.builder("https://fake-discord.invalid/meta-schema", JsonMetaSchema.getV202012());
        for (String keyword : annotations) {
            meta.keyword(new NonValidationKeyword(keyword));
        }
        // vocabularies win over keywords at build time, so the coercing keywords go in through
        // a vocabulary factory that swaps them into the built-in validation vocabulary
        meta.vocabularyFactory(DiscordVocabulary::vocabulary);
        JsonMetaSchema metaSchema = meta.build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .metaSchema(metaSchema)
                .defaultMetaSchemaIri(metaSchema.getIri())
                .schemaLoaders(l -> l.schemas(Map.of(BASE, text))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        this.document = factory.getSchema(SchemaLocation.of(BASE), root, config);

        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String[] segments = split(path.getKey());
            int literals = 0;
            for (String s : segments) {
                if (!isParam(s)) {
                    literals++;
                }
            }
            templatesBySegments
                    .computeIfAbsent(segments.length, n -> new ArrayList<>())
                    .add(new Template(path.getKey(), segments, literals));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().properties().iterator();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (m.getKey().equals("parameters")) {
                    continue;
                }
                String method = m.getKey().toUpperCase(Locale.ROOT);
                JsonNode schema = m.getValue().path("requestBody").path("content").path("application/json").path("schema");
                operations.put(method + " " + path.getKey(), new Operation(
                        method, path.getKey(), m.getValue().path("operationId").asText(), schema.isMissingNode() ? null : schema));
            }
        }
        // most literal segments first, then literals earlier in the path
        templatesBySegments.values().forEach(list -> list.sort(Comparator
                .comparingInt(Template::literals).reversed()
                .thenComparing(t -> literalMask(t.segments()), Comparator.reverseOrder())));
    }

    private static void collectExtensionKeywords(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().startsWith("x-")) {
                    into.add(e.getKey());
                }
                collectExtensionKeywords(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExtensionKeywords(child, into));
        }
    }

    private static String literalMask(String[] segments) {
        StringBuilder mask = new StringBuilder();
        for (String s : segments) {
            mask.append(isParam(s) ? '0' : '1');
        }
        return mask.toString();
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** The spec's path template that a concrete path matches, or null. */
    String template(String path) {
        String[] segments = split(path);
        List<Template> candidates = templatesBySegments.get(segments.length);
        if (candidates == null) {
            return null;
        }
        outer:
        for (Template t : candidates) {
            for (int i = 0; i < segments.length; i++) {
                String s = t.segments()[i];
                if (isParam(s) ? segments[i].isEmpty() : !s.equals(segments[i])) {
                    continue outer;
                }
            }
            return t.template();
        }
        return null;
    }

    /** The operation for a method and a concrete path (without {@code /api/v10}), or null. */
    Operation operation(String method, String path) {
        String template = template(path);
        return template == null ? null : operations.get(method + " " + template);
    }

    /** Checks a request body against its operation's schema. */
    Check check(Operation operation, JsonNode body) {
        JsonSchema schema = operation.bodySchema;
        if (schema == null) {
            synchronized (operation) {
                schema = operation.bodySchema;
                if (schema == null) {
                    JsonNodePath pointer = new JsonNodePath(PathType.JSON_POINTER)
                            .append("paths")
                            .append(operation.template)
                            .append(operation.method.toLowerCase(Locale.ROOT))
                            .append("requestBody")
                            .append("content")
                            .append("application/json")
                            .append("schema");
                    schema = document.getRefSchema(pointer);
                    schema.initializeValidators();
                    operation.bodySchema = schema;
                }
            }
        }
        Set<ValidationMessage> raw = schema.validate(body);
        if (raw.isEmpty()) {
            return new Check(List.of(), null);
        }
        List<ValidationMessage> leaves = leafMost(raw);
        List<String> messages = new ArrayList<>();
        ObjectNode errors = Json.object();
        for (ValidationMessage m : leaves) {
            messages.add(m.getMessage());
            addDiscordError(errors, m);
        }
        if (raw.size() > leaves.size()) {
            messages.add("(" + raw.size() + " schema messages in all, counting the other branches of anyOf/oneOf)");
        }
        return new Check(messages, errors);
    }

    /**
     * Unions ({@code anyOf}/{@code oneOf}) report every branch's failure; the deepest locations
     * are what a human wants to read (e.g. {@code /data/content} too long, rather than "type is
     * not 9" from the modal branch). Keeps messages whose instance location is not a proper prefix
     * of another message's location, without duplicates, at most 12.
     */
    private static List<ValidationMessage> leafMost(Collection<ValidationMessage> raw) {
        List<String> locations = new ArrayList<>();
        for (ValidationMessage m : raw) {
            locations.add(location(m));
        }
        List<ValidationMessage> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ValidationMessage m : raw) {
            String loc = location(m);
            boolean hasDeeper = false;
            for (String other : locations) {
                if (other.length() > loc.length() && other.startsWith(loc.endsWith("/") ? loc : loc + "/")) {
                    hasDeeper = true;
                    break;
                }
            }
            if (!hasDeeper && seen.add(loc + " " + m.getMessage()) && out.size() < 12) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(DiscordSpec::location));
        return out;
    }

    private static String location(ValidationMessage m) {
        String loc = m.getInstanceLocation().toString();
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            loc = (loc.equals("/") || loc.isEmpty() ? "" : loc) + "/" + m.getProperty();
        }
        return loc;
    }

    /** Builds Discord's nested {@code errors} object: {@code {"data":{"content":{"_errors":[...]}}}}. */
    private static void addDiscordError(ObjectNode errors, ValidationMessage m) {
        ObjectNode node = errors;
        for (String part : location(m).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            JsonNode child = node.get(part);
            node = child instanceof ObjectNode ? (ObjectNode) child : node.putObject(part);
        }
        ArrayNode list = node.has("_errors") ? (ArrayNode) node.get("_errors") : node.putArray("_errors");
        ObjectNode e = list.addObject();
        e.put("code", discordCode(m.getType()));
        e.put("message", m.getMessage());
    }

    private static String discordCode(String keyword) {
        switch (keyword == null ? "" : keyword) {
            case "required":
                return "BASE_TYPE_REQUIRED";
            case "maxLength":
                return "BASE_TYPE_MAX_LENGTH";
            case "minLength":
                return "BASE_TYPE_MIN_LENGTH";
            case "maximum":
                return "NUMBER_TYPE_MAX";
            case "minimum":
                return "NUMBER_TYPE_MIN";
            case "maxItems":
                return "BASE_TYPE_MAX_LENGTH";
            case "minItems":
                return "BASE_TYPE_MIN_LENGTH";
            case "enum":
            case "const":
                return "BASE_TYPE_CHOICES";
            case "type":
                return "BASE_TYPE_BAD_TYPE";
            case "pattern":
                return "STRING_TYPE_REGEX";
            case "additionalProperties":
                return "UNKNOWN_FIELD";
            default:
                return "INVALID_FORM_BODY";
        }
    }

    private final Map<String, JsonSchema> responseSchemas = new ConcurrentHashMap<>();

    /**
     * Checks one of the fake's own responses against the operation's response schema for that
     * status (to keep the fake honest); null when the spec has no JSON schema for it.
     */
    Check checkResponse(Operation operation, int status, JsonNode body) {
        String key = operation.method + " " + operation.template + " " + status;
        JsonNode node = root.path("paths").path(operation.template).path(operation.method.toLowerCase(Locale.ROOT))
                .path("responses").path(Integer.toString(status));
        if (node.has("$ref")) {
            return null;
        }
        if (node.path("content").path("application/json").path("schema").isMissingNode()) {
            return null;
        }
        JsonSchema schema = responseSchemas.computeIfAbsent(key, k -> {
            JsonSchema s = document.getRefSchema(new JsonNodePath(PathType.JSON_POINTER)
                    .append("paths").append(operation.template).append(operation.method.toLowerCase(Locale.ROOT))
                    .append("responses").append(Integer.toString(status)).append("content").append("application/json")
                    .append("schema"));
            s.initializeValidators();
            return s;
        });
        Set<ValidationMessage> raw = schema.validate(body);
        List<String> messages = new ArrayList<>();
        for (ValidationMessage m : leafMost(raw)) {
            messages.add(m.getMessage());
        }
        return new Check(messages, null);
    }

    /** The raw spec, for tests that want to look something up. */
    JsonNode root() {
        return root;
    }
}
