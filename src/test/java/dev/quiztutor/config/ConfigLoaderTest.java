package dev.quiztutor.config;

import dev.quiztutor.App;

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
        assertTrue(error("schedule:\n  postsAtOnce: 0\n").contains("schedule.postsAtOnce must be from 1 to 64"));
    }

    @Test
    void theExampleConfigIsValidAndHoldsTheDefaults() throws Exception {
        Config example = ConfigLoader.read(Path.of("config/quiztutor.example.yml"));
        assertEquals(read(""), example);
        assertEquals(8, App.discordSettings(example).schedules().postsAtOnce());
        assertEquals(3, App.discordSettings(read("schedule:\n  postsAtOnce: 3\n")).schedules().postsAtOnce());
        assertEquals(Duration.ofDays(7), example.tests().abandonAfterDuration(), "the example says the default");
    }

    @Test
    void abandonedTestsExpireAfterASettingWithinBounds() throws Exception {
        assertEquals(Duration.ofHours(12), read("tests:\n  abandonAfter: 12h\n").tests().abandonAfterDuration());
        assertTrue(error("tests:\n  abandonAfter: 5m\n").contains("tests.abandonAfter must be from 1h to 365d, not 5m"));
        assertTrue(error("tests:\n  abandonAfter: never\n").contains("write it like 90s, 30m, 6h or 2d"));
        assertTrue(error("tests:\n  expireAfter: 2d\n").contains("unknown key \"tests.expireAfter\""));
    }

    @Test
    void storageAndDiscordUrlsComeFromTheFileOrTheEnvironmentButSecretsOnlyFromTheEnvironment() throws Exception {
        Config config = read("storage:\n  url: jdbc:postgresql://db.example/quiz\n  user: quiz\n"
                + "discord:\n  apiBaseUrl: http://proxy.local/api/v10\n");
        assertEquals("jdbc:postgresql://db.example/quiz", config.storage().url());
        assertEquals("http://proxy.local/api/v10/", config.discord().restBaseUrl().orElseThrow(), "JDA needs the slash");
        Config fromEnv = config.withEnvironment(java.util.Map.of(Config.Storage.ENV_PASSWORD, "s3cret",
                Config.Discord.ENV_GATEWAY_URL, "ws://127.0.0.1:9999/"));
        assertEquals(java.util.Optional.of("s3cret"),
                dev.quiztutor.App.storageSettings(fromEnv, java.util.Map.of(Config.Storage.ENV_PASSWORD, "s3cret")).password());
        assertEquals("ws://127.0.0.1:9999/", fromEnv.discord().gateway().orElseThrow());
        assertTrue(error("storage:\n  password: x\n").contains("unknown key \"storage.password\""),
                "a password in the file is refused");
        assertTrue(error("storage:\n  url: mysql://x\n").contains("storage.url must be jdbc:sqlite:FILE or jdbc:postgresql:"));
        assertTrue(error("discord:\n  gatewayUrl: http://x\n").contains("discord.gatewayUrl must be a ws:// or wss:// URL"));
        assertTrue(error("discord:\n  shards:\n    total: 2\n    ids: [2]\n").contains("discord.shards.ids must be from 0 to 1"));
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofDays(2), DurationText.parse("2d"));
        assertEquals(Duration.ofHours(6), DurationText.parse("PT6H"));
        assertEquals("6h", DurationText.format(Duration.ofHours(6)));
    }
}
