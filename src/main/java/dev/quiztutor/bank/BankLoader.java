package dev.quiztutor.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads quiz files and folders into a {@link QuizBank}. A folder contributes every {@code *.json}
 * file in it except JSON Schemas; each file is one topic. Invalid files are left out of the bank and
 * reported with every problem they have; the valid ones still load.
 */
public final class BankLoader {
    private BankLoader() {
    }

    /** The outcome for one file: its topic, or the reasons it was left out. */
    public record FileResult(Path file, Optional<Topic> topic, List<Problem> problems) {
        FileResult(Path file, Problem problem) {
            this(file, Optional.empty(), List.of(problem));
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The bank made of every valid file, and what happened to each file. */
    public record Report(QuizBank bank, List<FileResult> files) {
        public List<Problem> problems() {
            return files.stream().flatMap(f -> f.problems().stream()).toList();
        }

        public List<FileResult> invalid() {
            return files.stream().filter(f -> !f.ok()).toList();
        }
    }

    public static Report load(List<Path> paths) {
        List<FileResult> results = read(paths, result -> result);
        return new Report(new QuizBank(distinctTopics(results)), results);
    }

    /**
     * What {@code quiztutor validate} keeps of one file: its problems, or the id and size of the valid
     * topic it holds. The topic itself is dropped as soon as it is read: a large bank then never lives
     * in memory whole, and each young collection has little to copy (a bank of 100,000 questions,
     * kept, made most of a validation's garbage-collection pauses).
     */
    public record Checked(Path file, Optional<String> topicId, int questions, List<Problem> problems) {
        static Checked of(FileResult result) {
            return new Checked(result.file(), result.topic().map(Topic::id),
                    result.topic().map(t -> t.questions().size()).orElse(0), result.problems());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks {@code paths} exactly as {@link #load} does, problems and their order included, keeping no topic. */
    public static List<Checked> check(List<Path> paths) {
        List<Checked> results = read(paths, Checked::of);
        Map<String, Path> firstFile = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Checked result = results.get(i);
            if (result.topicId().isEmpty()) {
                continue;
            }
            Path earlier = firstFile.putIfAbsent(result.topicId().get(), result.file());
            if (earlier != null) {
                results.set(i, new Checked(result.file(), Optional.empty(), 0,
                        List.of(duplicate(result.file(), result.topicId().get(), earlier))));
            }
        }
        return results;
    }

    /** Reads every file of {@code paths} (a folder's in parallel, kept in order), each turned into what the caller keeps. */
    private static <R> List<R> read(List<Path> paths, Function<FileResult, R> keep) {
        List<R> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<FileResult> trouble = new ArrayList<>();
                List<Path> files = topicFiles(path, trouble);
                trouble.forEach(t -> results.add(keep.apply(t)));
                // Files are independent: read them in parallel, keep them in order.
                results.addAll(files.parallelStream().map(f -> keep.apply(loadFile(f))).toList());
            } else if (Files.isRegularFile(path)) {
                results.add(keep.apply(loadFile(path)));
            } else {
                results.add(keep.apply(new FileResult(path, new Problem(path, 1, 1, "", "no such file or folder"))));
            }
        }
        return results;
    }

    public static Report load(Path... paths) {
        return load(List.of(paths));
    }

    /**
     * The problems of a quiz file's text, as {@link #load} would report them for {@code file}: how an
     * importer checks what it is about to write.
     */
    public static List<Problem> check(Path file, String text) {
        return TopicReader.read(file, text).problems();
    }

    static List<Path> topicFiles(Path folder, List<FileResult> results) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> topics = files
                    .filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().endsWith(".schema.json"))
                    .sorted()
                    .toList();
            if (topics.isEmpty()) {
                results.add(new FileResult(folder, new Problem(folder, 1, 1, "", "no quiz files (*.json) in this folder")));
            }
            return topics;
        } catch (IOException e) {
            results.add(new FileResult(folder, new Problem(folder, 1, 1, "", "cannot list the folder: " + e.getMessage())));
            return List.of();
        }
    }

    /**
     * Reads one topic from bytes that are not (or not yet) a file, such as a server's stored topic or
     * an upload; {@code name} stands for the file in problems. Checks exactly what loading a file does.
     */
    public static FileResult read(Path name, byte[] utf8) {
        TopicReader.Result result = TopicReader.read(name, utf8);
        return new FileResult(name, result.topic(), result.problems());
    }

    static FileResult loadFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new FileResult(file, new Problem(file, 1, 1, "", "cannot read: " + e.getMessage()));
        }
        TopicReader.Result result = TopicReader.read(file, bytes);
        return new FileResult(file, result.topic(), result.problems());
    }

    /** A topic id used by two files keeps the first file (in load order) and reports the second. */
    private static List<Topic> distinctTopics(List<FileResult> results) {
        Map<String, Path> firstFile = new HashMap<>();
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            FileResult result = results.get(i);
            if (result.topic().isEmpty()) {
                continue;
            }
            Topic topic = result.topic().get();
            Path earlier = firstFile.putIfAbsent(topic.id(), result.file());
            if (earlier == null) {
                topics.add(topic);
            } else {
                results.set(i, new FileResult(result.file(), duplicate(result.file(), topic.id(), earlier)));
            }
        }
        return topics;
    }

    private static Problem duplicate(Path file, String topicId, Path earlier) {
        LocatedJson.Position id = TopicReader.locate(file, "/id");
        return new Problem(file, id.line(), id.column(), "id",
                "topic id '" + topicId + "' is already used by " + earlier + "; topic ids must be unique");
    }
}
