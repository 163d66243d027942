package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.quiztutor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The operator's folder, live: real files in a temporary folder, changed as an author (or a deploy)
 * would change them, and the banks the listener gets.
 */
class FolderBankTest {
    /** Within seconds, as promised; generous, for a loaded machine. */
    private static final long WAIT_SECONDS = 15;
    private static final String SEED = "mlops-maturity-levels";
    private static final String DRIFT = "model-monitoring-drift";
    /** Change events only: the fallback scan would come long after any wait in these tests. */
    private static final FolderBank.Settings WATCHING = new FolderBank.Settings(Duration.ofMinutes(10),
            Duration.ofMillis(300), true);
    /** No change events at all: only the periodic re-scan can see a change. */
    private static final FolderBank.Settings SCANNING = new FolderBank.Settings(Duration.ofMillis(300),
            Duration.ofMillis(300), false);

    @TempDir
    Path dir;
    private final BlockingQueue<QuizBank> banks = new LinkedBlockingQueue<>();
    private final List<FolderBank> started = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger logger;
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        logger = (Logger) LoggerFactory.getLogger(FolderBank.class);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() {
        started.forEach(FolderBank::close);
        logger.detachAppender(logged);
        logger.setLevel(levelBefore);
    }

    private FolderBank start(FolderBank.Settings settings) {
        return start(settings, banks::add);
    }

    private FolderBank start(FolderBank.Settings settings, Consumer<QuizBank> listener) {
        FolderBank folders = FolderBank.start(List.of(dir), settings, listener);
        started.add(folders);
        return folders;
    }

    private Path copy(String topic, String as) throws Exception {
        return Files.copy(Fixtures.SHIPPED.resolve(topic + ".json"), dir.resolve(as));
    }

    private static String text(Path file) throws Exception {
        return Files.readString(file);
    }

    private static String promptOf(QuizBank bank, String questionId) {
        return bank.question(new QuestionRef(SEED, questionId)).orElseThrow().prompt();
    }

