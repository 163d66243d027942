package dev.quiztutor.bench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Upload;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.store.ServerTopicStore;
import dev.quiztutor.store.ServerTopics;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * The costs of two features on a big input, each against a baseline doing the least the same input
 * needs, in the same JVM after the same warm-up: {@code quiztutor import} of a 10,000-question GIFT
 * file (baseline: reading the file as lines), and a server's /bank upload of a 5,000-question topic,
 * validated and stored (baseline: a Jackson tree parse of the same bytes plus one durable INSERT of
 * them into SQLite).
 */
public final class ImportUploadBench {
    /**
     * One measurement per round, in milliseconds: wall time, and the process's CPU time over the same
     * span (every thread: the parallel validation's, the collector's), the steadier figure on a shared machine.
     */
    public record Timing(String what, double[] millis, double[] cpuMillis) {
    }

    /**
     * A full collection before each timed span: otherwise the garbage one measurement leaves is
     * collected, and billed, in whichever comes next (the validation after the import, say).
     */
    private static void settle() {
        System.gc();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private ImportUploadBench() {
    }

    /** A GIFT file of {@code questions} questions of every form the importer reads, 500 per category. */
    public static Path giftFile(Path dir, int questions) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("bank-" + questions + ".gift");
        if (Files.exists(file)) {
            return file;
        }
        StringBuilder gift = new StringBuilder();
        for (int i = 0; i < questions; i++) {
            if (i % 500 == 0) {
                gift.append("$CATEGORY: $course$/Bench/Part ").append(i / 500).append("\n\n");
            }
            switch (i % 5) {
                case 0 -> gift.append("::Registry ").append(i).append("::What does a model registry keep track of (")
                        .append(i).append(")? {\n  =Model versions and their stages # Right: versions, stages, lineage.\n"
                                + "  ~Raw training data # That is a data lake or a feature store.\n  ~Container images\n"
                                + "####A registry is the catalogue of trained models.\n}\n\n");
                case 1 -> gift.append("::Drift ").append(i).append("::A change in the input distribution (").append(i)
                        .append(") is called {=data ~concept ~label} drift.\n\n");
                case 2 -> gift.append("::Metric ").append(i).append("::Which metric tracks how many predictions were right (")
                        .append(i).append(")? {=accuracy =acc # Short form accepted.}\n\n");
                case 3 -> gift.append("::Threshold ").append(i).append("::At what accuracy in % should retraining start (")
                        .append(i).append(")? {#\n  =80:5 # Anywhere between 75 and 85.\n}\n\n");
                default -> gift.append("::Offline ").append(i).append("::Offline evaluation (").append(i)
                        .append(") uses held-out data.{T#It uses held-out data, so it is true.#Right.}\n\n");
            }
        }
        Files.writeString(file, gift.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** One topic of {@code questions} questions in our JSON, copies of the shipped topic's (as the bank benchmark makes them). */
    public static byte[] topicJson(int questions) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode shipped = mapper.readTree(Path.of("quizzes", "mlops-maturity-levels.json").toFile());
        ArrayNode source = (ArrayNode) shipped.get("questions");
        ObjectNode topic = mapper.createObjectNode();
        topic.put("id", "uploaded-bench");
        topic.put("title", "An uploaded topic");
        topic.put("category", "Benchmarks");
        topic.put("summary", "A generated topic for the upload benchmark.");
        ArrayNode list = topic.putArray("questions");
        for (int q = 0; q < questions; q++) {
            ObjectNode copy = source.get(q % source.size()).deepCopy();
            copy.put("id", copy.get("id").asText() + "-" + q);
            copy.remove("material");
            list.add(copy);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(topic);
    }

    /** {@code quiztutor import} of the file, and reading it as lines; {@code rounds} of each, alternating. */
    public static List<Timing> importGift(Path gift, Path work, int warmup, int rounds) throws Exception {
        double[] imports = new double[rounds];
        double[] lines = new double[rounds];
        double[] validates = new double[rounds];
        double[] importsCpu = new double[rounds];
        double[] linesCpu = new double[rounds];
        double[] validatesCpu = new double[rounds];
        long[] sink = new long[1];
        for (int r = -warmup; r < rounds; r++) {
            settle();
            long c0 = cpu();
            long t0 = System.nanoTime();
            sink[0] += Files.readAllLines(gift, StandardCharsets.UTF_8).size();
            long t1 = System.nanoTime();
            long c1 = cpu();
            Path out = work.resolve("import-" + (r + warmup));
            settle();
            long c1b = cpu();
            long t1b = System.nanoTime();
            Importer.Outcome outcome = Importer.run(List.of(gift),
                    new Importer.Options(Optional.of("gift"), out, Optional.empty(), Optional.empty(), "medium"));
            long t2 = System.nanoTime();
            long c2 = cpu();
            if (outcome.exit() != Importer.ALL) {
                throw new IllegalStateException("import of the bench file skipped questions: " + outcome.summary()
                        + " " + outcome.notices().stream().limit(3).toList() + outcome.errors());
            }
            settle();
            long c3 = cpu();
            long t3 = System.nanoTime();
            BankLoader.Report loaded = BankLoader.load(out);
            long t4 = System.nanoTime();
            long c4 = cpu();
            if (!loaded.problems().isEmpty() || loaded.bank().questions().count() != outcome.imported()) {
                throw new IllegalStateException("the imported topics do not load: " + loaded.problems());
            }
            delete(out);
            if (r >= 0) {
                lines[r] = (t1 - t0) / 1e6;
                imports[r] = (t2 - t1b) / 1e6;
                validates[r] = (t4 - t3) / 1e6;
                linesCpu[r] = (c1 - c0) / 1e6;
                importsCpu[r] = (c2 - c1b) / 1e6;
                validatesCpu[r] = (c4 - c3) / 1e6;
            }
        }
        return List.of(new Timing("read the GIFT file as lines (baseline)", lines, linesCpu),
                new Timing("quiztutor import (GIFT → topics, validated, written)", imports, importsCpu),
                new Timing("validate the imported topics (BankLoader.load of the output)", validates, validatesCpu));
    }

    /** A /bank upload (read, validate, store, live) against a tree parse plus one durable INSERT. */
    public static List<Timing> upload(byte[] json, Path work, int warmup, int rounds) throws Exception {
        Files.createDirectories(work);
        double[] uploads = new double[rounds];
        double[] base = new double[rounds];
        double[] uploadsCpu = new double[rounds];
        double[] baseCpu = new double[rounds];
        ObjectMapper mapper = new ObjectMapper();
        Path plainDb = work.resolve("plain.db");
        Files.deleteIfExists(plainDb);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Path db = work.resolve("upload.db");
        Files.deleteIfExists(db);
        try (Connection plain = config.createConnection("jdbc:sqlite:" + plainDb);
             Storage storage = Storage.open(StorageSettings.sqlite(db.toString()), Clock.systemUTC())) {
            try (Statement s = plain.createStatement()) {
                s.execute("CREATE TABLE topic (guild INTEGER, id TEXT, json TEXT)");
            }
            LiveBanks banks = new LiveBanks(BankLoader.load(Path.of("quizzes")).bank());
            ServerTopics topics = new ServerTopics(storage.serverTopics(), banks);
            ServerTopics.Limits limits = new ServerTopics.Limits(100, 1_000_000);
            for (int r = -warmup; r < rounds; r++) {
                settle();
                long c0 = cpu();
                long t0 = System.nanoTime();
                JsonNode tree = mapper.readTree(json);
                try (PreparedStatement insert = plain.prepareStatement("INSERT INTO topic VALUES (?, ?, ?)")) {
                    insert.setLong(1, r);
                    insert.setString(2, tree.path("id").asText());
                    insert.setString(3, new String(json, StandardCharsets.UTF_8));
                    insert.executeUpdate();
                }
                long t1 = System.nanoTime();
                long c1 = cpu();
                settle();
                long c1b = cpu();
                long t1b = System.nanoTime();
                Upload.Read read = Upload.read("topic.json", json);
                if (!(read instanceof Upload.Valid valid)) {
                    throw new IllegalStateException("the bench topic is invalid: " + read);
                }
                long guild = 1000 + r + warmup;
                ServerTopics.Change change = topics.upload(guild, valid.topic(), valid.json(),
                        new ServerTopicStore.Uploader(1, "bench"), Instant.now(), false, limits);
                long t2 = System.nanoTime();
                long c2 = cpu();
                if (!(change instanceof ServerTopics.Added)) {
                    throw new IllegalStateException("upload refused: " + change);
                }
                // Each round uploads to an empty store, as a server's first upload.
                topics.remove(guild, valid.topic().id());
                if (r >= 0) {
                    base[r] = (t1 - t0) / 1e6;
                    uploads[r] = (t2 - t1b) / 1e6;
                    baseCpu[r] = (c1 - c0) / 1e6;
                    uploadsCpu[r] = (c2 - c1b) / 1e6;
                }
            }
        }
        return List.of(new Timing("tree parse + one durable INSERT of the bytes (baseline)", base, baseCpu),
                new Timing("/bank upload: read, validate, store, live (ServerTopics.upload)", uploads, uploadsCpu));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
