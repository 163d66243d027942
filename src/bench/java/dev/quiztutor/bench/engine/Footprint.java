package dev.quiztutor.bench.engine;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bench.bank.BankGen;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap measurements, each in a fresh JVM started by the suite (ParallelGC, so that used heap after a
 * full GC is exact). {@code attempts}: bytes per live attempt with 1,000,000 attempts in the cache,
 * each made as a click makes it (the custom id's letter parsed into a response, graded, one answered
 * event); JOL's per-class breakdown of 10,000 of them. {@code bank N}: heap retained by a loaded bank
 * of N questions, and bytes allocated while loading it. Prints {@code key=value} lines.
 */
public final class Footprint {
    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("attempts")) {
            attempts(Integer.parseInt(args[1]));
        } else {
            bank(Integer.parseInt(args[1]));
        }
        System.exit(0);
    }

    private static void attempts(int count) throws Exception {
        QuizBank bank = BankLoader.load(Path.of("quizzes")).bank();
        Question question = bank.questions().filter(q -> q.kind() == QuestionKind.CHOICE).findFirst().orElseThrow();
        LiveAttempts attempts = new LiveAttempts(new NoJournal(), new LiveAttempts.Settings(count, Duration.ofHours(6)));
        Tutor tutor = new Tutor(bank, attempts, new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(),
                new java.util.Random(1));
        String[] ids = question.options().stream().map(o -> "qt1:a:" + question.ref().topicId() + ":"
                + question.ref().questionId() + ":" + o.letter()).toArray(String[]::new);
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            String id = ids[i % ids.length];
            // A fresh letter string per click, as the bot's custom id parsing makes one.
            String letter = new String(id.substring(id.lastIndexOf(':') + 1));
            Response response = ((Response.Valid) Response.check(question, List.of(letter))).response();
            tutor.answer(new Place(1_000_000_000L + i / 1000, 2_000_000_000L + i / 1000), 3_000_000_000L + i % 1000,
                    question, response);
        }
        attempts.cleanUp();
        long after = usedAfterGc();
        System.out.println("attempts=" + attempts.estimatedSize());
        System.out.println("bytesPerAttempt=" + (after - before) / (double) count);
        Field f = LiveAttempts.class.getDeclaredField("cache");
        f.setAccessible(true);
        Map<?, ?> map = ((com.github.benmanes.caffeine.cache.Cache<?, ?>) f.get(attempts)).asMap();
        // JOL's breakdown of a sample: the entries' own objects (the cache's arrays and sketch excluded).
        Object[] sample = map.entrySet().stream().limit(10_000)
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        GraphLayout layout = GraphLayout.parseInstance(sample);
        System.out.println("jolSampleBytesPerAttempt=" + (layout.totalSize() - 16 - 4L * sample.length) / 10_000.0);
        String footprint = layout.toFootprint();
        for (String line : footprint.substring(footprint.indexOf("footprint:") + "footprint:".length()).split("\n")) {
            if (!line.isBlank()) {
                System.out.println("jol|" + line);
            }
        }
        System.out.println("heapBefore=" + before + " heapAfter=" + after);
        if (attempts.estimatedSize() != count) {
            throw new IllegalStateException("the cache holds " + attempts.estimatedSize());
        }
    }

    private static void bank(int questions) {
        Path dir = BankGen.bank(Path.of(System.getProperty("bench.out", "target/bench")).resolve("banks"), questions);
        long before = usedAfterGc();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Every thread's allocation: the loader reads files in parallel on the common pool.
        java.util.Map<Long, Long> allocated0 = allocatedByThread(threads);
        long t0 = System.nanoTime();
        QuizBank bank = BankLoader.load(dir).bank();
        long t1 = System.nanoTime();
        long allocated = 0;
        for (java.util.Map.Entry<Long, Long> e : allocatedByThread(threads).entrySet()) {
            allocated += e.getValue() - allocated0.getOrDefault(e.getKey(), 0L);
        }
        long after = usedAfterGc();
        System.out.println("questions=" + bank.questions().count());
        System.out.println("coldLoadMillis=" + (t1 - t0) / 1e6);
        System.out.println("retainedBytes=" + (after - before));
        System.out.println("allocatedBytes=" + allocated);
    }

    private static java.util.Map<Long, Long> allocatedByThread(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
