package dev.quiztutor.bench.start;

import dev.quiztutor.bench.e2e.BotUnderTest;
import dev.quiztutor.discord.fake.FakeDiscord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start, whole processes side by side in the same run: {@code quiztutor validate} of a bank
 * against {@link BareParse} of the same files, and {@code quiztutor run} until its gateway session
 * is connected (READY and the guilds received, as the fake Discord sees it) against a bare JDA bot
 * connecting the same way. Each with and without an AppCDS archive of the jar's classes.
 */
public final class ColdStartBench {
    /**
     * One measured process: what ran, its wall time from launch (exit, or connected), and the CPU
     * time (user + system, all threads) of a process that ran to its exit, or -1. On a shared machine
     * the CPU time is the steadier figure: wall time there is mostly the other processes' load.
     */
    public record Run(String what, double millis, double cpuMillis) {
        Run(String what, double[] measured) {
            this(what, measured[0], measured[1]);
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private final Path jar;
    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    public ColdStartBench(Path jar, Path work) throws IOException {
        this.jar = jar.toAbsolutePath();
        this.work = work.toAbsolutePath();
        Files.createDirectories(work);
    }

    /** The jar the bench profile packages (target/bench-build), else the plain build's. */
    public static Path jar() {
        for (String candidate : List.of("target/bench-build/quiztutor.jar", "target/quiztutor.jar")) {
            if (Files.exists(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("no quiztutor.jar: run `mvn -B -Pbench verify` (it packages first)");
    }

    /**
     * An AppCDS archive as a user makes one: a dynamic archive written when a training run of the
     * jar exits ({@code -XX:ArchiveClassesAtExit}); the runs validate the shipped bank and connect to
     * the fake once, so the classes of both commands are in it.
     */
    public Path archive() throws Exception {
        Path jsa = work.resolve("quiztutor.jsa");
        Files.deleteIfExists(jsa);
        List<String> options = List.of("-XX:ArchiveClassesAtExit=" + jsa);
        // The shipped bank loads the same classes as a big one, in a fraction of the time.
        run(options, "validate", "--no-cache", Path.of("quizzes").toAbsolutePath().toString());
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).start()) {
            ready(jar, options, discord, "run-training");
        }
        if (!Files.exists(jsa)) {
            throw new IllegalStateException("no archive written: " + jsa);
        }
        return jsa;
    }

    /** {@code quiztutor validate bank}, the whole process. */
    public Run validate(Path bank, List<String> jvm, String label) throws Exception {
        return new Run(label, run(jvm, "validate", "--no-cache", bank.toString()));
    }

    /**
     * {@code quiztutor validate bank} of files it found valid before (the record of valid files, in
     * this benchmark's own cache folder, is filled by a first run).
     */
    public Run validateUnchanged(Path bank, List<String> jvm, String label) throws Exception {
        return new Run(label, run(jvm, "validate", bank.toString()));
    }

    /** The bare parse of the same files, the whole process. */
    public Run bareParse(Path bank) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", jar + File.pathSeparator
                + Path.of(BareParse.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                BareParse.class.getName(), bank.toString()));
        return new Run("bare Jackson parse", time(cmd, work.resolve("bare.log")));
    }

    /** {@code quiztutor run} with the shipped bank until the fake sees its session connected. */
    public Run runReady(List<String> jvm, String label) throws Exception {
        return runReady(jar, jvm, label);
    }

