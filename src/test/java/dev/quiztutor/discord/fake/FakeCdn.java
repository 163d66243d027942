package dev.quiztutor.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The fake's attachment CDN, on an HTTP server of its own (as cdn.discordapp.com is not the API):
 * a file a user attaches to a slash command is served from here, and so is every file the bot
 * sends, so that a test can read it back. It records which paths were fetched.
 */
public final class FakeCdn implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    FakeCdn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-discord-cdn");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Hosts {@code bytes} as attachment {@code id}; the URL it is served at. */
    String put(long id, String filename, byte[] bytes) {
        String path = "/attachments/0/" + Json.id(id) + "/" + filename;
        files.put(path, bytes.clone());
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The content of a hosted file by its URL; null when it is not hosted here. */
    public byte[] content(String url) {
        int slash = url.indexOf("/attachments/");
        return slash < 0 ? null : files.get(url.substring(slash));
    }

    /** The paths fetched so far, in order. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            fetched.add(path);
            byte[] body = files.get(path);
            if (body == null || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