    private QuizBank next() throws InterruptedException {
        QuizBank bank = banks.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(bank, "no new bank within " + WAIT_SECONDS + " s");
        return bank;
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Writes the file's new text, and makes sure its time moves on, as an editor saving it later would. */
    private static void rewrite(Path file, String text) throws Exception {
        Instant before = Files.getLastModifiedTime(file).toInstant();
        Files.writeString(file, text);
        if (!Files.getLastModifiedTime(file).toInstant().isAfter(before)) {
            Files.setLastModifiedTime(file, FileTime.from(before.plusSeconds(1)));
        }
    }

    @Test
    void anEditedQuestionIsInTheNextBankWithinSeconds() throws Exception {
        Path file = copy(SEED, "seed.json");
        FolderBank folders = start(WATCHING);
        String before = promptOf(folders.bank(), "first-level");

        rewrite(file, text(file).replace(before.replace("\n", "\\n"), "Edited: what is level one?"));

        QuizBank reloaded = next();
        assertEquals("Edited: what is level one?", promptOf(reloaded, "first-level"));
        assertEquals(reloaded, folders.bank());
        assertEquals(before, promptOf(folders.initial().bank(), "first-level"), "the bank handed out earlier is untouched");
    }

    @Test
    void anAddedFileAddsItsTopicAndARemovedFileRemovesIt() throws Exception {
        copy(SEED, "seed.json");
        FolderBank folders = start(WATCHING);
        assertEquals(List.of(SEED), ids(folders.bank()));

        Path drift = copy(DRIFT, "drift.json");
        assertEquals(List.of(DRIFT, SEED), ids(next()), "in file-name order, as at start");

        Files.delete(drift);
        assertEquals(List.of(SEED), ids(next()));
        assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("drift.json was removed: topic "
                + DRIFT + " is no longer in the bank")), "the log says what went");
    }

    @Test
    void anInvalidChangeKeepsTheLastGoodVersionAndLogsEachProblemOnce() throws Exception {
        Path file = copy(SEED, "seed.json");
        FolderBank folders = start(WATCHING);
        QuizBank good = folders.bank();
        String broken = text(file).replaceFirst("\"difficulty\": \"easy\"", "\"difficulty\": \"trivial\"")
                .replace("\"title\": \"MLOps maturity levels\",", "");
        rewrite(file, broken);
        List<String> problems = BankLoader.load(file).problems().stream().map(Problem::toString).toList();
        assertEquals(2, problems.size(), "the broken file has two problems: " + problems);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!warnings().containsAll(problems) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(warnings().containsAll(problems), "each problem as validate prints it: " + warnings());
        folders.scanNow();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        folders.scanNow();
        folders.scanNow();
        for (String problem : problems) {
            assertEquals(1, warnings().stream().filter(problem::equals).count(), "logged once: " + problem);
        }
        assertTrue(banks.isEmpty(), "no new bank: the topic stays as it was");
        assertEquals(good, folders.bank());
        assertTrue(folders.bank().topic(SEED).isPresent());

        rewrite(file, broken.replace("\"trivial\"", "\"easy\"").replace("\"id\": \"" + SEED + "\",",
                "\"id\": \"" + SEED + "\", \"title\": \"MLOps maturity, fixed\","));
        assertEquals("MLOps maturity, fixed", next().topic(SEED).orElseThrow().title(), "the fix comes in");
    }

    @Test
    void aTopicIdUsedByTwoFilesStaysWithTheFileThatHadItFirst() throws Exception {
        copy(SEED, "z-seed.json");
        FolderBank folders = start(WATCHING);
        String prompt = promptOf(folders.bank(), "first-level");

        Path copy = dir.resolve("a-copy.json");
        Files.writeString(copy, text(dir.resolve("z-seed.json")).replace("\"title\": \"MLOps maturity levels\"",
                "\"title\": \"A copy\""));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (warnings().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).startsWith(copy + ":3:"), "located at the id: " + warnings().get(0));
        assertTrue(warnings().get(0).endsWith("id: topic id '" + SEED + "' is already used by " + dir.resolve("z-seed.json")
                + "; topic ids must be unique"), warnings().get(0));
        folders.scanNow();
        folders.scanNow();
        assertEquals(1, warnings().size(), "the clash is logged once while it lasts");
        assertEquals("MLOps maturity levels", folders.bank().topic(SEED).orElseThrow().title(),
                "the file loaded first keeps the id, though the newcomer sorts before it");
        assertEquals(prompt, promptOf(folders.bank(), "first-level"));
        assertTrue(banks.isEmpty(), "the bank did not change");
    }

    @Test
    void aBurstOfWritesGivesOneReloadOfTheFinishedFile() throws Exception {
        Path file = copy(SEED, "seed.json");
        FolderBank folders = start(new FolderBank.Settings(Duration.ofMinutes(10), Duration.ofMillis(500), true));
        String original = text(file);
        String before = promptOf(folders.bank(), "first-level").replace("\n", "\\n");
        for (int i = 1; i <= 30; i++) {
            Files.writeString(file, original.replace(before, "Version " + i));
        }

        assertEquals("Version 30", promptOf(next(), "first-level"));
        assertNull(banks.poll(2, TimeUnit.SECONDS), "one reload for the burst");
        assertEquals(List.of(), warnings(), "no half-written version was read");
    }

    @Test
    void withoutChangeEventsThePeriodicScanFindsTheChange() throws Exception {
        Path file = copy(SEED, "seed.json");
        String before = promptOf(start(SCANNING).bank(), "first-level");

        rewrite(file, text(file).replace(before.replace("\n", "\\n"), "Scanned"));
        assertEquals("Scanned", promptOf(next(), "first-level"));
        copy(DRIFT, "drift.json");
        assertEquals(List.of(DRIFT, SEED), ids(next()));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheReloads() throws Exception {
        Path file = copy(SEED, "seed.json");
        AtomicInteger calls = new AtomicInteger();
        start(SCANNING, bank -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a listener's bug");
            }
            banks.add(bank);
        });
        String original = text(file);
        rewrite(file, original.replace("\"title\": \"MLOps maturity levels\"", "\"title\": \"First\""));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (calls.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, calls.get());
        assertTrue(logged.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null
                && e.getThrowableProxy().getMessage().equals("a listener's bug")), "the failure is logged");

        rewrite(file, original.replace("\"title\": \"MLOps maturity levels\"", "\"title\": \"Second\""));
        assertEquals("Second", next().topic(SEED).orElseThrow().title(), "the next change still comes");
    }

    @Test
    void closeStopsTheReloads() throws Exception {
        Path file = copy(SEED, "seed.json");
        FolderBank folders = start(SCANNING);
        String original = text(file);
        rewrite(file, original.replace("\"title\": \"MLOps maturity levels\"", "\"title\": \"Open\""));
        assertEquals("Open", next().topic(SEED).orElseThrow().title(), "it was reloading");

        folders.close();
        rewrite(file, original.replace("\"title\": \"MLOps maturity levels\"", "\"title\": \"Closed\""));
        assertNull(banks.poll(2, TimeUnit.SECONDS), "no reload after close (the scan runs every 300 ms)");
        assertEquals("Open", folders.bank().topic(SEED).orElseThrow().title());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (reloadThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(reloadThreadAlive(), "its thread has ended");
    }

    private static boolean reloadThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("quiztutor-bank-reload"));
    }

    @Test
    void aFolderThatIsGoneKeepsItsTopicsButAFileNamedOnItsOwnIsRemoved() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("quizzes"));
        Files.copy(Fixtures.SHIPPED.resolve(SEED + ".json"), folder.resolve("seed.json"));
        Path single = copy(DRIFT, "drift.json");
        FolderBank folders = FolderBank.start(List.of(folder, single), new FolderBank.Settings(Duration.ofMinutes(10),
                Duration.ZERO, false), banks::add);
        started.add(folders);
        assertEquals(List.of(SEED, DRIFT), ids(folders.bank()));

        Path away = Files.move(folder, dir.resolve("moved-away"));
        folders.scanNow();
        folders.scanNow();
        assertEquals(List.of(SEED, DRIFT), ids(folders.bank()), "an unmounted share does not empty the bank");
        assertEquals(List.of(folder + ":1:1: no such file or folder; keeping the topics last loaded from it"), warnings(),
                "said once");
        Files.move(away, folder);

        Files.delete(single);
        folders.scanNow();
        assertEquals(List.of(SEED), ids(folders.bank()));
        assertEquals(List.of(SEED), ids(banks.poll(0, TimeUnit.SECONDS)));
    }

    private static List<String> ids(QuizBank bank) {
        return bank.topics().stream().map(Topic::id).toList();
    }
}
