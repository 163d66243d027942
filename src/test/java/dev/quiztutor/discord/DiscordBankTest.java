package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.App;
import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.config.Config;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.discord.fake.Snowflake;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /bank through the real JDA against the fake Discord, whose CDN serves the attached files: a
 * moderator's upload is live in their server only, survives a restart, can be downloaded, replaced
 * and removed; a broken, oversized or colliding file, or a member without the right, changes nothing.
 */
class DiscordBankTest {
    private static final Pattern LOCATED = Pattern.compile("[^\\s:]+:\\d+:\\d+: ");

    static byte[] topicFile(String id) throws Exception {
        return Files.readString(Path.of("quizzes/model-monitoring-drift.json"))
                .replaceFirst("\"id\": \"model-monitoring-drift\"", "\"id\": \"" + id + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static FakeUser moderator(FakeDiscord discord, FakeGuild guild, String name) {
        FakeUser mod = discord.user(name);
        guild.member(mod).addRole(guild.createRole("Topic keepers " + name, Permission.MANAGE_SERVER.getRawValue()));
        return mod;
    }

    private static FakeMessage upload(FakeDiscord discord, FakeUser user, FakeChannel channel, String name, byte[] content,
                                      boolean replace) {
        List<InteractionOption> options = new ArrayList<>();
        options.add(InteractionOption.attachment("file", discord.attachment(name, content)));
        if (replace) {
            options.add(InteractionOption.bool("replace", true));
        }
        return discord.slashCommand(user, channel, "bank", InteractionOption.subcommand("upload",
                options.toArray(InteractionOption[]::new))).awaitResponseMessage(WAIT);
    }

    private static byte[] attachment(FakeDiscord discord, FakeMessage message, String filename) {
        for (JsonNode a : message.json().path("attachments")) {
            if (a.path("filename").asText().equals(filename)) {
                byte[] content = discord.cdn().content(a.path("url").asText());
                assertNotNull(content, "the fake's CDN hosts what the bot sent");
                return content;
            }
        }
        throw new AssertionError("no " + filename + " on " + message.json());
    }

    /** The Show solution button, which every practice post has, whatever its question's type. */
    private static String button(FakeMessage post) {
        return post.customIds().stream().filter(id -> id.startsWith("qt1:g:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Show solution button on " + post.customIds()));
    }

    private static FakeMessage practice(FakeDiscord discord, FakeUser user, FakeChannel channel, String topic) {
        return discord.slashCommand(user, channel, "practice", InteractionOption.string("topic", topic))
                .awaitResponseMessage(WAIT);
    }

    @Test
    void aModeratorsTopicIsLiveInTheirServerOnlyKeptOverARestartAndCanBeDownloadedReplacedAndRemoved(@TempDir Path dir)
            throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("bank", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = moderator(discord, home, "mod");
            FakeGuild other = discord.createGuild("Elsewhere");
            FakeChannel elsewhere = other.textChannel("general");
            FakeUser stranger = discord.user("stranger");
            other.member(stranger);

            FakeMessage added = upload(discord, mod, general, "own-topic.json", topicFile("own-topic"), false);
            assertTrue(added.isEphemeral());
            assertTrue(added.content().startsWith("✅"), added.content());
            assertTrue(added.content().contains("version 1"), added.content());
            assertTrue(discord.cdn().fetched().stream().allMatch(p -> p.endsWith("/own-topic.json")),
                    "only the interaction's own attachment is fetched: " + discord.cdn().fetched());

            FakeMessage post = practice(discord, mod, general, "own-topic");
            assertFalse(post.isEphemeral(), post.content());
            assertTrue(post.customIds().stream().anyMatch(id -> id.contains(":own-topic:")), post.customIds().toString());
            var click = discord.clickButton(mod, post, button(post)).awaitResponseMessage(WAIT);
            assertFalse(click.content().contains("no longer"), click.content());

            FakeMessage notThere = practice(discord, stranger, elsewhere, "own-topic");
            assertTrue(notThere.isEphemeral() && notThere.content().startsWith("There is no topic"), notThere.content());
            JsonNode suggested = discord.autocomplete(stranger, elsewhere, "practice", "topic", "own").awaitCallback(WAIT).choices();
            assertEquals(0, suggested.size(), "another server's topic is never suggested: " + suggested);
            JsonNode mine = discord.autocomplete(mod, general, "practice", "topic", "own").awaitCallback(WAIT).choices();
            assertEquals("own-topic", mine.get(0).path("value").asText());

            FakeMessage again = upload(discord, mod, general, "own-topic.json", topicFile("own-topic"), false);
            assertTrue(again.content().contains("replace:True"), again.content());

            bot.restart(bot.bank());
            FakeMessage afterRestart = practice(discord, mod, general, "own-topic");
            assertFalse(afterRestart.isEphemeral(), "kept over a restart: " + afterRestart.content());

            FakeMessage downloaded = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("download",
                    InteractionOption.string("topic", "own-topic"))).awaitResponseMessage(WAIT);
            byte[] file = attachment(discord, downloaded, "own-topic.json");
            FakeMessage replaced = upload(discord, mod, general, "own-topic.json", file, true);
            assertTrue(replaced.content().contains("replaced") && replaced.content().contains("version 2"), replaced.content());
            FakeMessage downloadedAgain = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("download",
                    InteractionOption.string("topic", "own-topic"))).awaitResponseMessage(WAIT);
            assertArrayEquals(file, attachment(discord, downloadedAgain, "own-topic.json"),
                    "downloaded, uploaded again: the identical topic");

            FakeMessage listed = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("list"))
                    .awaitResponseMessage(WAIT);
            assertTrue(listed.content().contains("`own-topic`") && listed.content().contains("version 2")
                    && listed.content().contains("by Mod"), listed.content());

