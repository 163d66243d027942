package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.discord.fake.FakeDiscord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code quiztutor run} with a token that is wrong, as an operator starts it: in a JVM of its own,
 * the token in DISCORD_TOKEN, standard output, standard error and the log all watched. A pasted
 * token must never show up in a terminal or a log, not even in part, and a token that cannot be one
 * must be refused before anything is created.
 */
class RunTokenTest {
    record Outcome(int exit, String out, String err) {
        String both() {
            return out + err;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bot abc def", // a blank inside, as in the report that JDA echoed it
            "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhXq7e.Wv2Kd9pLmQ3 rT8sYbN4cJ6fA1zE0uHxIo5gV7k", // a real-looking token with a blank
            "Zq9xK2mWpB7.nR3tY.vL8sQ4", // too short
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // the public key, not the token
            "hT3kQz8LmN2pR7vX9wB4cY6dF1gJ5sA0hT3kQz8LmN2pR7vX9wB4cY6dF1gJ5sA0xx", // a client secret twice: no dots
            "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhXq7e.Wv2Kd9pLmQ3rT8sYbN4cJ6fA1zE0uHx\u00e9o5gV7k", // a character no token has
    })
    void aMalformedTokenIsOneLineNeverQuotedAndCreatesNothing(String token, @TempDir Path dir) throws Exception {
        Outcome run = run(dir, token, Map.of());
        assertEquals(2, run.exit(), run.both());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), "one line and no log lines: " + run.err());
        assertTrue(run.err().startsWith("quiztutor: DISCORD_TOKEN "), run.err());
        assertTrue(run.err().contains("Copy the token again"), "says what to do: " + run.err());
        assertNoPartOf(token, run);
        assertFalse(Files.exists(dir.resolve("data")), "no database is created for a token that cannot work");
    }

    @Test
    void aTokenDiscordRejectsIsOneLineNeverQuotedEvenInVerboseLogs(@TempDir Path dir) throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            Map<String, String> env = Map.of(
                    "QUIZTUTOR_DISCORD_API_BASE_URL", discord.restBaseUrl(),
                    "QUIZTUTOR_DISCORD_GATEWAY_URL", discord.gatewayUrl());
            Outcome quiet = run(dir, FakeDiscord.REJECTED_TOKEN, env);
            assertEquals(2, quiet.exit(), quiet.both());
            assertEquals(List.of("quiztutor: Discord rejected the token in DISCORD_TOKEN; copy it again from the Bot page"
                    + " of your application (https://discord.com/developers/applications)"), quiet.err().lines().toList());
            assertNoPartOf(FakeDiscord.REJECTED_TOKEN, quiet);
            assertTrue(Files.exists(dir.resolve("data/quiztutor.db")),
                    "the default storage.url is relative to the folder the bot was started in (README)");

            // Every library's every line, as someone chasing a problem would turn on.
            Outcome loud = run(dir, FakeDiscord.REJECTED_TOKEN, Map.of(
                    "QUIZTUTOR_DISCORD_API_BASE_URL", discord.restBaseUrl(),
                    "QUIZTUTOR_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                    "QUIZTUTOR_LOG_LEVEL", "TRACE", "QUIZTUTOR_JDA_LOG_LEVEL", "TRACE",
                    "QUIZTUTOR_LIBRARY_LOG_LEVEL", "TRACE"), "--verbose");
            assertEquals(2, loud.exit(), loud.both());
            assertTrue(loud.err().lines().count() > 10, "the verbose log is there: " + loud.err());
            assertNoPartOf(FakeDiscord.REJECTED_TOKEN, loud);
        }
    }

    /** Neither the token nor any 6 characters of it in a row. */
    private static void assertNoPartOf(String token, Outcome run) {
        for (int i = 0; i + 6 <= token.length(); i++) {
            String part = token.substring(i, i + 6);
            assertFalse(run.both().contains(part), "\"" + part + "\" of the token was printed: " + run.both());
        }
    }

    /** {@code quiztutor run} in a child JVM, in {@code dir}, with the shipped quizzes and no config file. */
    private static Outcome run(Path dir, String token, Map<String, String> env, String... options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.quiztutor.Main", "run", "--quizzes", Fixtures.SHIPPED.toAbsolutePath().toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUIZTUTOR_"));
        builder.environment().put("DISCORD_TOKEN", token);
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("quiztutor run did not stop: " + Files.readString(err));
        }
        Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return outcome;
    }
}
