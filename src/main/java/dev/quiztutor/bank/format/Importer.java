package dev.quiztutor.bank.format;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.format.aiken.AikenFormat;
import dev.quiztutor.bank.format.csv.CsvFormat;
import dev.quiztutor.bank.format.gift.GiftFormat;
import dev.quiztutor.bank.format.moodlexml.MoodleXmlFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every format shares, as Moodle's {@code qformat_default} does it: decode the file, pick the
 * format, turn categories (or files) into topics, give questions their ids, and write each topic
 * in our JSON format. Nothing is written unless every input could be read.
 */
public final class Importer {
    public static final List<QuizFormat> FORMATS =
            List.of(new GiftFormat(), new MoodleXmlFormat(), new AikenFormat(), new CsvFormat());

    /** Exit codes of an import: all imported, some skipped (files written), nothing imported. */
    public static final int ALL = 0;
    public static final int NOTHING = 1;
    public static final int SOME_SKIPPED = 3;

    private static final String DEFAULT_SCHEMA = "./quiz.schema.json";
    private static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "hard");

    /** The command's options: {@code --format}, {@code --out}, {@code --topic}, {@code --title}, {@code --difficulty}. */
    public record Options(Optional<String> format, Path out, Optional<String> topic, Optional<String> title,
            String difficulty) {
    }

    /** What an import did: files written, notices per question, errors that stopped it, and the counts. */
    public record Outcome(int exit, List<String> written, List<Notice> notices, List<String> errors, int imported,
            int topics, long skipped) {
        public String summary() {
            return "imported " + imported + " question" + (imported == 1 ? "" : "s") + " into " + topics + " topic"
                    + (topics == 1 ? "" : "s") + "; skipped " + skipped;
        }
    }

    private Importer() {
    }

    public static Outcome run(List<Path> files, Options options) {
        List<String> errors = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        if (options.format().isPresent() && format(options.format().get()).isEmpty()) {
            errors.add("unknown format " + options.format().get() + "; use " + formatNames());
        }
        if (options.topic().isPresent() && !options.topic().get().matches("[a-z0-9]+(-[a-z0-9]+)*")
                || options.topic().map(t -> t.length() > Slug.MAX).orElse(false)) {
            errors.add("--topic " + options.topic().get() + ": use lower-case letters, digits and single dashes, at most "
                    + Slug.MAX + " characters");
        }
        if (errors.isEmpty()) {
            for (Path file : files) {
                try {
                    batches.add(read(file, options.format()));
                } catch (FormatException e) {
                    errors.add(file + ":" + e.line() + ": " + e.getMessage());
                }
            }
        }
        // The questions as read, checked once as the files they make: a file that imports cleanly (the
        // usual case) costs that one check; only otherwise is each question checked alone (Batch).
        // As UTF-8 bytes, the form the files are checked and written in: no text is encoded twice.
        Map<Path, byte[]> checked = new HashMap<>();
        List<DraftWriter.Topic> accepted = null;
        if (errors.isEmpty()) {
            String schema = schema(options.out());
            // Topics are independent: checked in parallel, as BankLoader reads a folder's files.
            List<DraftWriter.Topic> drafted = topics(batches, options, Batch::asRead);
            List<Map.Entry<Path, byte[]>> texts = drafted.parallelStream()
                    .map(t -> Map.entry(options.out().resolve(t.id() + ".json"), DraftWriter.utf8(t, schema)))
                    .filter(t -> t.getValue().isPresent()
                            && BankLoader.read(t.getKey(), t.getValue().get()).problems().isEmpty())
                    .map(t -> Map.entry(t.getKey(), t.getValue().get())).toList();
            if (!drafted.isEmpty() && texts.size() == drafted.size()) {
                texts.forEach(t -> checked.put(t.getKey(), t.getValue()));
                batches.forEach(Batch::acceptAsRead);
                accepted = drafted;
            }
        }
        List<Notice> notices = batches.stream().flatMap(b -> b.notices().stream()).toList();
        long skipped = batches.stream().mapToLong(Batch::skipped).sum();
        if (!errors.isEmpty()) {
            return new Outcome(NOTHING, List.of(), notices, errors, 0, 0, skipped);
        }
        // Accepted whole, the questions as read are the batches' questions: the same topics again.
        List<DraftWriter.Topic> topics = accepted != null ? accepted : topics(batches, options);
        int imported = topics.stream().mapToInt(t -> t.questions().size()).sum();
        if (imported == 0) {
            errors.add("no question could be imported; nothing written");
            return new Outcome(NOTHING, List.of(), notices, errors, 0, 0, skipped);
        }
        Map<Path, DraftWriter.Topic> targets = new LinkedHashMap<>();
        for (DraftWriter.Topic topic : topics) {
            Path target = options.out().resolve(topic.id() + ".json");
            if (Files.exists(target)) {
                errors.add(target + " already exists; not overwritten (move it away, or import with --out DIR"
                        + " or --topic ID)");
            }
            targets.put(target, topic);
        }
        if (!errors.isEmpty()) {
            return new Outcome(NOTHING, List.of(), notices, errors, 0, 0, skipped);
        }
        String schema = schema(options.out());
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Map.Entry<Path, DraftWriter.Topic> t : targets.entrySet()) {
            // The questions as read were accepted whole, so these are the very topics checked above.
            if (checked.containsKey(t.getKey())) {
                continue;
            }
            // This is the whole file, as play will load it.
            String text = DraftWriter.write(t.getValue(), schema);
            BankLoader.check(t.getKey(), text).forEach(p -> errors.add(p + " (an import that does not load;"
                    + " nothing written)"));
            texts.put(t.getKey(), text);
        }
        if (!errors.isEmpty()) {
            return new Outcome(NOTHING, List.of(), notices, errors, 0, 0, skipped);
        }
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(options.out());
            for (Map.Entry<Path, DraftWriter.Topic> t : targets.entrySet()) {
                byte[] bytes = checked.get(t.getKey());
                if (bytes != null) {
                    Files.write(t.getKey(), bytes);
                } else {
                    Files.writeString(t.getKey(), texts.get(t.getKey()), StandardCharsets.UTF_8);
                }
                written.add(t.getKey() + ": " + t.getValue().questions().size() + " question"
                        + (t.getValue().questions().size() == 1 ? "" : "s"));
            }
        } catch (IOException e) {
            errors.add("cannot write into " + options.out() + ": " + e.getMessage());
            return new Outcome(NOTHING, written, notices, errors, 0, 0, skipped);
        }
        return new Outcome(skipped == 0 ? ALL : SOME_SKIPPED, written, notices, errors, imported, topics.size(), skipped);
    }

    /**
     * One uploaded file of another format as one topic in our JSON, in memory (for /bank upload):
     * every question goes into one topic named after the file, as {@code import --topic} does. Empty
     * when no question could be read; the notices say why.
     */
    public record InMemory(Optional<String> json, List<Notice> notices) {
    }

    public static InMemory toJson(String file, byte[] bytes) throws FormatException {
        Batch batch = read(file, bytes, Optional.empty());
        String id = Slug.of(stem(file));
        Options options = new Options(Optional.empty(), Path.of("."), Optional.of(id.isEmpty() ? "imported" : id),
                Optional.empty(), "medium");
        List<DraftWriter.Topic> topics = topics(List.of(batch), options);
        if (topics.isEmpty() || topics.get(0).questions().isEmpty()) {
            return new InMemory(Optional.empty(), batch.notices());
        }
        return new InMemory(Optional.of(DraftWriter.write(topics.get(0), DEFAULT_SCHEMA)), batch.notices());
    }

    /** Reads one file in the given format, or the one its name or content suggests. */
    public static Batch read(Path file, Optional<String> format) throws FormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FormatException(1, "cannot read the file: " + e.getMessage());
        }
        return read(file.toString(), bytes, format);
    }

    /** Reads one file's bytes; {@code file} names it in notices. Throws only {@link FormatException}. */
    public static Batch read(String file, byte[] bytes, Optional<String> format) throws FormatException {
        String text = text(bytes);
        QuizFormat chosen = format.isPresent()
                ? format(format.get()).orElseThrow(() -> new FormatException(1, "unknown format " + format.get()))
                : guess(file, text);
        return chosen.read(file, text);
    }

    /** UTF-8 (with or without Excel's byte order mark), line endings made {@code \n}. */
    static String text(byte[] bytes) throws FormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(1, "not UTF-8 text; save the file as UTF-8 and import it again");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static QuizFormat guess(String file, String text) throws FormatException {
        String name = file.toLowerCase(Locale.ROOT);
        for (QuizFormat f : FORMATS) {
            if (f.extensions().stream().anyMatch(ext -> name.endsWith("." + ext))) {
                return f;
            }
        }
        // The strictest signs first: XML's declaration, a CSV header, Aiken's ANSWER: lines; GIFT's
        // braces and names are the loosest.
        for (String sniff : List.of("moodle-xml", "csv", "aiken", "gift")) {
            QuizFormat f = format(sniff).orElseThrow();
            if (f.looksLike(text)) {
                return f;
            }
        }
        throw new FormatException(1, "cannot tell the format from the name or the content; give --format "
                + formatNames());
    }

    public static Optional<QuizFormat> format(String name) {
        return FORMATS.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    private static String formatNames() {
        return FORMATS.stream().map(QuizFormat::name).collect(Collectors.joining(", "));
    }

    /** One topic per category (or per file when the file has none), or a single one with --topic. */
    static List<DraftWriter.Topic> topics(List<Batch> batches, Options options) {
        return topics(batches, options, Batch::questions);
    }

    private static List<DraftWriter.Topic> topics(List<Batch> batches, Options options,
                                                  Function<Batch, List<Draft>> drafts) {
        Map<String, List<Draft>> groups = new LinkedHashMap<>();
        Map<String, String> firstFile = new LinkedHashMap<>();
        for (Batch batch : batches) {
            String stem = stem(batch.file());
            for (Draft d : drafts.apply(batch)) {
                String key = options.topic().isPresent() ? ""
                        : d.common().category().isBlank() ? "file:" + stem : "category:" + d.common().category();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
                firstFile.putIfAbsent(key, stem);
            }
        }
        Set<String> topicIds = new HashSet<>();
        List<DraftWriter.Topic> topics = new ArrayList<>();
        for (Map.Entry<String, List<Draft>> group : groups.entrySet()) {
            String name = group.getKey().isEmpty() ? "" : lastSegment(group.getKey().substring(group.getKey().indexOf(':') + 1));
            String id = options.topic().orElseGet(() -> {
                // A category in another script ("日本語") has no letters for an id: its file names the topic.
                String slug = Slug.of(name).isEmpty() ? Slug.of(firstFile.get(group.getKey())) : Slug.of(name);
                return Slug.unique(slug.isEmpty() ? "imported" : slug, topicIds);
            });
            String title = title(options.title().map(t -> groups.size() > 1 ? t + ": " + name : t)
                    .orElse(name.isBlank() ? id : name));
            Set<String> questionIds = new HashSet<>();
            List<DraftWriter.Question> questions = new ArrayList<>();
            for (Draft d : group.getValue()) {
                String difficulty = d.common().difficulty().filter(DIFFICULTIES::contains).orElse(options.difficulty());
                questions.add(new DraftWriter.Question(Slug.unique(baseId(d), questionIds), difficulty, d));
            }
            topics.add(new DraftWriter.Topic(id, title, questions));
        }
        return topics;
    }

    /** A title fits an autocomplete choice (quizzes/README.md): a longer category name is cut with "…". */
    static String title(String title) {
        String one = title.strip();
        return one.length() <= DisplayLimits.CHOICE_NAME ? one : one.substring(0, DisplayLimits.CHOICE_NAME - 1).strip() + "…";
    }

    /** From the question's name, or from its text when it has none (or none with a letter or digit). */
    private static String baseId(Draft d) {
        String fromName = Slug.of(d.common().name());
        if (!fromName.isEmpty()) {
            return fromName;
        }
        String fromText = Slug.of(d.common().prompt());
        return fromText.isEmpty() ? "question" : fromText;
    }

    /** Moodle's category paths: "$course$/Default for X/Sub" is topic "Sub". */
    static String lastSegment(String path) {
        // Moodle writes a "/" inside a category's name as "//".
        String[] parts = path.split("(?<!/)/(?!/)");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i].strip().replace("//", "/");
            if (!part.isEmpty() && !part.matches("\\$[a-z0-9]+\\$") && !part.equals("top")) {
                return part;
            }
        }
        return path.strip();
    }

    private static String stem(String file) {
        String name = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A path to the schema that works from the output folder, for editors. */
    private static String schema(Path out) {
        if (Files.exists(out.resolve("quiz.schema.json"))) {
            return DEFAULT_SCHEMA;
        }
        Path shipped = Path.of("quizzes", "quiz.schema.json").toAbsolutePath();
        if (Files.exists(shipped)) {
            return out.toAbsolutePath().normalize().relativize(shipped).toString().replace('\\', '/');
        }
        return DEFAULT_SCHEMA;
    }
}
