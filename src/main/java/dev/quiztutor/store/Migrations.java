package dev.quiztutor.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * The schema migrations this build ships (Flyway's {@code db/migration} and the database's own
 * folder), and whether a database already has exactly them. Every start of the bot used to run
 * Flyway, which loads some 400 classes and reads the jar to find out that there is nothing to do;
 * when this says so, the start skips it. Anything else (a new database, a migration missing, failed,
 * edited or unknown to this build) is left to Flyway, which migrates or says what is wrong.
 */
final class Migrations {
    private static final Pattern SCRIPT = Pattern.compile("db/(migration|sqlite|postgresql)/V(\\d+)__[^/]*\\.sql");

    /** A versioned script: its version as Flyway records it, and Flyway's checksum of its text. */
    record Script(String version, int checksum) {
    }

    private Migrations() {
    }

    /** Whether the schema history holds every shipped script, unchanged and successful, and nothing more. */
    static boolean applied(DataSource source, Database.Dialect dialect) {
        Optional<Map<String, Integer>> shipped = shipped(dialect);
        if (shipped.isEmpty()) {
            return false;
        }
        Map<String, Integer> recorded = new HashMap<>();
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, checksum, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(3) || recorded.put(rows.getString(1), rows.getInt(2)) != null) {
                    return false;
                }
            }
        } catch (SQLException e) {
            // No history table yet: a new database.
            return false;
        }
        return recorded.equals(shipped.get());
    }

    /** The scripts for {@code dialect} by version, or empty if they cannot be listed from where the classes are. */
    static Optional<Map<String, Integer>> shipped(Database.Dialect dialect) {
        String own = dialect == Database.Dialect.SQLITE ? "sqlite" : "postgresql";
        Map<String, Integer> scripts = new HashMap<>();
        try {
            for (String name : names()) {
                Matcher m = SCRIPT.matcher(name);
                if (m.matches() && (m.group(1).equals("migration") || m.group(1).equals(own))
                        && scripts.put(m.group(2), checksum(name)) != null) {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return scripts.isEmpty() ? Optional.empty() : Optional.of(scripts);
    }

    /** The resource names under db/, from the jar or the classes folder this class was loaded from. */
    private static List<String> names() throws IOException, URISyntaxException {
        Path from = Path.of(Migrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(from)) {
            Path db = from.resolve("db");
            try (Stream<Path> files = Files.walk(db)) {
                files.filter(Files::isRegularFile).forEach(f -> names.add(from.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(from.toFile())) {
                jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("db/")).forEach(names::add);
            }
        }
        return names;
    }

    /** Flyway's checksum: a CRC32 of the script's lines, without line breaks or a byte order mark. */
    static int checksum(String resource) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
