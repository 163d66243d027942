package dev.quiztutor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Config read(String yaml) throws Exception {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, yaml);
        return ConfigLoader.read(file);
    }

    private String error(String yaml) {
        return assertThrows(ConfigLoader.ConfigException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void everyKeyHasADefault() throws Exception {
        Config config = read("");
        assertEquals(0.1, config.tutor().hintPenalty());
        assertEquals(Path.of("quizzes"), config.quizzes().get(0));
        assertEquals(Duration.ofHours(6), config.tutor().attemptCache().settings().expireAfterAccess());
    }

    @Test
    void readsTheTutorSettings() throws Exception {
        Config config = read("tutor:\n  hintPenalty: 0.25\n  attemptCache:\n    maximumSize: 500\n    expireAfterAccess: 30m\n");
        assertEquals(0.25, config.tutor().scoring().hintPenalty());
        assertEquals(500, config.tutor().attemptCache().settings().maximumSize());
        assertEquals(Duration.ofMinutes(30), config.tutor().attemptCache().settings().expireAfterAccess());
    }

    @Test
    void unknownKeysAreRejectedWithTheirName() {
        String message = error("tutor:\n  hintPenalti: 0.2\n");
        assertTrue(message.contains("c.yml:2:3: unknown key \"tutor.hintPenalti\""), message);
        assertTrue(message.contains("hintPenalty"), "lists the known keys: " + message);
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertTrue(error("tutor:\n  hintPenalty: 2\n").contains("tutor.hintPenalty must be from 0 to 1"));
        assertTrue(error("tutor:\n  attemptCache:\n    expireAfterAccess: soon\n").contains("write it like 90s, 30m, 6h or 2d"));
        assertTrue(error("tutor: [1, 2]\n").contains("c.yml:1:1: tutor: must be a group of keys"));
        assertTrue(error("tutor:\n hint: : :\n").contains("not valid YAML"));
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofDays(2), DurationText.parse("2d"));
        assertEquals(Duration.ofHours(6), DurationText.parse("PT6H"));
        assertEquals("6h", DurationText.format(Duration.ofHours(6)));
    }
}
