package dev.quiztutor.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quiztutor.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP port ({@code metrics.port}, off by default): {@code GET /metrics} in
 * Prometheus's text format and {@code GET /health}, 200 or 503 with the reasons. Served by the JDK's
 * own HTTP server, on two threads of its own: a scrape never waits on an interaction, nor one on a scrape.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** The port cannot be opened (taken, not allowed, an address this machine does not have). */
    public static final class CannotListen extends Exception {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private OpsServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens as {@code settings} say, or returns empty when {@code metrics.port} is not set. */
    public static Optional<OpsServer> start(Config.Metrics settings, PrometheusMetrics metrics, Health health)
            throws CannotListen {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        if (address.isUnresolved()) {
            throw new CannotListen("metrics.bind " + settings.bind() + ": no such address on this machine", null);
        }
        return Optional.of(start(address, metrics, health));
    }

    /** Listens on {@code address} (port 0: any free port, as tests use). */
    public static OpsServer start(InetSocketAddress address, PrometheusMetrics metrics, Health health)
            throws CannotListen {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new CannotListen("metrics.port: cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "quiztutor-metrics-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/metrics", exchange -> serve(exchange, "/metrics",
                () -> new Answer(200, PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext("/health", exchange -> serve(exchange, "/health", () -> {
            Health.Report report = health.check();
            return new Answer(report.healthy() ? 200 : 503, "text/plain; charset=utf-8", report.body());
        }));
        server.createContext("/", exchange -> serve(exchange, "/",
                () -> new Answer(404, "text/plain; charset=utf-8", "Not found. Try /metrics or /health.\n")));
        server.start();
        return new OpsServer(server, threads);
    }

    /** The port it listens on (the one configured). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to scrape, for the log: "http://127.0.0.1:9464". */
    public String url() {
        java.net.InetSocketAddress at = server.getAddress();
        String host = at.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + at.getPort();
    }

    private record Answer(int status, String type, String body) {
    }

    private static void serve(HttpExchange exchange, String path, java.util.function.Supplier<Answer> answer) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Answer a;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                a = new Answer(405, "text/plain; charset=utf-8", "Only GET and HEAD.\n");
            } else if (!exchange.getRequestURI().getPath().equals(path)) {
                a = new Answer(404, "text/plain; charset=utf-8", "Not found. Try /metrics or /health.\n");
            } else {
                a = answer.get();
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.type());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(a.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("metrics request not answered: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("metrics request failed", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
