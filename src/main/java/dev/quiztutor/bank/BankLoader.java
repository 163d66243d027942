package dev.quiztutor.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<FileResult> results = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                // Files are independent: read them in parallel, keep them in order.
                results.addAll(topicFiles(path, results).parallelStream().map(BankLoader::loadFile).toList());
            } else if (Files.isRegularFile(path)) {
                results.add(loadFile(path));
            } else {
                results.add(new FileResult(path, new Problem(path, 1, 1, "", "no such file or folder")));
            }
        }
        return new Report(new QuizBank(distinctTopics(results)), results);
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
                LocatedJson.Position id = TopicReader.locate(result.file(), "/id");
                Problem duplicate = new Problem(result.file(), id.line(), id.column(), "id",
                        "topic id '" + topic.id() + "' is already used by " + earlier + "; topic ids must be unique");
                results.set(i, new FileResult(result.file(), duplicate));
            }
        }
        return topics;
    }
}
