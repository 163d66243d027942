package dev.quiztutor.bank;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's quiz folders and files, kept live: a file that is changed, added or removed is
 * picked up within seconds, and each change hands a new {@link QuizBank} to the listener.
 *
 * <p>Changes are noticed two ways: a {@link WatchService} on each folder (instant where the file
 * system notifies, as Linux does), and a re-scan of every file's size and modification time every
 * {@link Settings#scanEvery}, for file systems that do not notify (network shares, some containers)
 * or notify late (the JDK polls on macOS). A file is read only once it has been quiet for
 * {@link Settings#settle}, so an editor's burst of writes gives one reload of the finished file.
 *
 * <p>Per file: a valid version replaces its topic; an invalid one keeps the topic's last good version
 * and logs each problem once (as {@code validate} prints it), not again while the file stays as it
 * is; a removed file removes its topics; a topic id that two files use stays with the file that held
 * it first, and the other is logged. A folder that cannot be listed (gone, unmounted) keeps the
 * topics last loaded from it. Everything runs on one thread of its own, guarded: a scan that fails
 * is logged and the next comes as usual.
 */
public final class FolderBank implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FolderBank.class);

    /** How often the watcher's events are looked at: the shortest delay before a settled change is read. */
    static final Duration TICK = Duration.ofMillis(100);

    /**
     * {@code scanEvery}: the fallback re-scan of every file; {@code settle}: how long a file must be
     * left alone before it is read; {@code watch}: whether to ask the file system for change events at
     * all (without them, changes come with the re-scan only).
     */
    public record Settings(Duration scanEvery, Duration settle, boolean watch) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ofMillis(300), true);

        public Settings {
            Objects.requireNonNull(scanEvery, "scanEvery");
            Objects.requireNonNull(settle, "settle");
            if (scanEvery.compareTo(TICK) < 0 || settle.isNegative()) {
                throw new IllegalArgumentException("scanEvery must be at least " + TICK + " and settle not negative");
            }
        }

        public Settings withScanEvery(Duration every) {
            return new Settings(every, settle, watch);
        }

        public Settings withoutWatcher() {
            return new Settings(scanEvery, settle, false);
        }
    }

    /**
     * What one file looked like when it was last read: its size and modification time (cheap to
     * compare on every scan), the digest of its bytes (so a touch or a rewrite with the same content
     * reloads nothing) and when it was read.
     */
    private record Fingerprint(long size, long modified, byte[] digest, long readAt) {
        boolean sameStat(BasicFileAttributes now) {
            return size == now.size() && modified == now.lastModifiedTime().toMillis();
        }

        /**
         * A file written again within the modification time's granularity (a second or two on some
         * file systems) with the same size looks unchanged: one read soon after its write is read again.
         */
        boolean racy() {
            return readAt - modified < RACY.toMillis();
        }
    }

    private static final Duration RACY = Duration.ofSeconds(2);

    /** One file as last read: its fingerprint, its last good topic, and the problems of its current content. */
    private record FileState(Fingerprint fingerprint, Optional<Topic> good, List<Problem> problems) {
    }

    private final List<Path> paths;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<QuizBank> listener;
    private final ScheduledExecutorService thread;
    private final Optional<WatchService> watcher;
    private final Map<Path, WatchKey> watched = new HashMap<>();

    // Touched only on the reload thread (and by the constructor, before that thread starts).
    private final Map<Path, FileState> files = new LinkedHashMap<>();
    /** Which file holds each topic id: the first to have held it keeps it while it still has it. */
    private Map<String, Path> owners = new HashMap<>();
    private final Set<String> reportedOnce = new HashSet<>();
    private long changedAt = -1;
    private long lastScan;
    private volatile QuizBank bank;
    private volatile boolean closed;
    private final BankLoader.Report initial;

    private FolderBank(List<Path> paths, Settings settings, Clock clock, Consumer<QuizBank> listener) {
        this.paths = List.copyOf(paths);
        this.settings = settings;
        this.clock = clock;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quiztutor-bank-reload");
            t.setDaemon(true);
            return t;
        });
        this.watcher = settings.watch() ? newWatcher() : Optional.empty();
        List<BankLoader.FileResult> results = new ArrayList<>();
        for (Path path : this.paths) {
            listed(path, results).ifPresent(found -> {
                // Files are independent: read them in parallel, keep them in order (as BankLoader does).
                List<FileState> states = found.parallelStream()
                        .map(file -> read(file, stat(file).orElse(null), Optional.empty())).toList();
                for (int i = 0; i < found.size(); i++) {
                    files.put(found.get(i), states.get(i));
                    results.add(result(found.get(i), states.get(i)));
                }
            });
        }
        // The command line names the invalid files of the first load; the log names later ones.
        this.bank = build(results, false);
        this.initial = new BankLoader.Report(bank, List.copyOf(results));
        lastScan = clock.millis();
    }

    /**
     * Loads {@code paths} as {@link BankLoader#load} does (folders give their {@code *.json} files,
     * each file a topic) and starts watching them. The first bank is {@link #bank()}, its report
     * {@link #initial()}; each later change goes to {@code listener}, on the reload thread.
     */
    public static FolderBank start(List<Path> paths, Settings settings, Consumer<QuizBank> listener) {
        return start(paths, settings, Clock.systemUTC(), listener);
    }

    static FolderBank start(List<Path> paths, Settings settings, Clock clock, Consumer<QuizBank> listener) {
        FolderBank folders = new FolderBank(paths, settings, clock, listener);
        folders.watchFolders();
        folders.thread.scheduleWithFixedDelay(guarded(folders::tick), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        return folders;
    }

    /** The first load, file by file, as {@link BankLoader#load} reports it: for the command line's lines. */
    public BankLoader.Report initial() {
        return initial;
    }

    /** The bank as last loaded. */
    public QuizBank bank() {
        return bank;
    }

    /** Stops watching; waits for a scan in progress to end, so no listener call comes after. */
    @Override
    public void close() {
        closed = true;
        // Not shutdownNow: an interrupt would fail a read in progress as if the file were unreadable.
        thread.shutdown();
        watcher.ifPresent(w -> {
            try {
                w.close();
            } catch (IOException e) {
                log.debug("closing the quiz folder watcher", e);
            }
        });
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the quiz folder reload did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the next check now and waits for it: for tests, which must not wait for the clock. */
    void scanNow() throws InterruptedException, ExecutionException, TimeoutException {
        thread.submit(guarded(() -> scan(clock.millis()))).get(10, TimeUnit.SECONDS);
    }

    /**
     * Why not {@code Periodic} in schedule/: the bank must not depend on the schedule package. Same
     * rule: a repeating task that throws is cancelled by the JDK without a word, so nothing escapes.
     */
    private static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                log.error("reloading the quiz files failed; the bank stays as it was, next check as usual", e);
            }
        };
    }

    private static Optional<WatchService> newWatcher() {
        try {
            return Optional.of(FileSystems.getDefault().newWatchService());
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("no file change events here ({}); quiz files are re-scanned periodically instead", e.toString());
            return Optional.empty();
        }
    }

    /** Watches each folder, and the folder of each single file; again when a folder was gone and is back. */
    private void watchFolders() {
        if (watcher.isEmpty()) {
            return;
        }
        for (Path path : paths) {
            Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            WatchKey key = watched.get(folder);
            if (key != null && key.isValid()) {
                continue;
            }
            try {
                watched.put(folder, folder.register(watcher.get(), StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
            } catch (IOException | ClosedWatchServiceException e) {
                log.warn("cannot watch {} for changes ({}); it is re-scanned every {} instead", folder, e.toString(),
                        settings.scanEvery());
            }
        }
    }

    /**
     * Every tick: note the watcher's events (any event in a watched folder: the scan finds out what
     * changed), and scan once the folders have been quiet for {@code settle}, or when the fallback
     * re-scan is due.
     */
    private void tick() {
        long now = clock.millis();
        if (drainEvents()) {
            changedAt = now;
        }
        boolean settled = changedAt >= 0 && now - changedAt >= settings.settle().toMillis();
        if (settled || now - lastScan >= settings.scanEvery().toMillis()) {
            scan(now);
        }
    }

    private boolean drainEvents() {
        if (watcher.isEmpty()) {
            return false;
        }
        boolean any = false;
        WatchKey key;
        try {
            while ((key = watcher.get().poll()) != null) {
                any |= !key.pollEvents().isEmpty();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        return any;
    }

    private void scan(long now) {
        changedAt = -1;
        lastScan = now;
        watchFolders();
        boolean changed = false;
        boolean unsettled = false;
        Set<Path> present = new HashSet<>();
        List<BankLoader.FileResult> order = new ArrayList<>();
        for (Path path : paths) {
            List<BankLoader.FileResult> unlisted = new ArrayList<>();
            Optional<List<Path>> found = listed(path, unlisted);
            if (found.isEmpty() && files.containsKey(path)) {
                // A file named on its own, now gone: removed, like a file of a folder.
                found = Optional.of(List.of());
            }
            if (found.isEmpty()) {
                // A folder gone or unreadable (unmounted, being replaced): keep what it gave, say so once.
                unlisted.forEach(r -> r.problems().forEach(p -> once("path " + p, () -> log.warn(
                        "{}; keeping the topics last loaded from it", p))));
                files.keySet().stream().filter(f -> f.startsWith(path) || f.equals(path)).forEach(f -> {
                    present.add(f);
                    order.add(result(f, files.get(f)));
                });
                continue;
            }
            reportedOnce.removeIf(s -> s.startsWith("path " + path));
            for (Path file : found.get()) {
                present.add(file);
                Optional<BasicFileAttributes> stat = stat(file);
                FileState before = files.get(file);
                if (stat.isEmpty()) {
                    // Listed, then gone: deleted between the two; the next scan sees it gone.
                    if (before != null) {
                        order.add(result(file, before));
                    }
                    continue;
                }
                if (before != null && before.fingerprint().sameStat(stat.get()) && !before.fingerprint().racy()) {
                    order.add(result(file, before));
                    continue;
                }
                long age = now - stat.get().lastModifiedTime().toMillis();
                if (age >= 0 && age < settings.settle().toMillis()) {
                    // Still being written: read it once it has been left alone.
                    unsettled = true;
                    if (before != null) {
                        order.add(result(file, before));
                    }
                    continue;
                }
                FileState after = read(file, stat.get(), Optional.ofNullable(before).flatMap(FileState::good));
                if (before != null && Arrays.equals(before.fingerprint().digest(), after.fingerprint().digest())) {
                    // Touched, or rewritten with the same bytes: nothing to reload, nothing to log again.
                    after = new FileState(after.fingerprint(), before.good(), before.problems());
                } else {
                    changed = true;
                    reportChange(file, before, after);
                }
                files.put(file, after);
                order.add(result(file, after));
            }
        }
        for (Path gone : new ArrayList<>(files.keySet())) {
            if (!present.contains(gone)) {
                FileState state = files.remove(gone);
                changed = true;
                log.info("{} was removed{}", gone, state.good().map(t -> ": topic " + t.id() + " is no longer in the bank")
                        .orElse(""));
            }
        }
        if (unsettled) {
            changedAt = now;
        }
        QuizBank next = changed ? build(order, true) : bank;
        if (!sameTopics(bank, next) && !closed) {
            bank = next;
            log.info("quiz bank reloaded: {} topics, {} questions", next.topics().size(), next.questions().count());
            listener.accept(next);
        }
    }

    /** An invalid change keeps the same topic objects: no new bank to hand out. */
    private static boolean sameTopics(QuizBank a, QuizBank b) {
        List<Topic> x = a.topics();
        List<Topic> y = b.topics();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != y.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void reportChange(Path file, FileState before, FileState after) {
        if (after.problems().isEmpty()) {
            log.info("{} {}: topic {}", file, before == null ? "was added" : "changed",
                    after.good().map(Topic::id).orElse("?"));
            return;
        }
        log.warn("{} {} but is invalid; {} ({} problem{}):", file, before == null ? "was added" : "changed",
                after.good().map(t -> "topic " + t.id() + " stays as last loaded").orElse("it is left out"),
                after.problems().size(), after.problems().size() == 1 ? "" : "s");
        after.problems().forEach(p -> log.warn("{}", p));
    }

    private static BankLoader.FileResult result(Path file, FileState state) {
        return new BankLoader.FileResult(file, state.good(), state.problems());
    }

    /** The files of a path, as {@link BankLoader#load} takes them; empty (with the problem) when it cannot be listed. */
    private static Optional<List<Path>> listed(Path path, List<BankLoader.FileResult> problems) {
        if (Files.isDirectory(path)) {
            int before = problems.size();
            List<Path> found = BankLoader.topicFiles(path, problems);
            boolean unlistable = problems.size() > before && problems.get(problems.size() - 1).problems().get(0)
                    .message().startsWith("cannot list");
            return unlistable ? Optional.empty() : Optional.of(found);
        }
        if (Files.isRegularFile(path)) {
            return Optional.of(List.of(path));
        }
        problems.add(new BankLoader.FileResult(path, new Problem(path, 1, 1, "", "no such file or folder")));
        return Optional.empty();
    }

    private static Optional<BasicFileAttributes> stat(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads a file; an invalid version keeps {@code lastGood}. */
    private FileState read(Path file, BasicFileAttributes stat, Optional<Topic> lastGood) {
        long size = stat == null ? -1 : stat.size();
        long modified = stat == null ? -1 : stat.lastModifiedTime().toMillis();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            Problem unreadable = new Problem(file, 1, 1, "", "cannot read: " + e.getMessage());
            return new FileState(new Fingerprint(size, modified, new byte[0], clock.millis()), lastGood,
                    List.of(unreadable));
        }
        TopicReader.Result result = TopicReader.read(file, bytes);
        Fingerprint fingerprint = new Fingerprint(size, modified, digest(bytes), clock.millis());
        return result.problems().isEmpty() ? new FileState(fingerprint, result.topic(), List.of())
                : new FileState(fingerprint, lastGood, result.problems());
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The bank of every file's good topic, in the order of the paths and files. A topic id held by two
     * files stays with the file that had it in the last bank; a new clash goes to the first in order.
     * Each clash is logged once while it lasts.
     */
    private QuizBank build(List<BankLoader.FileResult> results, boolean logClashes) {
        Map<String, Path> owner = new HashMap<>();
        for (BankLoader.FileResult r : results) {
            r.topic().ifPresent(t -> {
                Path earlier = owners.get(t.id());
                if (r.file().equals(earlier)) {
                    owner.put(t.id(), r.file());
                }
            });
        }
        for (BankLoader.FileResult r : results) {
            r.topic().ifPresent(t -> owner.putIfAbsent(t.id(), r.file()));
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> clashes = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            BankLoader.FileResult r = results.get(i);
            if (r.topic().isEmpty()) {
                continue;
            }
            Topic topic = r.topic().get();
            Path kept = owner.get(topic.id());
            if (kept.equals(r.file())) {
                topics.add(topic);
                continue;
            }
            LocatedJson.Position id = TopicReader.locate(r.file(), "/id");
            Problem duplicate = new Problem(r.file(), id.line(), id.column(), "id",
                    "topic id '" + topic.id() + "' is already used by " + kept + "; topic ids must be unique");
            results.set(i, new BankLoader.FileResult(r.file(), duplicate));
            String clash = "clash " + r.file() + " " + topic.id();
            clashes.add(clash);
            once(clash, () -> {
                if (logClashes) {
                    log.warn("{}", duplicate);
                }
            });
        }
        reportedOnce.removeIf(s -> s.startsWith("clash ") && !clashes.contains(s));
        owners = owner;
        return new QuizBank(topics);
    }

    private void once(String what, Runnable report) {
        if (reportedOnce.add(what)) {
            report.run();
        }
    }
}
