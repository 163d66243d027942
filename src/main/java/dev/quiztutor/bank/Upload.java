package dev.quiztutor.bank;

import dev.quiztutor.bank.format.FormatException;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Notice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A topic file that did not come from the operator's folder (an upload to /bank): our JSON, or any
 * format {@code quiztutor import} reads, turned into our JSON in memory. Either way it is checked
 * exactly as {@code quiztutor validate} checks a file, and problems are the validator's lines.
 */
public final class Upload {
    private Upload() {
    }

    /** What reading gave: a valid topic (and our JSON for it, as stored), or the problems. */
    public sealed interface Read permits Valid, Invalid {
    }

    /**
     * {@code json}: the text that was checked, as uploaded (our JSON) or as converted (another format),
     * the one text a server's topic is kept as; it reads back as {@code topic}.
     */
    public record Valid(Topic topic, String json) implements Read {
    }

    /** Each problem as {@code file:line:column: field.path: message}, in file order. */
    public record Invalid(List<String> problems) implements Read {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Reads an uploaded file; {@code fileName} is the name it was uploaded with (it picks the format). */
    public static Read read(String fileName, byte[] bytes) {
        String name = safeName(fileName);
        if (isJson(name, bytes)) {
            return validate(Path.of(name), bytes, () -> text(bytes));
        }
        Importer.InMemory imported;
        try {
            imported = Importer.toJson(name, bytes);
        } catch (FormatException e) {
            return new Invalid(List.of(name + ":" + e.line() + ":1: " + e.getMessage()));
        }
        if (imported.json().isEmpty()) {
            List<String> why = imported.notices().stream().map(Upload::line).toList();
            return new Invalid(why.isEmpty() ? List.of(name + ":1:1: no question could be read from this file") : why);
        }
        // Problems of the converted text name the file as converted: their lines are the JSON's.
        String json = imported.json().get();
        return validate(Path.of(name + " (as our JSON)"), json.getBytes(StandardCharsets.UTF_8), () -> Optional.of(json));
    }

    /**
     * The text checked is the text kept: the reader is deterministic, so it reads back as the same
     * topic, and writing the topic out again (TopicWriter) cost a 5,000-question upload more than
     * twice a parse of it.
     */
    private static Read validate(Path name, byte[] bytes, Supplier<Optional<String>> text) {
        BankLoader.FileResult result = BankLoader.read(name, bytes);
        if (!result.ok() || result.topic().isEmpty()) {
            return new Invalid(result.problems().stream().sorted().map(Problem::toString).toList());
        }
        Topic topic = result.topic().get();
        return new Valid(topic, text.get().orElseGet(() -> TopicWriter.write(topic, "")));
    }

    /**
     * The uploaded bytes as text; empty if decoding replaced a byte that is not UTF-8 (or the file holds
     * a replacement character itself), so that the kept text never differs from the bytes checked: then
     * the topic is written out again.
     */
    private static Optional<String> text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? Optional.of(text) : Optional.empty();
    }

    private static String line(Notice notice) {
        return notice.file() + ":" + notice.line() + ":1: " + (notice.name().isEmpty() ? "" : notice.name() + ": ")
                + notice.message();
    }

    /** Our format by its name, or by its first character when the name says nothing. */
    private static boolean isJson(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (Importer.FORMATS.stream().anyMatch(f -> f.extensions().stream().anyMatch(ext -> lower.endsWith("." + ext)))) {
            return false;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{';
            }
        }
        return false;
    }

    /** The uploaded name as a plain file name: it only labels problems, and must never be a path. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^\\.+", "");
        if (name.length() > 80) {
            name = name.substring(name.length() - 80);
        }
        return name.isEmpty() ? "upload" : name;
    }
}
