package dev.quiztutor.bank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A record of quiz files found valid, by the SHA-256 of their bytes, so that {@code quiztutor
 * validate} of files that have not changed since they were last found valid needs no parsing: hashing
 * a file costs a fraction of reading it into a tree and checking it. The record is tied to one build
 * of quiztutor ({@code version}): another build may check other things, and starts a fresh record.
 * Only valid files are recorded; a file with problems is always read again, so its problems are
 * reported in full. The record is a convenience: when it cannot be read or written, files are
 * simply validated.
 */
public final class ValidatedFiles {
    /** What a valid file held, as far as the summary of {@code validate} needs it. */
    public record Entry(String topicId, int questions) {
    }

    /** Keeps the record from growing without end: the most recent files are kept. */
    static final int MAX_ENTRIES = 10_000;

    private final Path file;
    private final String version;

    public ValidatedFiles(Path file, String version) {
        this.file = file;
        this.version = version;
    }

    /**
     * The record of the running build, in the user's cache folder ({@code $XDG_CACHE_HOME} or
     * {@code ~/.cache}, then {@code quiztutor/validated.txt}); empty when quiztutor does not run from
     * a jar (a build whose classes may change without a new version, as in development).
     */
    public static Optional<ValidatedFiles> forThisBuild(Map<String, String> env) {
        try {
            Path code = Path.of(TopicReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code) || !code.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            String version = code.toAbsolutePath() + " " + Files.size(code) + " "
                    + Files.getLastModifiedTime(code).toMillis();
            String cache = env.get("XDG_CACHE_HOME");
            Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return Optional.of(new ValidatedFiles(root.resolve("quiztutor").resolve("validated.txt"), version));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The recorded files, by hash; empty when there is no record of this build. */
    public Map<String, Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return entries;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(version)) {
                return entries;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3) {
                    entries.put(parts[0], new Entry(parts[2], Integer.parseInt(parts[1])));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
        return entries;
    }

    /** Adds valid files to the record (by hash), keeping the newest {@link #MAX_ENTRIES}. */
    public void record(Map<String, Entry> valid) {
        if (valid.isEmpty()) {
            return;
        }
        Map<String, Entry> all = read();
        valid.keySet().forEach(all::remove);
        all.putAll(valid);
        List<String> lines = new ArrayList<>();
        lines.add(version);
        int skip = Math.max(0, all.size() - MAX_ENTRIES);
        for (Map.Entry<String, Entry> e : all.entrySet()) {
            if (skip > 0) {
                skip--;
                continue;
            }
            lines.add(e.getKey() + " " + e.getValue().questions() + " " + e.getValue().topicId());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "validated", ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Only a convenience: the next validate checks the files again.
        }
    }

    /** What {@code quiztutor validate} reports. */
    public record Summary(List<Problem> problems, int files, int invalidFiles, int topics, long questions) {
        public static Summary of(BankLoader.Report report) {
            return new Summary(report.problems(), report.files().size(), report.invalid().size(),
                    report.bank().topics().size(), report.bank().questions().count());
        }

        public static Summary of(List<BankLoader.Checked> files) {
            List<Problem> problems = files.stream().flatMap(f -> f.problems().stream()).toList();
            List<BankLoader.Checked> valid = files.stream().filter(f -> f.ok() && f.topicId().isPresent()).toList();
            return new Summary(problems, files.size(), (int) files.stream().filter(f -> !f.ok()).count(), valid.size(),
                    valid.stream().mapToLong(BankLoader.Checked::questions).sum());
        }
    }

    /**
     * Validates {@code paths} as {@link BankLoader#load} does, answering from the record when every
     * file is recorded as valid (and no two share a topic id); otherwise loads them all and records
     * the valid ones.
     */
    public Summary validate(List<Path> paths) {
        Optional<List<Path>> files = files(paths);
        Map<String, Entry> known = files.isPresent() ? read() : Map.of();
        if (!known.isEmpty()) {
            List<Entry> hits = new ArrayList<>();
            for (Path f : files.get()) {
                Entry hit = hashOf(f).map(known::get).orElse(null);
                if (hit == null) {
                    break;
                }
                hits.add(hit);
            }
            if (hits.size() == files.get().size() && distinctTopics(hits).isPresent()) {
                return new Summary(List.of(), hits.size(), 0, hits.size(),
                        hits.stream().mapToLong(Entry::questions).sum());
            }
        }
        List<BankLoader.Checked> checked = BankLoader.check(paths);
        Map<String, Entry> valid = new LinkedHashMap<>();
        for (BankLoader.Checked result : checked) {
            if (result.ok() && result.topicId().isPresent()) {
                hashOf(result.file()).ifPresent(h -> valid.put(h, new Entry(result.topicId().get(), result.questions())));
            }
        }
        record(valid);
        return Summary.of(checked);
    }

    private static Optional<String> hashOf(Path file) {
        try {
            return Optional.of(hash(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The files of {@code paths} as {@link BankLoader#load} reads them, or empty if any path is not a plain file or folder. */
    static Optional<List<Path>> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<BankLoader.FileResult> trouble = new ArrayList<>();
                files.addAll(BankLoader.topicFiles(path, trouble));
                if (!trouble.isEmpty()) {
                    return Optional.empty();
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(files);
    }

    /** Unique topic ids among the entries, or empty when two files share one (then they are validated, to report it). */
    static Optional<Set<String>> distinctTopics(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            if (!ids.add(e.topicId())) {
                return Optional.empty();
            }
        }
        return Optional.of(ids);
    }
}
