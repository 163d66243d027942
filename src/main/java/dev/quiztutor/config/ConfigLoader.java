package dev.quiztutor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the config file into a {@link Config}, turning every failure into one line a person can act on. */
public final class ConfigLoader {
    /** Used when no --config is given and the file exists. */
    public static final Path DEFAULT_PATH = Path.of("config", "quiztutor.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The config cannot be used; the message names the file, the place and the fix. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
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
        try {
            Config config = YAML.readValue(text, Config.class);
            return config == null ? Config.DEFAULT : config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(where(file, e.getLocation()) + "unknown key \"" + path(e) + "\"; known keys here: "
                    + known);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(where(file, e.getLocation()) + cause.getMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(where(file, e.getLocation()) + (path(e).isEmpty() ? "" : path(e) + ": ")
                    + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.([A-Za-z$]+)`", "$1"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(file, e.getLocation()) + "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String where(Path file, JsonLocation location) {
        return location == null ? file + ": " : file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
