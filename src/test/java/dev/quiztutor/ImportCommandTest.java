package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiztutor import} as an author runs it: the report, the exit codes, and a bank that then plays. */
class ImportCommandTest {
    private static final Path FORMATS = Path.of("src/test/resources/formats");

    @TempDir
    Path dir;

    @Test
    void importedChoicesValidateAndPlay() {
        String out = dir.resolve("bank").toString();
        CliTest.Run run = CliTest.run("", "import", FORMATS.resolve("gift/choices-only.gift").toString(),
                FORMATS.resolve("aiken/mlops.txt").toString(), "--out", out, "--difficulty", "easy");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.out().endsWith("imported 5 questions into 2 topics; skipped 2\n"), run.out());
        assertTrue(run.err().contains("mlops.txt:23: What is the default number of tries?: ANSWER: E names no option;"
                + " options are A, B; skipped"), run.err());
        assertEquals(0, CliTest.run("", "validate", out).exit());
        CliTest.Run play = CliTest.run("practice choices-only easy\nB\nquit\n", "play", "--quizzes", out);
        assertEquals(0, play.exit(), play.err());
        assertTrue(play.out().contains("Which flag rewrites the last commit?")
                || play.out().contains("Which command adds a file to the staging area?"), play.out());
    }

    @Test
    void anImportedTypedAnswerAndNumberPlayInTheConsoleWithTheirFeedback() throws Exception {
        Path gift = dir.resolve("drift.gift");
        Files.writeString(gift, """
                $CATEGORY: Drift

                ::Input drift::Which drift is a change in the inputs' distribution?{
                  =data drift#Right: the inputs moved.
                  =covariate shift
                  =%0%concept drift#Concept drift is a change in what the label means.
                }

                ::Retrain threshold::At what accuracy (in %) should retraining start?{#
                  =80:5#Anywhere between 75 and 85.
                  ~50#Far too late.
                }
                """);
        String out = dir.resolve("bank").toString();
        CliTest.Run run = CliTest.run("", "import", gift.toString(), "--out", out);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().endsWith("imported 2 questions into 1 topic; skipped 0\n"), run.out());
        CliTest.Run play = CliTest.run("""
                practice drift input-drift
                concept drift
                answer Data  Drift.
                practice drift retrain-threshold
                50
                77,5
                quit
                """, "play", "--quizzes", out);
        assertEquals(0, play.exit(), play.err());
        String said = play.out();
        int concept = said.indexOf("Concept drift is a change in what the label means.");
        int right = said.indexOf("✓ Right!", concept);
        int late = said.indexOf("Far too late.", right);
        assertTrue(concept > 0 && right > concept && late > right, said);
        assertTrue(said.indexOf("✓ Right!", late) > late, "77,5 is within 80 ± 5: " + said);
    }

    @Test
    void everythingImportedExitsZero() {
        CliTest.Run run = CliTest.run("", "import", FORMATS.resolve("csv/choices-only.csv").toString(),
                "--out", dir.toString(), "--topic", "git", "--title", "Git basics");
        assertEquals(0, run.exit(), run.err());
        assertEquals("wrote " + dir.resolve("git.json") + ": 2 questions\nimported 2 questions into 1 topic; skipped 0\n",
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void unreadableInputExitsOneWithoutAStackTrace() throws Exception {
        Path garbage = dir.resolve("garbage.xml");
        Files.write(garbage, new byte[] {'<', 'q', 'u', 'i', 'z', '>', '<', 0x01, (byte) 0xC3, (byte) 0xA9});
        CliTest.Run run = CliTest.run("", "import", garbage.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("quiztutor: " + garbage + ":1: not well-formed XML"), run.err());
        assertEquals("imported 0 questions into 0 topics; skipped 0\n", run.out());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anUnknownFormatNameIsRefused() {
        CliTest.Run run = CliTest.run("", "import", FORMATS.resolve("csv/choices-only.csv").toString(), "--format", "xlsx",
                "--out", dir.toString());
        assertEquals(1, run.exit());
        assertEquals("quiztutor: unknown format xlsx; use gift, moodle-xml, aiken, csv\n", run.err());
    }
}
