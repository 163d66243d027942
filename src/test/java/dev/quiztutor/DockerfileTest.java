package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read as Docker would read it: no Docker engine runs on the build machines, so what
 * can be checked without one is checked here (stages, the user, the volumes, the token, the paths it
 * copies). README, "Running it for real", says what was tried and how.
 */
class DockerfileTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    /** One instruction, its continuation lines joined, comments dropped. */
    private record Instruction(String keyword, String args) {
    }

    private static List<Instruction> instructions() throws Exception {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && pending.isEmpty() || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            out.add(new Instruction(whole.substring(0, space).toUpperCase(java.util.Locale.ROOT), whole.substring(space + 1).strip()));
        }
        return out;
    }

    /** The instructions of the last stage: what the image that runs is made of. */
    private static List<Instruction> runStage() throws Exception {
        List<Instruction> all = instructions();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    @Test
    void itBuildsWithMavenOnATemurin17JdkAndRunsOnAJre() throws Exception {
        List<String> stages = instructions().stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::args).toList();
        assertEquals(2, stages.size(), "multi-stage: " + stages);
        assertTrue(stages.get(0).matches("maven:3\\.8\\.7-eclipse-temurin-17 AS build"),
                "the pom's Maven (3.8.7) on a Temurin 17 JDK: " + stages.get(0));
        assertEquals("eclipse-temurin:17-jre", stages.get(1), "the runtime is a JRE, without Maven or the sources");
    }

    @Test
    void itRunsAsAUserOfItsOwnWithDataAndQuizzesAsVolumesAndRunAsTheDefaultCommand() throws Exception {
        List<Instruction> run = runStage();
        List<String> users = run.stream().filter(i -> i.keyword().equals("USER")).map(Instruction::args).toList();
        assertEquals(List.of("quiztutor"), users);
        int user = indexOf(run, "USER");
        assertTrue(user < indexOf(run, "ENTRYPOINT") && user < indexOf(run, "CMD"), "the bot starts as that user");
        assertTrue(run.stream().anyMatch(i -> i.keyword().equals("RUN") && i.args().contains("useradd --system")
                && i.args().contains("quiztutor")), "the user is created, not assumed");
        assertTrue(run.stream().anyMatch(i -> i.keyword().equals("RUN") && i.args().contains("chown quiztutor:quiztutor /app/data")),
                "the user may write its data folder");
        String volume = run.stream().filter(i -> i.keyword().equals("VOLUME")).map(Instruction::args).findFirst().orElse("");
        assertEquals("[\"/app/data\", \"/app/quizzes\"]", volume);
        assertEquals("[\"/bin/sh\", \"/app/quiztutor.sh\"]",
                run.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).findFirst().orElseThrow().args());
        assertEquals("[\"run\"]", run.stream().filter(i -> i.keyword().equals("CMD")).findFirst().orElseThrow().args());
        assertEquals("/app", run.stream().filter(i -> i.keyword().equals("WORKDIR")).findFirst().orElseThrow().args(),
                "relative paths (quizzes/, data/, config/) are from /app");
    }

    @Test
    void noTokenIsBakedIn() throws Exception {
        for (Instruction i : instructions()) {
            if (i.keyword().equals("ENV") || i.keyword().equals("ARG") || i.keyword().equals("LABEL")) {
                assertFalse(i.args().toUpperCase(java.util.Locale.ROOT).contains("TOKEN"), "no token in the image: " + i);
                assertFalse(i.args().toUpperCase(java.util.Locale.ROOT).contains("PASSWORD"), "no password in the image: " + i);
            }
        }
        // Nor anything with a token's form (three base64url parts joined by dots), in any line.
        Pattern tokenForm = Pattern.compile("[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{20,}");
        assertFalse(tokenForm.matcher(Files.readString(DOCKERFILE)).find());
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        for (String secret : List.of("config/quiztutor.yml", ".env", "data", ".git")) {
            assertTrue(ignored.contains(secret), secret + " stays out of the build context");
        }
    }

    @Test
    void everyPathItCopiesExistsAndIsInTheBuildContext() throws Exception {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        int copies = 0;
        for (Instruction i : instructions()) {
            if (!i.keyword().equals("COPY") || i.args().startsWith("--from=")) {
                continue;
            }
            String[] parts = i.args().split("\\s+");
            for (int p = 0; p < parts.length - 1; p++) {
                Path source = Path.of(parts[p]);
                assertTrue(Files.exists(source), "COPY " + source + ": no such path here");
                assertTrue(ignored.stream().noneMatch(pattern -> source.startsWith(pattern)), source + " is in .dockerignore");
                copies++;
            }
        }
        assertEquals(5, copies, "pom.xml, src/main, quizzes, the example config and the launcher, nothing else");
        // The jar the build stage hands over is the one the pom's shade plugin writes.
        Matcher jar = Pattern.compile("COPY --from=build /build/(target/[^ ]+) ").matcher(Files.readString(DOCKERFILE));
        assertTrue(jar.find());
        assertEquals("target/quiztutor.jar", jar.group(1));
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>quiztutor</finalName>"),
                "shade replaces the main artifact, target/quiztutor.jar");
    }

    private static int indexOf(List<Instruction> instructions, String keyword) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword);
    }
}
