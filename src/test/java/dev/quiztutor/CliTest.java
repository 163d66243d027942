package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.BankLoader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a quiz author and a player use it. */
class CliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        InputStream before = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine line = Cli.commandLine();
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            int exit = line.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void validateAcceptsTheShippedBank() {
        Run run = run("", "validate", "quizzes");
        assertEquals(0, run.exit(), run.out());
        assertEquals("2 quiz files valid: 2 topics, 26 questions.\n", run.out());
    }

    @Test
    void validateListsEveryProblemAndExitsOne() {
        Run run = run("", "validate", Fixtures.BROKEN.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(Fixtures.BROKEN.resolve("bad-answer-letter.json")
                + ":11:7: questions[0].answer: \"E\" is not an option of this question; options are A, B, C, D\n"), run.out());
        // Every broken file's problems, however many files the folder holds.
        BankLoader.Report broken = BankLoader.load(Fixtures.BROKEN);
        assertTrue(broken.problems().size() > broken.files().size(), "several files have several problems");
        assertTrue(run.out().endsWith(broken.problems().size() + " problems in " + broken.files().size() + " of "
                + broken.files().size() + " quiz files.\n"), run.out());
        assertFalse(run.out().contains("Exception"), "no stack trace");
    }

    @Test
    void aForeignBankValidatesAndPlays() {
        assertEquals(0, run("", "validate", Fixtures.FOREIGN.toString()).exit());
        Run play = run("practice git easy\nB\ncode\nA B\nquit\n", "play", "--memory", "--quizzes", Fixtures.FOREIGN.toString());
        assertEquals(0, play.exit(), play.err());
        assertTrue(play.out().contains("Which command adds a file to the staging area?"), play.out());
        assertTrue(play.out().contains("git add \"${files[0]}\""), "a literal \\[0] shows as [0]: " + play.out());
        assertEquals(2, play.out().split("✓ Right!").length - 1, play.out());
    }

    @Test
    void playOnAPipeWithAScriptOfCommands() {
        String script = "topics\npractice\nhint\ngiveup\ncode hard\ngiveup\ntest mlops\n"
                + "skip\n".repeat(10) + "nonsense\nquit\n";
        // --memory: a test started in the project folder leaves no data folder there.
        Run run = run(script, "play", "--memory");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("MLOps maturity levels"), out);
        assertTrue(out.contains("Hint 1 of"), out);
        assertTrue(out.contains("Here is the solution."), out);
        assertTrue(out.contains("Score: 0 of 10 right (0%) · verdict: needs practice"), out);
        assertTrue(out.contains("Unknown command \"nonsense\""), out);
        assertFalse(out.contains("\u001B["), "no colours on a pipe");
        assertTrue(out.endsWith("Bye.\n"), out);
        assertEquals("", run.err(), "nothing on standard error");
    }

    @Test
    void playSkipsInvalidFilesNamingThemAndRefusesOnlyWhenNothingIsLeft(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("quizzes/mlops-maturity-levels.json"), dir.resolve("good.json"));
        Files.copy(Fixtures.BROKEN.resolve("wrong-types.json"), dir.resolve("bad.json"));
        Run mixed = run("quit\n", "play", "--memory", "--quizzes", dir.toString());
        assertEquals(0, mixed.exit());
        assertTrue(mixed.err().contains("skipping " + dir.resolve("bad.json") + " (7 problems):"), mixed.err());
        assertTrue(mixed.err().contains("... and 4 more"), mixed.err());

        Run none = run("quit\n", "play", "--quizzes", Fixtures.BROKEN.toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no valid topic in [" + Fixtures.BROKEN + "]"), none.err());
        assertFalse(none.err().contains("Exception"), none.err());
    }

    @Test
    void aBadConfigIsOneClearLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("quiztutor.yml");
        Files.writeString(config, "tutor:\n  hintPenalti: 0.2\n");
        Run run = run("quit\n", "play", "--config", config.toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(config + ":2:3: unknown key \"tutor.hintPenalti\""), run.err());
        Run missing = run("quit\n", "play", "--config", dir.resolve("nope.yml").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such config file"), missing.err());
    }

    @Test
    void runWithoutATokenSaysHowToGetOne() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISCORD_TOKEN") == null, "DISCORD_TOKEN is set here");
        Run run = run("", "run");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("quiztutor: DISCORD_TOKEN is not set."), run.err());
    }

    @Test
    void aRejectedTokenIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        try (dev.quiztutor.discord.fake.FakeDiscord discord = dev.quiztutor.discord.fake.FakeDiscord.start()) {
            Path file = dir.resolve("quiztutor.yml");
            Files.writeString(file, "storage:\n  url: jdbc:sqlite:" + dir.resolve("q.db") + "\ndiscord:\n  apiBaseUrl: "
                    + discord.restBaseUrl() + "\n  gatewayUrl: " + discord.gatewayUrl() + "\n");
            dev.quiztutor.config.Config config = dev.quiztutor.config.ConfigLoader.read(file);
            StringWriter err = new StringWriter();
            int exit = App.runBot(config, dev.quiztutor.bank.Banks.of(Fixtures.shippedBank()), java.util.Optional.empty(), dev.quiztutor.discord.fake.FakeDiscord.REJECTED_TOKEN,
                    new PrintWriter(err, true));
            assertEquals(2, exit);
            assertTrue(err.toString().startsWith("quiztutor: Discord rejected the token in DISCORD_TOKEN"), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
    }

    @Test
    void anUnreachableDiscordIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quiztutor.yml");
        Files.writeString(file, "storage:\n  url: jdbc:sqlite:" + dir.resolve("q.db")
                + "\ndiscord:\n  apiBaseUrl: http://127.0.0.1:9/api/v10\n");
        StringWriter err = new StringWriter();
        int exit = App.runBot(dev.quiztutor.config.ConfigLoader.read(file), dev.quiztutor.bank.Banks.of(Fixtures.shippedBank()), java.util.Optional.empty(), "token",
                new PrintWriter(err, true));
        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("quiztutor: cannot log in to Discord at http://127.0.0.1:9/api/v10/"),
                err.toString());
    }

    @Test
    void aBadOptionSaysWhatIsValid() {
        Run run = run("", "play", "--quizes", "x");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown options: '--quizes'"), run.err());
        assertTrue(run.err().contains("Possible solutions: --quizzes"), "says what is valid: " + run.err());
    }

    @Test
    void versionIsThePomsVersionWithTheCommitWhereKnown() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>quiztutor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find(), "the pom's version");
        Run run = run("", "--version");
        assertEquals(0, run.exit());
        String commit = Files.exists(Path.of(".git")) ? " \\(commit [0-9a-f]{12}\\)" : "";
        assertTrue(run.out().matches("quiztutor " + Pattern.quote(pom.group(1)) + commit + "\n"), run.out());
    }

    @Test
    void noArgumentsIsAUsageErrorOnStandardErrorAndExitTwo() {
        Run run = run("");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("Usage: quiztutor"), run.err());
        assertTrue(run.err().contains("validate"), "the commands are listed: " + run.err());
    }

    /** quiztutor started in {@code folder}, as someone who is not in the project folder. */
    private static Run runIn(Path folder, String stdin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        // Small outputs: reading one stream after the other cannot fill a pipe and block.
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    @Test
    void playKeepsItsProgressInTheConfiguredStoreAndWithMemoryKeepsNothing(@TempDir Path dir) throws Exception {
        Path folder = dir.toRealPath();
        String quizzes = Path.of("quizzes").toAbsolutePath().toString();
        Run memory = runIn(folder, "practice\ngive up\nreview\nquit\n", "play", "--memory", "--quizzes", quizzes);
        assertEquals(0, memory.exit(), memory.err());
        assertTrue(memory.out().contains("Nothing to review today; the next is due on "), memory.out());
        assertFalse(Files.exists(folder.resolve("data")), "--memory creates nothing");

        Run none = runIn(folder, "quit\n", "play", "--quizzes", folder.resolve("nothing-here").toString());
        assertEquals(1, none.exit());
        assertFalse(Files.exists(folder.resolve("data")), "a play that cannot start creates nothing");

        Run stored = runIn(folder, "practice\ngive up\nquit\n", "play", "--quizzes", quizzes);
        assertEquals(0, stored.exit(), stored.err());
        assertEquals("", stored.err());
        assertTrue(Files.isRegularFile(folder.resolve("data/quiztutor.db")), "the default storage.url, from the current folder");
        Run again = runIn(folder, "review\nquit\n", "play", "--quizzes", quizzes);
        assertTrue(again.out().contains("Nothing to review today; the next is due on "),
                "the next sitting sees the give-up, due tomorrow: " + again.out());
    }

    @Test
    void outsideTheProjectFolderSaysWhereQuizzesAreLookedUpAndHowToNameThem(@TempDir Path dir) throws Exception {
        Path elsewhere = dir.toRealPath();
        Run validate = runIn(elsewhere, "", "validate");
        assertEquals(1, validate.exit(), validate.err());
        assertEquals("quiztutor: no quizzes folder in " + elsewhere + ". Without a path, quiz files are looked up in the"
                + " folder quizzes of the current folder: run quiztutor from the project folder, or name them:"
                + " quiztutor validate PATH...\n", validate.err());
        assertEquals("", validate.out());

        Run play = runIn(elsewhere, "quit\n", "play");
        assertEquals(1, play.exit(), play.err());
        assertTrue(play.err().endsWith("or name them: --quizzes DIR (or quizzes: in the config file).\n"), play.err());

        Path quizzes = Path.of("quizzes").toAbsolutePath();
        assertEquals(0, runIn(elsewhere, "", "validate", quizzes.toString()).exit(), "a named folder works from anywhere");
        assertEquals(0, runIn(elsewhere, "quit\n", "play", "--quizzes", quizzes.toString()).exit());
    }
}
