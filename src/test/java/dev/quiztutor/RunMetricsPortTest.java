package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.discord.fake.FakeDiscord;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiztutor run} as an operator starts it, in a JVM of its own against the fake Discord: the
 * metrics port is off unless configured (the process listens on no port at all), and on when
 * {@code metrics.port} is set, on the loopback address, with /health and /metrics answering.
 * Listening sockets are read from Linux's /proc; elsewhere the test is skipped.
 */
class RunMetricsPortTest {
    private static final Duration READY = Duration.ofSeconds(90);

    @Test
    void byDefaultTheBotListensOnNoPort(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc");
        try (FakeDiscord discord = FakeDiscord.start()) {
            Process bot = start(dir, discord);
            try {
                awaitRunning(bot, dir);
                assertEquals(List.of(), listening(bot.pid()), "no port without metrics.port");
            } finally {
                stop(bot);
            }
        }
    }

    @Test
    void withMetricsPortItListensOnTheLoopbackAndAnswersHealthAndMetrics(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/quiztutor.yml"), "metrics:\n  port: " + port + "\n");
        try (FakeDiscord discord = FakeDiscord.start()) {
            Process bot = start(dir, discord);
            try {
                awaitRunning(bot, dir);
                assertEquals(List.of("127.0.0.1:" + port), listening(bot.pid()), "one port, on the loopback only");
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(metrics.body().contains("quiztutor_attempt_cache_size"), metrics.body());
                assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("metrics on http://127.0.0.1:" + port + "/metrics"));
            } finally {
                stop(bot);
            }
        }
    }

    /** {@code quiztutor run} in {@code dir} (its config/quiztutor.yml, if any), connected to {@code discord}. */
    private static Process start(Path dir, FakeDiscord discord) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.quiztutor.Main", "run",
                "--quizzes", Fixtures.SHIPPED.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUIZTUTOR_"));
        builder.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
        builder.environment().put("QUIZTUTOR_DISCORD_API_BASE_URL", discord.restBaseUrl());
        builder.environment().put("QUIZTUTOR_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        builder.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectInput(new File("/dev/null"));
        return builder.start();
    }

    private static void awaitRunning(Process bot, Path dir) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        Path err = dir.resolve("stderr.txt");
        while (!Files.readString(err).contains("quiztutor is running")) {
            if (!bot.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("quiztutor run did not connect: " + Files.readString(err));
            }
            Thread.sleep(100);
        }
    }

    private static void stop(Process bot) throws InterruptedException {
        bot.destroy();
        if (!bot.waitFor(30, TimeUnit.SECONDS)) {
            bot.destroyForcibly();
        }
    }

    /** The addresses the process's own sockets listen on (TCP, IPv4 and IPv6), as "host:port". */
    static List<String> listening(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    out.add(address(f[1]));
                }
            }
        }
        return out;
    }

    /** "0100007F:24E0" (little-endian IPv4, hex port) as "127.0.0.1:9440"; other IPv6 addresses stay hex. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String ipv4 = parts[0];
        if (ipv4.length() == 32 && ipv4.startsWith("0000000000000000FFFF0000")) {
            ipv4 = ipv4.substring(24); // an IPv4 address on a dual-stack socket (::ffff:a.b.c.d)
        }
        if (ipv4.length() != 8) {
            return "[" + parts[0] + "]:" + port;
        }
        long ip = Long.parseLong(ipv4, 16);
        return (ip & 0xFF) + "." + ((ip >> 8) & 0xFF) + "." + ((ip >> 16) & 0xFF) + "." + ((ip >> 24) & 0xFF) + ":" + port;
    }
}
