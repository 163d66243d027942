package dev.quiztutor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the storage tests: the one named by {@code QUIZTUTOR_TEST_POSTGRES_URL}
 * (with {@code _USER} and {@code _PASSWORD}), or else a throwaway server started once per JVM from
 * Debian's binaries ({@code /usr/lib/postgresql/<version>/bin}), its data under
 * {@code target/postgres-test/<pid>}, stopped and deleted by a shutdown hook. Each test gets a schema
 * of its own, so tests never see each other's rows and an external server needs no CREATEDB right.
 *
 * <p>PostgreSQL refuses to run as root. As root the server runs as the {@code postgres} user (or
 * {@code nobody}) through {@code runuser}, which needs no password; its data folder is given to that
 * user, and moved to the temp folder when that user cannot reach {@code target/} (a checkout under
 * /root, say).
 */
final class TestPostgres {
    static final String URL_ENV = "QUIZTUTOR_TEST_POSTGRES_URL";
    static final String ROOT_PROPERTY = "quiztutor.test.postgresRoot";
    private static final String SUPERUSER = "quiztutor";
    private static final AtomicInteger schemas = new AtomicInteger();
    private static Availability availability;

    /** A server to use, or why there is none. */
    record Availability(Optional<Server> server, String reason) {
    }

    record Server(String url, String user, String password, String origin) {
    }

    private TestPostgres() {
    }

    static synchronized Availability availability() {
        if (availability == null) {
            availability = find();
        }
        return availability;
    }

    private static Availability find() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return available(new Server(url, System.getenv(URL_ENV + "_USER"),
                    System.getenv(URL_ENV + "_PASSWORD"), URL_ENV));
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return new Availability(Optional.empty(), "no PostgreSQL: " + URL_ENV + " is not set and there is no "
                    + System.getProperty(ROOT_PROPERTY, "/usr/lib/postgresql")
                    + "/<version>/bin/initdb (run .ci/install-postgres.sh)");
        }
        try {
            return available(start(bin.get()));
        } catch (IOException | RuntimeException e) {
            return new Availability(Optional.empty(), "could not start a throwaway PostgreSQL from " + bin.get()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(Optional.empty(), "interrupted while starting PostgreSQL");
        }
    }

    private static Availability available(Server server) {
        return new Availability(Optional.of(server), "PostgreSQL from " + server.origin());
    }

    /** A fresh, empty schema on the server: the url selects it, so Flyway migrates into it. */
    static StorageSettings newSchema(Server server) {
        String schema = "t" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
        execute(server, "CREATE SCHEMA " + schema);
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new StorageSettings(url, Optional.ofNullable(server.user()), Optional.ofNullable(server.password()),
                StorageSettings.DEFAULT_POOL_SIZE);
    }

    static void dropSchema(Server server, StorageSettings settings) {
        String url = settings.url();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(Server server, String sql) {
        Properties properties = new Properties();
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(server.url(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ the throwaway server

    /**
     * The newest installed version's binaries. The system property {@value #ROOT_PROPERTY} moves the
     * search (to check the skip and the CI failure without uninstalling anything).
     */
    private static Optional<Path> binaries() {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, "/usr/lib/postgresql"));
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionNumber(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Server start(Path bin) throws IOException, InterruptedException {
        Optional<String> runAs = isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
        Path base = baseFolder();
        sweepStale(base, bin, runAs);
        Path home = base.resolve(String.valueOf(ProcessHandle.current().pid()));
        if (runAs.isPresent() && !reachableBy(home)) {
            // The user cannot traverse to target/ (a checkout in /root): use the temp folder.
            home = Files.createTempDirectory("quiztutor-postgres-");
            setOthersTraversable(home);
        }
        deleteTree(home);
        Files.createDirectories(home);
        Path data = home.resolve("data");
        Path log = home.resolve("server.log");
        if (runAs.isPresent()) {
            chown(home, runAs.get());
        }
        run(runAs, 120, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
        // No Unix socket: its folder (/var/run/postgresql) may not exist or be writable, and its path
        // length is limited; the tests connect over TCP on 127.0.0.1. fsync stays on although the data
        // is disposable: commits then cost what they cost in production, which the append-rate test
        // compares against (with fsync off it would compare CPU alone), and the suite is only a few
        // seconds slower.
        int port = 0;
        for (int attempt = 1; port == 0; attempt++) {
            int free = freePort();
            String options = "-c listen_addresses=127.0.0.1 -p " + free
                    + " -c unix_socket_directories='' -c max_connections=200";
            try {
                run(runAs, 120, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                        "-o", options, "-w", "-t", "60", "start");
                port = free;
            } catch (IOException e) {
                // Another process may have taken the port between our check and the server's start.
                if (attempt == 3) {
                    throw new IOException(e.getMessage() + "; server log: " + tail(log), e);
                }
            }
        }
        Path stopHome = home;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, runAs, stopHome), "stop-test-postgres"));
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        return new Server(url, SUPERUSER, null, "a throwaway server (" + bin.getParent().getFileName() + ", port "
                + port + (runAs.map(u -> ", run as " + u).orElse("")) + ")");
    }

    private static void stop(Path bin, Optional<String> runAs, Path home) {
        try {
            Path data = home.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(runAs, 60, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop");
            }
            deleteTree(home);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL in " + home + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Servers left by test JVMs that were killed before their shutdown hook ran. */
    private static void sweepStale(Path base, Path bin, Optional<String> runAs) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> homes;
        try (Stream<Path> list = Files.list(base)) {
            homes = list.filter(Files::isDirectory).toList();
        }
        for (Path home : homes) {
            String name = home.getFileName().toString();
            boolean owned = name.chars().allMatch(Character::isDigit)
                    && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
            if (!owned) {
                stop(bin, runAs, home);
            }
        }
    }

    private static Path baseFolder() {
        String basedir = System.getProperty("basedir", ".");
        return Path.of(basedir, "target", "postgres-test").toAbsolutePath();
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return id.waitFor() == 0 && uid.equals("0");
    }

    private static String unprivilegedUser() throws IOException, InterruptedException {
        for (String user : List.of("postgres", "nobody")) {
            Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            id.getInputStream().readAllBytes();
            if (id.waitFor() == 0) {
                return user;
            }
        }
        throw new IOException("running as root and neither the 'postgres' nor the 'nobody' user exists;"
                + " PostgreSQL refuses to run as root");
    }

    /** Every folder above {@code home} lets others in, or will once it exists (created by us, 755). */
    private static boolean reachableBy(Path home) throws IOException {
        for (Path p = home.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static void setOthersTraversable(Path folder) throws IOException {
        var permissions = Files.getPosixFilePermissions(folder);
        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        permissions.add(PosixFilePermission.GROUP_EXECUTE);
        Files.setPosixFilePermissions(folder, permissions);
    }

    private static void chown(Path folder, String user) throws IOException {
        UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(folder, owner);
    }

    private static void run(Optional<String> runAs, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        runAs.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        // Read while waiting: a full pipe would block the child.
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (exit " + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip().replace('\n', ' '));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean requiredByCi() {
        return "true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT));
    }
}
