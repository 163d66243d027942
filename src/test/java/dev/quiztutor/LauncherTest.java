package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/quiztutor.sh, the launcher the systemd unit and the Docker image start the bot with: the
 * first start of a jar writes a class-data archive as it exits, the starts after use it, and a new
 * jar gets a new one.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("config/quiztutor.sh").toAbsolutePath();

    /** A real JVM and a real jar: the archive is written by the first start and opened by the second. */
    @Test
    void theFirstStartWritesTheArchiveAndTheNextOneUsesIt(@TempDir Path dir) throws Exception {
        Path jar = helloJar(dir.resolve("quiztutor.jar"));
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("QUIZTUTOR_JAR", jar.toString(), "QUIZTUTOR_CDS", data.toString(),
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());

        Result first = launch(dir, env, "run", "--verbose");
        assertEquals(0, first.exit(), first.output());
        assertEquals("hello run --verbose", first.output().strip(), "the arguments reach the bot, no JVM chatter");
        List<Path> archives = archives(data);
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().startsWith("quiztutor-run-"), archives.toString());

        Map<String, String> logging = new java.util.HashMap<>(env);
        logging.put("JAVA_OPTS", "-Xlog:cds=info");
        Result second = launch(dir, logging, "run");
        assertEquals(0, second.exit(), second.output());
        assertTrue(second.output().contains("Opened archive " + archives.get(0)), second.output());

        // A new jar (another build): a new archive, and the old one goes.
        helloJar(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Result third = launch(dir, env, "run");
        assertEquals(0, third.exit(), third.output());
        List<Path> now = archives(data);
        assertEquals(1, now.size(), now.toString());
        assertFalse(now.equals(archives), "the archive of the old jar was replaced: " + now);
    }

    /** Without a folder it may write, it starts as plain java -jar; without a jar it says how to build one. */
    @Test
    void itStartsWithoutAnArchiveWhereItCannotWriteAndExplainsAMissingJar(@TempDir Path dir) throws Exception {
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        Path jar = helloJar(dir.resolve("quiztutor.jar"));
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "");

        Result plain = launch(dir, Map.of("QUIZTUTOR_JAR", jar.toString(), "QUIZTUTOR_CDS", notAFolder + "/data",
                "JAVA", fakeJava.toString()));
        assertEquals(0, plain.exit(), plain.output());
        assertFalse(plain.output().contains("-XX:"+ "SharedArchiveFile") || plain.output().contains("ArchiveClassesAtExit"),
                plain.output());
        assertTrue(plain.output().strip().endsWith("-jar " + jar + " run"), "run is the default command: " + plain.output());

        Result missing = launch(dir, Map.of("QUIZTUTOR_JAR", dir.resolve("nothing.jar").toString(), "JAVA", fakeJava.toString()));
        assertEquals(2, missing.exit());
        assertTrue(missing.output().contains("no jar at " + dir.resolve("nothing.jar")), missing.output());
        assertTrue(missing.output().contains("mvn -B -q -DskipTests package"), missing.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result launch(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(process.exitValue(), output);
    }

    private static List<Path> archives(Path data) throws IOException {
        try (var files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** A jar whose main class prints "hello" and its arguments. */
    private static Path helloJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(entry));
            jarOut.write(LauncherTest.class.getClassLoader().getResourceAsStream(entry).readAllBytes());
            jarOut.closeEntry();
        }
        return jar;
    }

    /** The main class of the test jar. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello " + String.join(" ", args));
        }
    }
}
