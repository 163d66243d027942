package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiztutor export} as a teacher runs it: to Moodle and back, and what it says when a topic is wrong. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void aShippedTopicGoesToMoodleXmlAndComesBackPlayable() throws Exception {
        Path xml = dir.resolve("drift.xml");
        CliTest.Run export = CliTest.run("", "export", "model-monitoring-drift", "--format", "moodle-xml",
                "--out", xml.toString());
        assertEquals(0, export.exit(), export.err());
        assertEquals("exported " + questions("model-monitoring-drift") + " questions of 1 topic as moodle-xml into " + xml
                + "\n", export.out());
        assertTrue(Files.readString(xml, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>"));

        Path back = dir.resolve("back");
        CliTest.Run imported = CliTest.run("", "import", xml.toString(), "--out", back.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(0, CliTest.run("", "validate", back.toString()).exit());
        CliTest.Run play = CliTest.run("practice model-monitoring-and-drift concept-drift-name\nconcept drift\nquit\n",
                "play", "--quizzes", back.toString());
        assertEquals(0, play.exit(), play.err());
        assertTrue(play.out().contains("What is this kind of drift called?"), play.out());
        assertTrue(play.out().contains("✓ Right!"), play.out());
        assertTrue(play.out().contains("  1. See what stayed\n     The transactions look the same"),
                "the worked solution comes back as its steps: " + play.out());
    }

    private static int questions(String topic) {
        return Fixtures.shippedBank().topic(topic).orElseThrow().questions().size();
    }

    @Test
    void withoutOutTheGiftGoesToStandardOutput() {
        CliTest.Run run = CliTest.run("", "export", "mlops-maturity-levels", "--format", "gift");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("// mlops-maturity-levels: exported by quiztutor\n"
                + "$CATEGORY: $course$/top/MLOps maturity levels\n\n// difficulty: easy\n::first-level::[markdown]"), run.out());
        assertEquals("exported " + questions("mlops-maturity-levels") + " questions of 1 topic as gift\n", run.err());
    }

    @Test
    void anUnknownTopicIsNamedWithTheValidOnes() {
        CliTest.Run run = CliTest.run("", "export", "mlops", "--format", "gift", "--out", dir.resolve("x.gift").toString());
        assertEquals(1, run.exit());
        assertEquals("quiztutor: no topic mlops in [quizzes]; the topics are " + String.join(", ",
                Fixtures.shippedBank().topics().stream().map(dev.quiztutor.bank.Topic::id).toList()) + "\n"
                + "quiztutor: nothing exported\n", run.err());
        assertFalse(Files.exists(dir.resolve("x.gift")));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliTest.Run run = CliTest.run("", "export", "mlops-maturity-levels", "--format", "xlsx");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("unknown format xlsx; use gift or moodle-xml"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aQuizFileWithProblemsIsNotExported() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"id\": \"x\", \"title\": \"X\", \"questions\": []}");
        CliTest.Run run = CliTest.run("", "export", broken.toString(), "--format", "gift");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("quiztutor: " + broken + ":1:"), run.err());
        assertTrue(run.err().endsWith("quiztutor: nothing exported\n"), run.err());
        assertEquals("", run.out());
    }
}
