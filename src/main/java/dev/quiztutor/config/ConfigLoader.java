package dev.quiztutor.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the config file into a {@link Config}, turning every failure into one line a person can act on. */
public final class ConfigLoader {
    /** Used when no --config is given and the file exists. */
    public static final Path DEFAULT_PATH = Path.of("config", "quiztutor.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Bad values are taken out one by one to find the next; a file with more than this is hopeless anyway. */
    private static final int MOST_PROBLEMS = 50;

    /** The config cannot be used; each problem is one line naming the file, the place and the fix. */
    public static final class ConfigException extends Exception {
        private final List<String> problems;

        public ConfigException(String message) {
            this(List.of(message));
        }

        public ConfigException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        /** Every problem found, in the order of the file's keys as Jackson meets them. */
        public List<String> problems() {
            return problems;
        }
    }

    private ConfigLoader() {
    }

    /** The given file, else {@code config/quiztutor.yml} if present, else the defaults. */
    public static Config load(Optional<Path> path) throws ConfigException {
        if (path.isEmpty()) {
            return Files.exists(DEFAULT_PATH) ? read(DEFAULT_PATH) : Config.DEFAULT;
        }
        return read(path.get());
    }

    public static Config read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file (copy config/quiztutor.example.yml to start one)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file: " + e.getMessage());
        }
        if (text.isBlank()) {
            return Config.DEFAULT;
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, text, e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Config.DEFAULT;
        }
        // Jackson stops at the first problem; taking the bad key out (its default then applies) and
        // binding again finds the next, so one run reports them all.
        List<String> problems = new ArrayList<>();
        while (problems.size() < MOST_PROBLEMS) {
            try {
                Config config = YAML.treeToValue(tree, Config.class);
                if (problems.isEmpty()) {
                    return config == null ? Config.DEFAULT : config;
                }
                break;
            } catch (JsonProcessingException e) {
                problems.add(describe(file, text, e));
                if (!remove(tree, keyOf(e))) {
                    break;
                }
            }
        }
        throw new ConfigException(problems);
    }

    /** The dotted key a binding problem is about, as a path of field names. */
    private static List<String> keyOf(JsonProcessingException e) {
        ConfigValueException value = cause(e, ConfigValueException.class);
        if (value != null) {
            return List.of(value.key().split("\\."));
        }
        return e instanceof JsonMappingException mapping ? path(mapping) : List.of();
    }

    /** Takes the key at {@code path} out of {@code tree}; false if there is no such key. */
    private static boolean remove(JsonNode tree, List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode node = tree;
        for (String key : path.subList(0, path.size() - 1)) {
            node = node.get(key);
            if (node == null) {
                return false;
            }
        }
        return node instanceof ObjectNode object && object.remove(path.get(path.size() - 1)) != null;
    }

    private static String describe(Path file, String text, JsonProcessingException e) {
        JacksonYAMLParseException syntax = cause(e, JacksonYAMLParseException.class);
        if (syntax != null) {
            String problem = syntax.getOriginalMessage().lines().findFirst().orElse("").trim();
            return file + ":" + syntax.getLocation().getLineNr() + ":" + syntax.getLocation().getColumnNr()
                    + ": not valid YAML: " + problem;
        }
        ConfigValueException value = cause(e, ConfigValueException.class);
        if (value != null) {
            return at(file, text, List.of(value.key().split("\\."))) + value.getMessage();
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return file + ": not valid YAML: " + e.getOriginalMessage();
        }
        List<String> path = path(mapping);
        String key = String.join(".", path);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String secret = secretIn(path.get(path.size() - 1));
            if (secret != null) {
                return at(file, text, path) + "unknown key \"" + key + "\": " + secret;
            }
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return at(file, text, path) + "unknown key \"" + key + "\"; known keys here: " + known;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            String wanted = target.isRecord() ? "a group of keys (indented below it)"
                    : Number.class.isAssignableFrom(target) || target.isPrimitive() ? "a number"
                    : List.class.isAssignableFrom(target) ? "a list" : "a text value";
            return at(file, text, path) + key + ": must be " + wanted;
        }
        return at(file, text, path) + (key.isEmpty() ? "" : key + ": ") + mapping.getOriginalMessage();
    }

    /** What to do instead, when a key looks like a secret someone put in the file; null otherwise. */
    private static String secretIn(String key) {
        String name = key.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("token")) {
            return "the bot token is never read from the config file (it would end up in copies and commits);"
                    + " delete this line and set the DISCORD_TOKEN environment variable instead";
        }
        if (name.contains("password")) {
            return "the password is never read from the config file; delete this line and set the "
                    + Config.Storage.ENV_PASSWORD + " environment variable instead";
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static List<String> path(JsonMappingException e) {
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.add(ref.getFieldName());
            }
        }
        return path;
    }

    /**
     * "file:line:column: " of the key at {@code path} in block-style YAML. Jackson reports where the
     * parser stopped, which is after the value; an author wants the key's own line.
     */
    static String at(Path file, String text, List<String> path) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int from = 0;
        int parentIndent = -1;
        int line = -1;
        int column = -1;
        for (String key : path) {
            Pattern pattern = Pattern.compile("^(\\s*)(?:- )?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
            boolean found = false;
            for (int i = from; i < lines.size(); i++) {
                Matcher m = pattern.matcher(lines.get(i));
                if (m.find() && m.group(1).length() > parentIndent) {
                    line = i;
                    column = m.group(1).length();
                    parentIndent = column;
                    from = i + 1;
                    found = true;
                    break;
                }
            }
            if (!found) {
                break;
            }
        }
        return line < 0 ? file + ": " : file + ":" + (line + 1) + ":" + (column + 1) + ": ";
    }

}