    /** The same with another build's jar (such as the one before a change). */
    public Run runReady(Path jar, List<String> jvm, String label) throws Exception {
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).start()) {
            return new Run(label, ready(jar.toAbsolutePath(), jvm, discord, label.replaceAll("[^a-z]+", "-")), -1);
        }
    }

    /** The bare JDA bot of the end-to-end floor, until the fake sees its session connected. */
    public Run bareReady() throws Exception {
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).start()) {
            List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), BotUnderTest.class.getName(),
                    "floor", discord.restBaseUrl(), discord.gatewayUrl(), work.resolve("floor").toString());
            return new Run("bare JDA bot", connect(cmd, discord, work.resolve("floor.log"), Path.of(".")), -1);
        }
    }

    private double ready(Path jar, List<String> jvm, FakeDiscord discord, String tag) throws Exception {
        return ready(jar, jvm, discord, tag, false, false);
    }

    /**
     * {@code quiztutor run} restarted on the store a first, untimed run made (the everyday case: the
     * schema is up to date), plain or through {@code config/quiztutor.sh}, whose first run also writes
     * the class archive every later start uses.
     */
    public Run restartReady(boolean launcher, String label) throws Exception {
        String tag = "restart-" + (launcher ? "launcher" : "plain");
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).start()) {
            if (!Files.exists(work.resolve(tag).resolve("quiztutor.db"))) {
                ready(jar, List.of(), discord, tag, true, launcher);
            }
        }
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).start()) {
            return new Run(label, ready(jar, List.of(), discord, tag, true, launcher), -1);
        }
    }

    private double ready(Path jar, List<String> jvm, FakeDiscord discord, String tag, boolean keepDatabase,
                         boolean launcher) throws Exception {
        Path dir = work.resolve(tag);
        Files.createDirectories(dir);
        Path db = dir.resolve("quiztutor.db");
        if (!keepDatabase) {
            Files.deleteIfExists(db);
        }
        Path config = dir.resolve("quiztutor.yml");
        Files.writeString(config, "discord:\n  apiBaseUrl: " + discord.restBaseUrl() + "\n  gatewayUrl: "
                + discord.gatewayUrl() + "\nstorage:\n  url: jdbc:sqlite:" + db + "\n");
        List<String> cmd = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        if (launcher) {
            cmd.addAll(List.of("/bin/sh", Path.of("config/quiztutor.sh").toAbsolutePath().toString()));
            env.put("QUIZTUTOR_JAR", jar.toString());
            env.put("QUIZTUTOR_CDS", dir.resolve("cds").toString());
            env.put("JAVA", java);
            env.put("JAVA_OPTS", String.join(" ", jvm));
        } else {
            cmd.add(java);
            cmd.addAll(jvm);
            cmd.addAll(List.of("-jar", jar.toString()));
        }
        cmd.addAll(List.of("run", "--config", config.toString(), "--quizzes",
                Path.of("quizzes").toAbsolutePath().toString()));
        if (Boolean.getBoolean("bench.start.verbose")) {
            // The libraries' log lines too (Flyway, Hikari, JDA), to see where the time goes.
            cmd.add("--verbose");
        }
        return connect(cmd, env, discord, dir.resolve("run.log"), Path.of("."));
    }

    private static double connect(List<String> cmd, FakeDiscord discord, Path log, Path dir) throws Exception {
        return connect(cmd, Map.of(), discord, log, dir);
    }

    private static double connect(List<String> cmd, Map<String, String> env, FakeDiscord discord, Path log, Path dir)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
        pb.environment().remove("QUIZTUTOR_DISCORD_API_BASE_URL");
        pb.environment().remove("QUIZTUTOR_DISCORD_GATEWAY_URL");
        pb.environment().remove("QUIZTUTOR_STORAGE_URL");
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            discord.awaitGatewaySessions(1, Duration.ofSeconds(60));
            return (System.nanoTime() - start) / 1e6;
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private double[] run(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return time(cmd, work.resolve(args[0] + ".log"));
    }

    private static double[] time(List<String> cmd, Path log) throws Exception {
        Path cpu = Path.of(log + ".cpu");
        Files.deleteIfExists(cpu);
        List<String> timed = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            timed.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", cpu.toString()));
        }
        timed.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile());
        // The record of valid files (ValidatedFiles) goes to this benchmark's folder, not the user's.
        pb.environment().put("XDG_CACHE_HOME", log.getParent().resolve("cache").toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd + "; see " + log);
        }
        double cpuMillis = -1;
        if (Files.exists(cpu)) {
            String[] parts = Files.readString(cpu).trim().split("\\s+");
            cpuMillis = (Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1])) * 1000;
        }
        return new double[] {millis, cpuMillis};
    }
}
