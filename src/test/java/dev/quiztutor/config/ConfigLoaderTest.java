package dev.quiztutor.config;

import dev.quiztutor.App;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(0.9, example.review().retention(), "the example says the default");
        assertTrue(example.bank().reload(), "the example says the default");
        assertEquals(Duration.ofSeconds(5), example.bank().scanEveryDuration(), "the example says the default");
        assertEquals(Config.Bank.DEFAULT, example.bank(), "the example says the /bank limits' defaults");
        assertEquals(1024 * 1024, example.bank().maxFileBytes());
    }

    @Test
    void theMetricsPortIsOffUnlessSetAndListensOnTheLoopbackUnlessToldOtherwise() throws Exception {
        Config example = ConfigLoader.read(Path.of("config/quiztutor.example.yml"));
        assertFalse(example.metrics().enabled(), "the example leaves it off, as the default does");
        assertEquals("127.0.0.1", example.metrics().bind());
        Config on = read("metrics:\n  port: 9464\n");
        assertTrue(on.metrics().enabled());
        assertEquals(9464, on.metrics().port());
        assertEquals("127.0.0.1", on.metrics().bind());
        assertEquals("0.0.0.0", read("metrics:\n  port: 9464\n  bind: 0.0.0.0\n").metrics().bind());
        String zero = error("metrics:\n  port: 0\n");
        assertTrue(zero.contains("metrics.port must be from 1 to 65535, not 0"), zero);
    }

    @Test
    void reviewRetentionIsAProbabilityWithinBounds() throws Exception {
        assertEquals(0.9, read("").review().retention());
        assertEquals(0.85, read("review:\n  retention: 0.85\n").review().retention());
        assertEquals(0.95, read("review:\n  retention: 19/20\n").review().retention());
        assertEquals(0.85, read("review:\n  retention: 0.85\n").review().scheduler().settings().retention());
        assertTrue(error("review:\n  retention: 1\n").contains("review.retention must be from 0.7 to 0.99, not 1.0"));
        assertTrue(error("review:\n  retention: 0.5\n").contains("review.retention must be from 0.7 to 0.99"));
        assertTrue(error("review:\n  retention: high\n").contains("not a number"));
    }

    @Test
    void theQuizFolderReloadsUnlessTurnedOffAndIsRescannedWithinBounds() throws Exception {
        assertFalse(read("bank:\n  reload: false\n").bank().reload());
        assertEquals(Duration.ofSeconds(30), read("bank:\n  scanEvery: 30s\n").bank().scanEveryDuration());
        assertTrue(error("bank:\n  scanEvery: 100ms\n").contains("bank.scanEvery must be from 1s to 1h, not 100ms"));
        assertTrue(error("bank:\n  reloads: true\n").contains("unknown key \"bank.reloads\""));
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
    void everyProblemIsReportedEachOnItsOwnLineNotJustTheFirst() {
        var problems = assertThrows(ConfigLoader.ConfigException.class, () -> read("""
                tutor:
                  hintPenalti: 0.2
                  wrongTryPenalty: 2
                  attemptCache:
                    expireAfterAccess: soon
                discord:
                  workers: 0
                schedule:
                  postsAtOnce: 0
                  tick: often
                """)).problems();
        Path file = dir.resolve("c.yml");
        assertEquals(6, problems.size(), String.join("\n", problems));
        assertTrue(problems.contains(file + ":2:3: unknown key \"tutor.hintPenalti\"; known keys here: attemptCache,"
                + " hintPenalty, wrongTryPenalty"), String.join("\n", problems));
        assertTrue(problems.contains(file + ":3:3: tutor.wrongTryPenalty must be from 0 to 1, not 2.0"), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":5:5: tutor.attemptCache.expireAfterAccess is wrong")),
                String.join("\n", problems));
        assertTrue(problems.contains(file + ":7:3: discord.workers must be from 1 to 256, not 0"), String.join("\n", problems));
        assertTrue(problems.contains(file + ":9:3: schedule.postsAtOnce must be from 1 to 64"), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(file + ":10:3: schedule.tick is wrong")),
                String.join("\n", problems));
    }

    @Test
    void aTokenInTheFileSaysToUseTheEnvironmentAndIsNotEchoed() {
        String message = error("discord:\n  token: MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs\n");
        assertTrue(message.contains("c.yml:2:3: unknown key \"discord.token\": the bot token is never read from the config"
                + " file"), message);
        assertTrue(message.contains("set the DISCORD_TOKEN environment variable instead"), message);
        assertFalse(message.contains("Cl2FMQ"), message);
        assertTrue(error("storage:\n  password: hunter22\n").contains("set the QUIZTUTOR_STORAGE_PASSWORD environment"
                + " variable instead"));
    }

    @Test
    void penaltiesAreWrittenAsFractionsOrDecimals() throws Exception {
        assertEquals(1.0 / 3, read("tutor:\n  wrongTryPenalty: 1/3\n").tutor().wrongTryPenalty());
        assertEquals(0.5, read("tutor:\n  wrongTryPenalty: 1 / 2\n").tutor().wrongTryPenalty());
        assertEquals(0.25, read("tutor:\n  wrongTryPenalty: 0.25\n").tutor().wrongTryPenalty());
        assertEquals(0.05, read("tutor:\n  hintPenalty: 1/20\n").tutor().hintPenalty());
        assertEquals(0.0, read("tutor:\n  hintPenalty: 0\n").tutor().hintPenalty());
        assertEquals(1.0 / 3, read("").tutor().wrongTryPenalty(), "the default is a third");
        assertTrue(error("tutor:\n  wrongTryPenalty: a third\n").contains("c.yml:2:3: tutor.wrongTryPenalty is wrong:"
                + " \"a third\" is not a number; write a fraction such as 1/3 or a decimal such as 0.25"));
        assertTrue(error("tutor:\n  wrongTryPenalty: 1/0\n").contains("divides by zero"));
        assertTrue(error("tutor:\n  wrongTryPenalty: 4/3\n").contains("tutor.wrongTryPenalty must be from 0 to 1"));
        assertTrue(error("tutor:\n  hintPenalty: [1]\n").contains("c.yml:2:3: tutor.hintPenalty must be a fraction"));
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofDays(2), DurationText.parse("2d"));
        assertEquals(Duration.ofHours(6), DurationText.parse("PT6H"));
        assertEquals("6h", DurationText.format(Duration.ofHours(6)));
    }
}