            FakeMessage confirm = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("remove",
                    InteractionOption.string("topic", "own-topic"))).awaitResponseMessage(WAIT);
            assertTrue(practice(discord, mod, general, "own-topic").customIds().size() > 0, "asking removes nothing");
            FakeMessage removed = discord.clickButton(mod, confirm, confirm.customIds().get(0)).awaitResponseMessage(WAIT);
            assertTrue(removed.content().contains("removed"), removed.content());
            FakeMessage gone = practice(discord, mod, general, "own-topic");
            assertTrue(gone.content().startsWith("There is no topic"), gone.content());
            FakeMessage oldPost = discord.clickButton(mod, afterRestart, button(afterRestart))
                    .awaitResponseMessage(WAIT);
            assertEquals(Polite.GONE, oldPost.content(), "a post of a removed topic answers politely");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aBrokenOversizedOrCollidingFileOrAMemberWithoutTheRightChangesNothing(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("bank", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = moderator(discord, home, "mod");

            byte[] broken = new String(topicFile("broken-topic"), StandardCharsets.UTF_8)
                    .replaceFirst("\"difficulty\": \"easy\"", "\"difficulty\": \"impossible\"")
                    .replaceFirst("\"difficulty\": \"medium\"", "\"difficulty\": \"tricky\"")
                    .getBytes(StandardCharsets.UTF_8);
            FakeMessage refused = upload(discord, mod, general, "broken-topic.json", broken, false);
            assertTrue(refused.isEphemeral());
            assertTrue(refused.content().startsWith("Nothing changed"), refused.content());
            assertTrue(LOCATED.matcher(refused.content()).find(), "file:line:column in the reply: " + refused.content());
            String problems = new String(attachment(discord, refused, "problems.txt"), StandardCharsets.UTF_8);
            assertTrue(problems.lines().count() >= 2 && problems.lines().allMatch(l -> LOCATED.matcher(l).lookingAt()),
                    problems);
            assertTrue(problems.contains("difficulty"), problems);
            assertTrue(practice(discord, mod, general, "broken-topic").content().startsWith("There is no topic"));

            byte[] big = new byte[1024 * 1024 + 100];
            java.util.Arrays.fill(big, (byte) ' ');
            FakeMessage tooLarge = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("upload",
                    InteractionOption.attachment("file", discord.attachment("big.json", big, 300))))
                    .awaitResponseMessage(WAIT);
            assertTrue(tooLarge.content().contains("larger than 1024 KiB"), "counted, not believed: " + tooLarge.content());

            String global = bot.bank().topics().get(0).id();
            byte[] sameId = new String(topicFile("x"), StandardCharsets.UTF_8).replaceFirst("\"id\": \"x\"",
                    "\"id\": \"" + global + "\"").getBytes(StandardCharsets.UTF_8);
            FakeMessage colliding = upload(discord, mod, general, "clash.json", sameId, false);
            assertTrue(colliding.content().contains("every server has"), colliding.content());

            FakeUser member = discord.user("member");
            home.member(member);
            FakeMessage notAllowed = upload(discord, member, general, "own.json", topicFile("own"), false);
            assertTrue(notAllowed.content().startsWith("Only moderators"), notAllowed.content());
            assertTrue(practice(discord, mod, general, "own").content().startsWith("There is no topic"));

            byte[] gift = """
                    ::capital:: What is the capital of France? {=Paris ~Lyon ~Marseille}

                    ::sum:: How much is 2 + 2? {=4 ~3 ~5}
                    """.getBytes(StandardCharsets.UTF_8);
            FakeMessage fromGift = upload(discord, mod, general, "geography.gift", gift, false);
            assertTrue(fromGift.content().startsWith("✅") && fromGift.content().contains("`geography`"),
                    fromGift.content());
            assertFalse(practice(discord, mod, general, "geography").isEphemeral(), "a GIFT topic is practised");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aTopicUploadedThroughOneProcessIsLiveInTheOtherWithinSeconds() throws Exception {
        StorageSettings shared = TestDatabases.postgres();
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        List<DiscordBot> bots = new ArrayList<>();
        List<Storage> stores = new ArrayList<>();
        try (FakeDiscord discord = FakeDiscord.builder().recommendedShards(2).start()) {
            FakeGuild zero = discord.createGuild("Shard zero", Snowflake.nextOnShard(0, 2));
            for (int shard = 0; shard < 2; shard++) {
                Storage storage = Storage.open(shared, clock);
                stores.add(storage);
                DiscordBot.Settings settings = new DiscordBot.Settings(Optional.of(discord.restBaseUrl()),
                        Optional.of(discord.gatewayUrl()), Optional.empty(), 2, List.of(shard), 2, Duration.ofMillis(1500),
                        Duration.ofSeconds(1), dev.quiztutor.schedule.Scheduler.Settings.DEFAULT, Duration.ofHours(1));
                DiscordBot bot = DiscordBot.start(settings, FakeDiscord.TOKEN,
                        App.tutor(Config.DEFAULT, Fixtures.seedBank(), storage, clock), storage, clock);
                bots.add(bot);
                assertTrue(bot.awaitReady(WAIT, Optional.empty()), "shard " + shard + " connects");
            }
            discord.awaitCommand("bank", WAIT);
            FakeUser mod = moderator(discord, zero, "mod");
            FakeMessage added = upload(discord, mod, zero.textChannel("general"), "shared.json", topicFile("shared"), false);
            assertTrue(added.content().startsWith("✅"), added.content());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (bots.get(1).serverTopics().banks().forGuild(zero.id()).topic("shared").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the other process reads the change within seconds");
                Thread.sleep(100);
            }
            assertTrue(bots.get(1).serverTopics().banks().forGuild(Snowflake.nextOnShard(1, 2)).topic("shared").isEmpty());
            discord.assertNoProtocolViolations();
        } finally {
            for (DiscordBot bot : bots) {
                bot.close();
                bot.shards().getShards().forEach(jda -> jda.shutdownNow());
            }
            stores.forEach(Storage::close);
            TestDatabases.dropPostgres(shared);
        }
    }
}
