package dev.quiztutor.bench;

import dev.quiztutor.bench.bank.BankLoadBench;
import dev.quiztutor.bench.e2e.E2eBench;
import dev.quiztutor.bench.engine.EngineBench;
import dev.quiztutor.bench.engine.Footprint;
import dev.quiztutor.bench.engine.MissBench;
import dev.quiztutor.bench.engine.PickBench;
import dev.quiztutor.bench.fanout.FanoutBench;
import dev.quiztutor.bench.formats.ImportUploadBench;
import dev.quiztutor.bench.start.ColdStartBench;
import dev.quiztutor.store.CardBench;
import dev.quiztutor.store.StorageBench;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The benchmark suite (see BENCHMARKS.md): runs the chosen suites and writes
 * {@code target/bench/report.md}. Properties: {@code bench.only} (all, or a comma list of e2e, cards,
 * engine, bank, start, formats, storage, fanout, chart), {@code bench.quick} (a short smoke run), {@code bench.repeats}
 * (rounds of each measurement, 3 by default), {@code bench.e2e.rates}, {@code bench.e2e.users},
 * {@code bench.e2e.seconds}, {@code bench.jfr} (a JFR recording of each bot under test),
 * {@code bench.fanout.guilds} (1,000), {@code bench.fanout.variants} (see {@code FanoutBench.Variant#parse}).
 */
public final class BenchMain {
    private final Path out;
    private final boolean quick;
    private final int repeats;
    private final StringBuilder report = new StringBuilder();

    private BenchMain(Path out, boolean quick, int repeats) {
        this.out = out;
        this.quick = quick;
        this.repeats = repeats;
    }

    public static void main(String[] args) throws Exception {
        // From Maven: -Dbench.args="bench.e2e.users=1000 bench.e2e.rates=500,1000" sets those properties.
        for (String arg : args) {
            for (String setting : arg.trim().split("\\s+")) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    System.setProperty(setting.substring(0, eq), setting.substring(eq + 1));
                }
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        System.setProperty("bench.out", out.toString());
        boolean quick = Boolean.getBoolean("bench.quick");
        String only = System.getProperty("bench.only", "all");
        Set<String> suites = only.equals("all") ? Set.of("e2e", "engine", "bank", "start", "formats", "storage", "cards", "fanout", "chart")
                : Set.of(only.split(","));
        BenchMain main = new BenchMain(out, quick, quick ? 1 : Integer.getInteger("bench.repeats", 3));
        main.header(only);
        // Cheapest first, so that a failure late in the run still leaves most figures.
        if (suites.contains("engine")) {
            main.engine();
        }
        if (suites.contains("bank")) {
            main.bank();
        }
        if (suites.contains("start")) {
            main.start();
        }
        if (suites.contains("formats")) {
            main.formats();
        }
        if (suites.contains("storage")) {
            main.storage();
        }
        if (suites.contains("cards")) {
            main.cards();
        }
        if (suites.contains("chart")) {
            main.chart();
        }
        if (suites.contains("fanout")) {
            main.fanout();
        }
        if (suites.contains("e2e")) {
            main.e2e();
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now());
        Files.writeString(out.resolve("report.md"), main.report);
        Files.writeString(out.resolve("report-" + stamp + ".md"), main.report);
        System.out.println("\nReport: " + out.resolve("report.md"));
        System.exit(0);
    }

    // ------------------------------------------------------------------ header

    private void header(String only) throws Exception {
        line("# quiztutor benchmarks: " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now().withNano(0)));
        line("");
        line("- suites: " + only + (quick ? " (quick smoke run: figures not comparable)" : "") + ", rounds: " + repeats);
        line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("- machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + totalMemoryGib() + " GiB, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        line("- load average at start: " + loadAverage());
        line("");
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemoryGib() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ------------------------------------------------------------------ engine (JMH)

    private void engine() throws Exception {
        line("## Engine (JMH)");
        line("");
        line("JMH 1.37, " + forks() + " forks per benchmark; mean ± 99.9% error, and the range of the iterations.");
        line("");
        line("| benchmark | param | mean | ± error | min | max | unit |");
        line("|---|---|---:|---:|---:|---:|---|");
        jmh(EngineBench.class, TimeValue.milliseconds(400), "-Xmx3g");
        jmh(MissBench.class, TimeValue.seconds(1), "-Xmx1g");
        jmh(PickBench.class, TimeValue.seconds(1), "-Xmx2g");
        line("");
        line("### Bytes per live attempt at 1,000,000 attempts");
        line("");
        line("Used heap after full GCs (ParallelGC, fresh JVM), before and after 1,000,000 answers on distinct"
                + " attempts (1,000 posts × 1,000 users), through Tutor.answer as a click makes them.");
        line("");
        line("| round | bytes per attempt | of which the attempt's own objects (JOL, 10,000 sampled) |");
        line("|---:|---:|---:|");
        List<Double> bytes = new ArrayList<>();
        Map<String, String> last = Map.of();
        for (int r = 1; r <= repeats; r++) {
            Map<String, String> v = child("-XX:+UseParallelGC", "-Xmx3g", "-Djdk.attach.allowAttachSelf=true",
                    "-Djol.magicFieldOffset=true", Footprint.class.getName(), "attempts", "1000000");
            bytes.add(Double.parseDouble(v.get("bytesPerAttempt")));
            line("| " + r + " | " + f1(Double.parseDouble(v.get("bytesPerAttempt"))) + " | "
                    + f1(Double.parseDouble(v.get("jolSampleBytesPerAttempt"))) + " |");
            last = v;
        }
        line("");
        line("JOL footprint of 10,000 attempts' own objects (keys and values; the cache's nodes, table and"
                + " frequency sketch make up the rest):");
        line("");
        line("```");
        last.entrySet().stream().filter(e -> e.getKey().startsWith("jol|")).forEach(e -> line(e.getValue()));
        line("```");
        line("");
        System.out.println("bytes per attempt: " + bytes);
    }

    private int forks() {
        return quick ? 1 : 2;
    }

    private void jmh(Class<?> benchmark, TimeValue iteration, String... jvmArgs) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(forks())
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(iteration)
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(iteration)
                .jvmArgsAppend(append(jvmArgs, "-Dbench.out=" + out))
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            String param = r.getParams().getParamsKeys().stream().map(k -> k + "=" + r.getParams().getParam(k))
                    .reduce((a, b) -> a + "," + b).orElse("");
            line("| " + r.getParams().getBenchmark().replace("dev.quiztutor.bench.", "") + " | " + param + " | "
                    + f1(s.getMean()) + " | " + f1(s.getMeanErrorAt(0.999)) + " | " + f1(s.getMin()) + " | "
                    + f1(s.getMax()) + " | " + r.getPrimaryResult().getScoreUnit() + " |");
        }
    }

    private static String[] append(String[] a, String b) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    // ------------------------------------------------------------------ bank

    private void bank() throws Exception {
        line("## Quiz bank: load and validation");
        line("");
        line("Generated banks (topics of 1,000 questions, copies of the shipped topic's questions under new"
                + " ids). *Cold*: JMH SingleShotTime, one load in each fresh JVM, no warm-up, as at startup."
                + " *Warm*: after 5 warm-up loads. Heap: retained by the loaded bank after full GCs, and"
                + " allocated while loading (fresh JVM, ParallelGC).");
        line("");
        line("| benchmark | param | mean | ± error | min | max | unit |");
        line("|---|---|---:|---:|---:|---:|---|");
        ChainedOptionsBuilder cold = new OptionsBuilder()
                .include(BankLoadBench.class.getName() + "\\.")
                .forks(quick ? 1 : 5)
                .warmupIterations(0)
                .measurementIterations(1)
                .jvmArgsAppend("-Xmx2g", "-Dbench.out=" + out)
                .shouldFailOnError(true);
        report(new Runner(cold.build()).run(), "cold ");
        ChainedOptionsBuilder warm = new OptionsBuilder()
                .include(BankLoadBench.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(quick ? 1 : 5)
                .measurementIterations(quick ? 2 : 10)
                .jvmArgsAppend("-Xmx2g", "-Dbench.out=" + out)
                .shouldFailOnError(true);
        report(new Runner(warm.build()).run(), "warm ");
        line("");
        line("| questions | round | load in fresh JVM (ms) | retained heap (MB) | allocated while loading (MB) |");
        line("|---:|---:|---:|---:|---:|");
        for (int questions : new int[] {10_000, 100_000}) {
            for (int r = 1; r <= repeats; r++) {
                Map<String, String> v = child("-XX:+UseParallelGC", "-Xmx3g", Footprint.class.getName(), "bank",
                        Integer.toString(questions));
                line("| " + questions + " | " + r + " | " + f1(Double.parseDouble(v.get("coldLoadMillis"))) + " | "
                        + f1(Long.parseLong(v.get("retainedBytes")) / 1e6) + " | "
                        + f1(Long.parseLong(v.get("allocatedBytes")) / 1e6) + " |");
            }
        }
        line("");
    }

    private void report(Collection<RunResult> results, String prefix) {
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            line("| " + prefix + r.getParams().getBenchmark().replace("dev.quiztutor.bench.", "") + " | questions="
                    + r.getParams().getParam("questions") + " | " + f1(s.getMean()) + " | "
                    + (s.getN() > 1 ? f1(s.getMeanErrorAt(0.999)) : "") + " | " + f1(s.getMin()) + " | "
                    + f1(s.getMax()) + " | " + r.getPrimaryResult().getScoreUnit() + " |");
        }
    }

    // ------------------------------------------------------------------ chart

    /**
     * /progress's chart render against a blank PNG of the same size, p99 over JMH's samples, one fork a
     * round; then the first render in fresh JVMs.
     */
    private void chart() throws Exception {
        line("## Progress chart: render p99 against a blank PNG");
        line("");
        line("JMH SampleTime, one fork per round, " + (quick ? 1 : 3) + " warm-up and " + (quick ? 2 : 5)
                + " measured iterations of 1 s: *render*: ProgressChart.png of a picture (XChart paints both panels,"
                + " ImageIO writes the PNG); *blank*: ImageIO writing a blank 800 × 600 image, the floor of any PNG of"
                + " that size. *small*: a few answers, one topic; *large*: hundreds of answers a week, 40 topics"
                + " (10 drawn). The ratio is render p99 / blank p99 of the same round.");
        line("");
        line("| history | round | render p50 (ms) | render p99 (ms) | render max (ms) | blank p99 (ms) | ratio p99 |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        Map<String, List<Double>> ratios = new TreeMap<>();
        Map<String, List<Double>> p99s = new TreeMap<>();
        for (int r = 1; r <= repeats; r++) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(dev.quiztutor.bench.chart.ChartBench.class.getName() + "\\.")
                    .forks(1)
                    .warmupIterations(quick ? 1 : 3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(quick ? 2 : 5)
                    .measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend("-Xmx1g", "-Djava.awt.headless=true")
                    .shouldFailOnError(true);
            Map<String, Statistics> render = new TreeMap<>();
            Map<String, Statistics> blank = new TreeMap<>();
            for (RunResult result : new Runner(options.build()).run()) {
                String history = result.getParams().getParam("history");
                (result.getParams().getBenchmark().endsWith(".render") ? render : blank)
                        .put(history, result.getPrimaryResult().getStatistics());
            }
            for (String history : render.keySet()) {
                Statistics s = render.get(history);
                double ratio = s.getPercentile(99) / blank.get(history).getPercentile(99);
                ratios.computeIfAbsent(history, k -> new ArrayList<>()).add(ratio);
                p99s.computeIfAbsent(history, k -> new ArrayList<>()).add(s.getPercentile(99));
                line("| " + history + " | " + r + " | " + f2(s.getPercentile(50)) + " | " + f2(s.getPercentile(99)) + " | "
                        + f2(s.getMax()) + " | " + f2(blank.get(history).getPercentile(99)) + " | " + f2(ratio) + " |");
            }
        }
        line("");
        for (String history : ratios.keySet()) {
            double[] v = ratios.get(history).stream().mapToDouble(Double::doubleValue).toArray();
            double[] p = p99s.get(history).stream().mapToDouble(Double::doubleValue).toArray();
            line("- " + history + ": render p99 " + f2(Stats.median(p)) + " ms (median of rounds), ratio to blank "
                    + f2(Stats.median(v)) + " (" + f2(Stats.min(v)) + "–" + f2(Stats.max(v)) + ")");
        }
        line("");
        line("CPU time per render (the rendering thread's, which a busy machine does not inflate as it does wall"
                + " time; ChartCpu in a fresh JVM, " + (quick ? 20 : 200) + " renders after as many to warm up):");
        line("");
        line("| round | small CPU mean (ms) | small CPU p99 | large CPU mean | large CPU p99 | blank CPU p99 | ratio large p99 |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        for (int r = 1; r <= repeats; r++) {
            Map<String, String> v = child("-Xmx1g", "-Djava.awt.headless=true",
                    dev.quiztutor.bench.chart.ChartCpu.class.getName(), quick ? "20" : "200");
            double large = Double.parseDouble(v.get("largeCpuP99"));
            double blankP99 = Double.parseDouble(v.get("blankCpuP99"));
            line("| " + r + " | " + v.get("smallCpuMean") + " | " + v.get("smallCpuP99") + " | " + v.get("largeCpuMean")
                    + " | " + f2(large) + " | " + f2(blankP99) + " | " + f2(large / blankP99) + " |");
        }
        line("");
        line("First render in a fresh JVM (JMH SingleShotTime, " + (quick ? 1 : 5) + " forks, no warm-up), as the first"
                + " /progress after a start pays it:");
        line("");
        line("| benchmark | mean (ms) | min (ms) | max (ms) |");
        line("|---|---:|---:|---:|");
        ChainedOptionsBuilder cold = new OptionsBuilder()
                .include(dev.quiztutor.bench.chart.FirstChart.class.getName() + "\\.")
                .forks(quick ? 1 : 5)
                .warmupIterations(0)
                .measurementIterations(1)
                .jvmArgsAppend("-Xmx1g", "-Djava.awt.headless=true")
                .shouldFailOnError(true);
        for (RunResult result : new Runner(cold.build()).run()) {
            Statistics s = result.getPrimaryResult().getStatistics();
            line("| " + result.getParams().getBenchmark().replace("dev.quiztutor.bench.", "") + " | " + f1(s.getMean())
                    + " | " + f1(s.getMin()) + " | " + f1(s.getMax()) + " |");
        }
        line("");
    }

    // ------------------------------------------------------------------ import and upload

    private void formats() throws Exception {
        int rounds = quick ? 3 : 10;
        int warmup = quick ? 1 : 5;
        int giftQuestions = Integer.getInteger("bench.formats.gift", 10_000);
        int uploadQuestions = Integer.getInteger("bench.formats.upload", 5_000);
        Path work = out.resolve("formats");
        Path gift = ImportUploadBench.giftFile(work, giftQuestions);
        byte[] topic = ImportUploadBench.topicJson(uploadQuestions);
        line("## Import and upload: " + f0(giftQuestions) + " GIFT questions, a " + f0(uploadQuestions)
                + "-question server topic");
        line("");
        line("In this JVM, " + warmup + " warm-up rounds then " + rounds + " measured, baseline and feature alternating"
                + " in each round. GIFT file: " + f0(Files.size(gift) / 1e3) + " kB, every form the importer reads"
                + " (choice with feedback, missing word, short answer, numeric, true/false), 500 per category (20"
                + " topics). Upload: one topic of our JSON, " + f0(topic.length / 1e3) + " kB (copies of the shipped"
                + " questions), read, validated, stored on SQLite (WAL, synchronous=FULL) and made live, as /bank upload"
                + " does after the download; removed again after each round. A full collection (System.gc()) before"
                + " each timed span, so that none pays for the garbage of the one before. Median ms (min–max); the"
                + " process's CPU time over the same span beside it.");
        line("");
        line("| what | median ms (min–max) | ratio to its baseline (median of the rounds' ratios) | process CPU ms, median"
                + " | CPU ratio (median of the rounds') |");
        line("|---|---|---|---:|---|");
        List<ImportUploadBench.Timing> imports = ImportUploadBench.importGift(gift, work, warmup, rounds);
        timings(imports);
        // The import checks each question alone and then the whole file: against validating its output.
        timings(List.of(imports.get(2), imports.get(1)));
        List<ImportUploadBench.Timing> uploads = ImportUploadBench.upload(topic, work, warmup, rounds);
        timings(uploads);
        line("");
    }

    private void timings(List<ImportUploadBench.Timing> pair) {
        double[] base = pair.get(0).millis();
        double[] baseCpu = pair.get(0).cpuMillis();
        for (ImportUploadBench.Timing t : pair) {
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int i = 0; i < base.length; i++) {
                ratios.add(t.millis()[i] / base[i]);
                cpuRatios.add(t.cpuMillis()[i] / baseCpu[i]);
            }
            line("| " + t.what() + " | " + f1(Stats.median(t.millis())) + " (" + f1(Stats.min(t.millis())) + "–"
                    + f1(Stats.max(t.millis())) + ") | " + spread(ratios) + " | " + f1(Stats.median(t.cpuMillis())) + " | "
                    + spread(cpuRatios) + " |");
        }
    }

    // ------------------------------------------------------------------ cold start

    private void start() throws Exception {
        int questions = Integer.getInteger("bench.start.questions", quick ? 10_000 : 100_000);
        String groups = System.getProperty("bench.start.groups", "validate,run");
        // The big bank only when validate is measured: making and checking it takes minutes.
        Path bank = groups.contains("validate") ? dev.quiztutor.bench.bank.BankGen.bank(out.resolve("banks"), questions)
                : Path.of("quizzes");
        ColdStartBench bench = new ColdStartBench(ColdStartBench.jar(), out.resolve("start"));
        Path jsa = bench.archive();
        if (groups.contains("validate")) {
            // Fills the record of valid files for the "files unchanged" runs.
            bench.validateUnchanged(bank, List.of(), "first validate");
        }
        List<String> cds = List.of("-XX:SharedArchiveFile=" + jsa);
        line("## Cold start: whole processes, side by side");
        line("");
        line("Each round runs every process once, in a rotating order: "
                + (groups.contains("validate") ? "`quiztutor validate` of a bank of " + f0(questions) + " questions ("
                        + f0(folderBytes(bank) / 1e6) + " MB) against a bare Jackson tree parse of the same files in a"
                        + " fresh JVM (`BareParse`, files in parallel as the loader reads them); " : "")
                + "`quiztutor run` with the shipped bank until the fake Discord sees its session connected (READY,"
                + " guilds received, on a new store; *restart*: on the store of a run before, the everyday case)"
                + " against the bare JDA bot of the end-to-end floor. *CDS*: with"
                + " `-XX:SharedArchiveFile` of an AppCDS archive made by one training run of the jar"
                + " (`-XX:ArchiveClassesAtExit`). `validate` runs with `--no-cache` (every file parsed and checked)"
                + " but in *files unchanged*, where the files were found valid by a run before and are recognised"
                + " by their SHA-256. Wall time from launch, and CPU time (user + system, every thread, from"
                + " /usr/bin/time) of the processes that exit.");
        line("");
        line("| round | process | wall ms | wall ratio to its baseline (same round) | CPU ms (user + system) | CPU ratio |");
        line("|---:|---|---:|---:|---:|---:|");
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
        Map<String, List<Double>> cpuTimes = new LinkedHashMap<>();
        for (int r = 1; r <= repeats; r++) {
            List<java.util.concurrent.Callable<ColdStartBench.Run>> validate = new ArrayList<>(List.of(
                    () -> bench.bareParse(bank),
                    () -> bench.validate(bank, List.of(), "quiztutor validate"),
                    () -> bench.validate(bank, cds, "quiztutor validate, CDS"),
                    () -> bench.validateUnchanged(bank, cds, "quiztutor validate, CDS, files unchanged")));
            List<java.util.concurrent.Callable<ColdStartBench.Run>> ready = new ArrayList<>(List.of(
                    bench::bareReady,
                    () -> bench.runReady(List.of(), "quiztutor run"),
                    () -> bench.runReady(cds, "quiztutor run, CDS"),
                    () -> bench.restartReady(false, "quiztutor run, restart"),
                    () -> bench.restartReady(true, "config/quiztutor.sh run, restart")));
            String before = System.getProperty("bench.start.before", "");
            if (!before.isEmpty()) {
                // Another build (the jar before a change), without CDS.
                ready.add(() -> bench.runReady(Path.of(before), List.of(), "quiztutor run, before"));
            }
            List<List<java.util.concurrent.Callable<ColdStartBench.Run>>> chosen = new ArrayList<>();
            if (groups.contains("validate")) {
                chosen.add(validate);
            }
            if (groups.contains("run")) {
                chosen.add(ready);
            }
            for (List<java.util.concurrent.Callable<ColdStartBench.Run>> group : chosen) {
                java.util.Collections.rotate(group, r - 1);
                List<ColdStartBench.Run> runs = new ArrayList<>();
                for (java.util.concurrent.Callable<ColdStartBench.Run> c : group) {
                    runs.add(c.call());
                }
                ColdStartBench.Run base = runs.stream().filter(x -> x.what().startsWith("bare")).findFirst().orElseThrow();
                for (ColdStartBench.Run x : runs) {
                    double ratio = x.millis() / base.millis();
                    ratios.computeIfAbsent(x.what(), k -> new ArrayList<>()).add(ratio);
                    times.computeIfAbsent(x.what(), k -> new ArrayList<>()).add(x.millis());
                    String cpu = "| |";
                    if (x.cpuMillis() >= 0 && base.cpuMillis() > 0) {
                        double cpuRatio = x.cpuMillis() / base.cpuMillis();
                        cpuRatios.computeIfAbsent(x.what(), k -> new ArrayList<>()).add(cpuRatio);
                        cpuTimes.computeIfAbsent(x.what(), k -> new ArrayList<>()).add(x.cpuMillis());
                        cpu = f0(x.cpuMillis()) + " | " + f2(cpuRatio) + " |";
                    }
                    line("| " + r + " | " + x.what() + " | " + f0(x.millis()) + " | " + f2(ratio) + " | " + cpu);
                }
            }
            Files.writeString(out.resolve("report.partial.md"), report);
        }
        line("");
        line("Medians over the rounds (min–max):");
        line("");
        line("| process | wall ms | wall ratio to its baseline | CPU ms | CPU ratio |");
        line("|---|---|---|---|---|");
        for (String what : times.keySet()) {
            double[] t = arr(times.get(what));
            String cpu = " | |";
            if (cpuTimes.containsKey(what)) {
                double[] c = arr(cpuTimes.get(what));
                cpu = f0(Stats.median(c)) + " (" + f0(Stats.min(c)) + "–" + f0(Stats.max(c)) + ") | "
                        + spread(cpuRatios.get(what)) + " |";
            }
            line("| " + what + " | " + f0(Stats.median(t)) + " (" + f0(Stats.min(t)) + "–" + f0(Stats.max(t)) + ") | "
                    + spread(ratios.get(what)) + " | " + cpu);
        }
        line("");
    }

    private static long folderBytes(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    // ------------------------------------------------------------------ storage

    private void storage() throws Exception {
        line("## Storage: durable attempt events per second");
        line("");
        line("Each round on a fresh database: a plain JDBC loop of single-row autocommit INSERTs into"
                + " attempt_event (the baseline), then SqlAttemptJournal.append (a quarter of the events end"
                + " their attempt and add the two figure upserts). " + (quick ? 2 : 5) + " s each."
                + " *lost*: acknowledged appends missing when the rows are counted afterwards. PostgreSQL: "
                + StorageBench.postgresNote() + " (the test suite's throwaway server, default settings,"
                + " synchronous_commit=on).");
        line("");
        line("| database | writer | threads | round | events/s | ratio to plain 1 thread (same round) | lost |");
        line("|---|---|---:|---:|---:|---:|---:|");
        Duration length = Duration.ofSeconds(quick ? 2 : 5);
        Map<String, List<Double>> ratios = new TreeMap<>();
        for (String db : StorageBench.databases()) {
            for (int r = 1; r <= repeats; r++) {
                List<StorageBench.Result> results = StorageBench.round(db, out.resolve("storage"), length);
                double base = results.stream().filter(x -> x.writer().startsWith("plain") && x.threads() == 1)
                        .findFirst().orElseThrow().eventsPerSecond();
                for (StorageBench.Result x : results) {
                    double ratio = x.eventsPerSecond() / base;
                    ratios.computeIfAbsent(db + " " + x.writer() + " " + x.threads(), k -> new ArrayList<>()).add(ratio);
                    line("| " + db + " | " + x.writer() + " | " + x.threads() + " | " + r + " | "
                            + f0(x.eventsPerSecond()) + " | " + f2(ratio) + " | " + x.lost() + " |");
                }
            }
        }
        line("");
        line("Ratios over the rounds (median, min–max):");
        line("");
        for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            line("- " + e.getKey() + " thread(s): " + f2(Stats.median(v)) + " (" + f2(Stats.min(v)) + "–"
                    + f2(Stats.max(v)) + ")");
        }
        line("");
    }

    // ------------------------------------------------------------------ review cards

    private void cards() throws Exception {
        int members = quick ? 200 : 2000;
        int eventsEach = 500;
        int runs = quick ? 100 : 500;
        line("## Review cards: a member's due list with " + String.format(Locale.ROOT, "%,d", members * eventsEach)
                + " events stored");
        line("");
        line("SQLite, a fresh file each round: " + members + " members of one guild with " + eventsEach
                + " attempt events each (one answer per attempt, 100 questions, 60 days); the measured member's"
                + " events appended through SqlAttemptJournal (which keeps their cards), the others' bulk-inserted"
                + " with their cards. Each query run " + runs + " times after a warm-up; milliseconds. Baseline:"
                + " a plain indexed SELECT of the same member's card rows, every column read.");
        line("");
        line("| round | query | median ms | p99 ms | median ratio to baseline |");
        line("|---:|---|---:|---:|---:|");
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int r = 1; r <= repeats; r++) {
            List<CardBench.Result> results = CardBench.round(out.resolve("cards"), members, eventsEach, runs);
            double base = results.get(0).medianMillis();
            for (CardBench.Result x : results) {
                double ratio = x.medianMillis() / base;
                ratios.computeIfAbsent(x.what(), k -> new ArrayList<>()).add(ratio);
                line("| " + r + " | " + x.what() + " | " + f2(x.medianMillis()) + " | " + f2(x.p99Millis()) + " | "
                        + f2(ratio) + " |");
            }
        }
        line("");
        line("Median ratios to the baseline over the rounds (median, min–max):");
        line("");
        for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            line("- " + e.getKey() + ": " + f2(Stats.median(v)) + " (" + f2(Stats.min(v)) + "–" + f2(Stats.max(v)) + ")");
        }
        line("");
    }

    // ------------------------------------------------------------------ fan-out

    private void fanout() throws Exception {
        int guilds = Integer.getInteger("bench.fanout.guilds", quick ? 200 : 1000);
        List<FanoutBench.Variant> variants = Arrays.stream(System.getProperty("bench.fanout.variants",
                        quick ? "sequential:global,shipped:global"
                                : "sequential:none,shipped:none,sequential:global,shipped:global,threads:8:global,"
                                + "sequential:global@100,shipped:global@100,threads:8:global@100,threads:16:global@100,"
                                + "paced:8:40:global@100").split(","))
                .map(FanoutBench.Variant::parse).toList();
        line("## Fan-out: " + f0(guilds) + " guilds whose schedules fire in the same minute");
        line("");
        line("The real path: the bot started as `quiztutor run` wires it (default config, SQLite, the shipped bank;"
                + " in this JVM) against the fake Discord with " + f0(guilds) + " guilds, each with a channel and a"
                + " schedule stored through ScheduleStore.create, all due at 17:00 UTC (five time zones). A test clock is"
                + " set to that instant and the scheduler runs passes (tick) until every slot is settled; its"
                + " ChannelPoster posts through JDA. *To last post*: from the first pass's start until the fake"
                + " answered the last accepted post. Limits: *per-route*: 5 per 5 s per bucket (a channel's"
                + " message bucket); *global*: 50 requests per second per bot token (429 with `global: true`,"
                + " `X-RateLimit-Global`, `Retry-After` in whole seconds). Bound: " + f0(guilds) + " posts at 50/s = "
                + f1(guilds / 50.0) + " s. *Ignored*: requests that arrived while a global Retry-After ran (expected 0;"
                + " in brackets, how early the earliest came back, counted as on time within 10 ms: JDA counts the"
                + " wait in whole wall-clock milliseconds)."
                + " *Refused*: answers ≥ 400 other than 429. *Shipped*: the bot's own Scheduler, "
                + dev.quiztutor.schedule.Scheduler.Settings.DEFAULT_POSTS_AT_ONCE + " channels at once, its"
                + " ChannelPoster pacing post starts to 45/s (90 % of the global limit). *Baseline*: the design before"
                + " it, one post at a time, unpaced. *K at once* (alternatives): the same Scheduler posting to K"
                + " channels at once through an unpaced ChannelPoster; *paced R/s*: post starts spaced evenly at"
                + " that rate by the benchmark. *Network*: loopback"
                + " (the fake answers a post in about a millisecond), or every REST answer delayed to simulate Discord's"
                + " round trip. Each round is a fresh"
                + " fake, database and bot; each variant posts the next day's slots after a warm-up day (baseline, no"
                + " limits).");
        line("");
        line("| round | variant | limits | network | to last post s | ratio to bound | pass s | passes | global 429 | route 429"
                + " | ignored | refused | guilds with 1 post | slots posted once | max posts in a second | inside post() s"
                + " | CPU s |");
        line("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, List<FanoutBench.Result>> all = new LinkedHashMap<>();
        for (int r = 1; r <= repeats; r++) {
            System.out.println("fanout round " + r);
            try (FanoutBench bench = FanoutBench.start(guilds, out.resolve("fanout-r" + r))) {
                bench.day(FanoutBench.Variant.sequential(FanoutBench.Limits.NONE));     // warm-up
                for (FanoutBench.Variant v : variants) {
                    FanoutBench.Result x = bench.day(v);
                    System.out.println("  " + x);
                    all.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(x);
                    line("| " + r + " | " + v.name() + " | " + v.limits().label + " | " + v.network() + " | "
                            + f2(x.secondsToLast()) + " | "
                            + f2(x.ratioToBound()) + " | " + f2(x.passSeconds()) + " | " + x.passes() + " | "
                            + x.global429() + " | " + x.route429() + " | " + x.ignoredRetryAfter()
                            + (x.earliestRetryMillis() > 0 ? " (" + f1(x.earliestRetryMillis()) + " ms early)" : "")
                            + " | " + x.refused()
                            + " | " + x.guildsWithOnePost() + (x.guildsWithMore() > 0 ? " (" + x.guildsWithMore()
                            + " with more)" : "") + " | " + x.slotsPostedOnce() + (x.otherSlots().isEmpty() ? ""
                            : " " + x.otherSlots()) + " | " + x.maxPostsInASecond() + " | "
                            + (x.postSeconds() < 0 ? "" : f2(x.postSeconds())) + " | " + f1(x.cpuSeconds()) + " |");
                    Files.writeString(out.resolve("report.partial.md"), report);
                }
                line("| " + r + " | (the fake) | | | " + bench.fakeComplaints() + " | | | | | | | | | | | | |");
            }
        }
        line("");
        line("Medians over the rounds (min–max):");
        line("");
        line("| variant | limits | network | to last post s | ratio to the baseline | ratio to the " + f1(guilds / 50.0)
                + " s bound | global 429 | every guild exactly one post, nothing refused, every wait honoured |");
        line("|---|---|---|---|---:|---|---|---|");
        for (List<FanoutBench.Result> xs : all.values()) {
            FanoutBench.Variant v = xs.get(0).variant();
            double[] t = xs.stream().mapToDouble(FanoutBench.Result::secondsToLast).toArray();
            double[] q = xs.stream().mapToDouble(FanoutBench.Result::ratioToBound).toArray();
            double[] g = xs.stream().mapToDouble(FanoutBench.Result::global429).toArray();
            long ok = xs.stream().filter(FanoutBench.Result::correct).count();
            // Against the baseline of the same limits and network, the medians of the same rounds.
            String baseline = FanoutBench.Variant.sequential(v.limits()).withLatency(v.latency()).label();
            String vsBaseline = all.containsKey(baseline) ? f2(Stats.median(t) / Stats.median(all.get(baseline).stream()
                    .mapToDouble(FanoutBench.Result::secondsToLast).toArray())) : "";
            line("| " + v.name() + " | " + v.limits().label + " | " + v.network() + " | " + f2(Stats.median(t)) + " ("
                    + f2(Stats.min(t)) + "–"
                    + f2(Stats.max(t)) + ") | " + vsBaseline + " | " + f2(Stats.median(q)) + " (" + f2(Stats.min(q)) + "–" + f2(Stats.max(q))
                    + ") | " + f0(Stats.median(g)) + " (" + f0(Stats.min(g)) + "–" + f0(Stats.max(g)) + ") | " + ok + "/"
                    + xs.size() + " rounds |");
        }
        line("");
    }

    // ------------------------------------------------------------------ end to end

    private void e2e() throws Exception {
        int[] rates = Arrays.stream(System.getProperty("bench.e2e.rates",
                quick ? "250,1000" : "250,500,1000,1500,2000,2500,3000").split(",")).mapToInt(Integer::parseInt).toArray();
        int[] populations = Arrays.stream(System.getProperty("bench.e2e.users", "1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration step = Duration.ofSeconds(Integer.getInteger("bench.e2e.seconds", quick ? 3 : 8));
        List<String> childOptions = List.of();
        // floor: bare JDA; durable: the same that first commits a row per click to SQLite; ours.
        List<String> bots = List.of(System.getProperty("bench.e2e.bots", "floor,durable,ours").split(","));
        E2eBench bench = new E2eBench(out, step, Boolean.getBoolean("bench.jfr"), childOptions);
        line("## End to end: clicks on practice posts, ours against the bare-JDA floor");
        line("");
        line("The fake Discord (this JVM) sends INTERACTION_CREATE for answer-button clicks, open loop at a"
                + " fixed rate, for " + step.toSeconds() + " s per rate, to the bot under test in a child JVM"
                + " (-Xms1g -Xmx1g, default GC). *ours*: quiztutor wired as `quiztutor run` (default config,"
                + " SQLite, " + (System.getProperty("bench.e2e.workers", "").isEmpty()
                ? dev.quiztutor.config.Config.Discord.DEFAULT_WORKERS + " workers (the default)"
                : System.getProperty("bench.e2e.workers") + " workers (-Dbench.e2e.workers)") + "); *floor*: bare JDA answering every click with a constant ephemeral"
                + " message from its event thread; *durable*: the same bare bot, but a click is answered"
                + " only after a row for it is committed to SQLite with ours' durability (WAL, synchronous=FULL),"
                + " by one writer thread that commits the clicks queued meanwhile in one transaction (group"
                + " commit). Every click of a step is a distinct user's first answer on"
                + " that step's posts. Latency: INTERACTION_CREATE written to the gateway until the callback"
                + " request arrived (the fake's clock). *sustained*: no click failed (no callback, or refused"
                + " by the fake's 3 s deadline), none answered after 3 s, the generator kept its plan (lag"
                + " < 250 ms, ≥ 97% of the rate). CPU per click: the bot's process, and this process (fake +"
                + " generator); busy: both over the machine's cores. Each bot warms up with 20 s of clicks first.");
        line("");
        line("| round | users | bot | rate/s | p50 ms | p90 ms | p99 ms | max ms | failed | late | sustained"
                + " | bot CPU µs/click | driver CPU µs/click | busy | generator lag p99 ms |");
        line("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        Map<String, List<E2eBench.Step>> all = new LinkedHashMap<>();
        for (int r = 1; r <= repeats; r++) {
            for (int users : populations) {
                // Rotate which bot goes first, so that drift of the machine does not favour one.
                List<String> order = new ArrayList<>(bots);
                java.util.Collections.rotate(order, -(r - 1));
                if (r % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (String bot : order) {
                    System.out.println("e2e round " + r + " " + bot + " users=" + users);
                    List<E2eBench.Step> steps = bench.session(bot, users, rates, bot + "-" + users + "-r" + r);
                    for (E2eBench.Step s : steps) {
                        all.computeIfAbsent(r + "|" + users + "|" + bot, k -> new ArrayList<>()).add(s);
                        line("| " + r + " | " + users + " | " + bot + " | " + s.rate() + " | " + ms(s.p50()) + " | "
                                + ms(s.p90()) + " | " + ms(s.p99()) + " | " + ms(s.max()) + " | " + s.failed() + " | "
                                + s.late() + " | " + (s.sustained() ? "yes" : "**no**") + " | " + f0(s.botCpuPerClick())
                                + " | " + f0(s.driverCpuPerClick()) + " | " + f0(s.cpuBusy() * 100) + "% | "
                                + f1(s.lagP99Ms()) + " |");
                    }
                    Files.writeString(out.resolve("report.partial.md"), report);
                }
            }
        }
        line("");
        for (String ours : bots.stream().filter(b -> b.startsWith("ours")).toList()) {
            for (String base : List.of("floor", "durable")) {
                if (bots.contains(base)) {
                    ratios(all, populations, rates, base, ours);
                }
            }
        }
        if (bots.contains("floor") && bots.contains("durable")) {
            ratios(all, populations, rates, "floor", "durable");
        }
        line("Highest sustained rate per round (of the rates tried):");
        line("");
        for (int users : populations) {
            for (String bot : bots) {
                List<String> best = new ArrayList<>();
                for (int r = 1; r <= repeats; r++) {
                    int top = 0;
                    for (E2eBench.Step s : all.getOrDefault(r + "|" + users + "|" + bot, List.of())) {
                        if (s.sustained()) {
                            top = Math.max(top, s.rate());
                        } else {
                            break;
                        }
                    }
                    best.add(Integer.toString(top));
                }
                line("- " + users + " users, " + bot + ": " + String.join(", ", best) + " clicks/s");
            }
        }
        line("");
    }

    /** {@code bot}'s figures as ratios to {@code base}'s, same round and rate. */
    private void ratios(Map<String, List<E2eBench.Step>> all, int[] populations, int[] rates, String base, String bot) {
        line("### " + bot + " as ratios to " + base + " (same round, same rate)");
        line("");
        line("| users | rate/s | p50 ratio (median, range) | p99 ratio (median, range) | max ratio (median) | bot CPU"
                + " per click ratio (median) | " + base + " sustained (rounds) | " + bot + " sustained (rounds) |");
        line("|---:|---:|---|---|---:|---:|---:|---:|");
        for (int users : populations) {
            for (int rate : rates) {
                List<Double> p50 = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                List<Double> max = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                int floorOk = 0;
                int oursOk = 0;
                int rounds = 0;
                for (int r = 1; r <= repeats; r++) {
                    E2eBench.Step f = find(all.get(r + "|" + users + "|" + base), rate);
                    E2eBench.Step o = find(all.get(r + "|" + users + "|" + bot), rate);
                    floorOk += f != null && f.sustained() ? 1 : 0;
                    oursOk += o != null && o.sustained() ? 1 : 0;
                    if (f == null || o == null) {
                        continue;
                    }
                    rounds++;
                    p50.add(o.p50() / (double) Math.max(1, f.p50()));
                    p99.add(o.p99() / (double) Math.max(1, f.p99()));
                    max.add(o.max() / (double) Math.max(1, f.max()));
                    cpu.add(o.botCpuPerClick() / f.botCpuPerClick());
                }
                if (rounds == 0 && floorOk == 0 && oursOk == 0) {
                    continue;
                }
                line("| " + users + " | " + rate + " | " + spread(p50) + " | " + spread(p99) + " | "
                        + f2(Stats.median(arr(max))) + " | " + f2(Stats.median(arr(cpu))) + " | " + floorOk + "/" + repeats
                        + " | " + oursOk + "/" + repeats + " |");
            }
        }
        line("");
    }

    private static E2eBench.Step find(List<E2eBench.Step> steps, int rate) {
        if (steps == null) {
            return null;
        }
        return steps.stream().filter(s -> s.rate() == rate).findFirst().orElse(null);
    }

    private static double[] arr(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String spread(List<Double> values) {
        if (values.isEmpty()) {
            return "–";
        }
        double[] v = arr(values);
        return f2(Stats.median(v)) + " (" + f2(Stats.min(v)) + "–" + f2(Stats.max(v)) + ")";
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a measurement in a fresh JVM on our classpath; returns its key=value lines. */
    private Map<String, String> child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dbench.out=" + out);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> values = new LinkedHashMap<>();
        int jol = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = in.readLine()) != null) {
                if (l.startsWith("jol|")) {
                    values.put(String.format(Locale.ROOT, "jol|%03d", jol++), l.substring(4));
                } else {
                    for (String part : l.split(" ")) {
                        int eq = part.indexOf('=');
                        if (eq > 0 && !part.startsWith("-")) {
                            values.put(part.substring(0, eq), part.substring(eq + 1));
                        }
                    }
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("measurement " + List.of(args) + " failed: " + values);
        }
        return values;
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static String ms(long micros) {
        return micros >= 100_000 ? f0(micros / 1000.0) : f1(micros / 1000.0);
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
