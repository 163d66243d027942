package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.App;
import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.config.Config;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.discord.fake.Snowflake;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: two bot processes, each running one of two shards, on one shared PostgreSQL store.
 * Each answers its own guilds' interactions and runs only its own guilds' schedules, and a daily
 * post goes out once.
 */
class ShardedBotsTest {

    @Test
    void twoProcessesShareOneStoreAndSplitTheGuildsByShard() throws Exception {
        StorageSettings shared = TestDatabases.postgres();
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        List<DiscordBot> bots = new ArrayList<>();
        List<Storage> stores = new ArrayList<>();
        try (FakeDiscord discord = FakeDiscord.builder().recommendedShards(2).start()) {
            FakeGuild zero = discord.createGuild("Shard zero", Snowflake.nextOnShard(0, 2));
            FakeGuild one = discord.createGuild("Shard one", Snowflake.nextOnShard(1, 2));
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
            discord.awaitCommand("schedule", WAIT);

            for (FakeGuild guild : List.of(zero, one)) {
                FakeChannel channel = guild.textChannel("general");
                FakeUser mod = discord.user("mod-" + guild.name().replace(' ', '-').toLowerCase());
                guild.member(mod).addRole(guild.createRole("Moderator", net.dv8tion.jda.api.Permission.MANAGE_SERVER.getRawValue()));
                InteractionHandle practice = discord.slashCommand(mod, channel, "practice");
                assertEquals(4, practice.awaitCallback(WAIT).type(), "answered by the process owning " + guild.name());
                FakeMessage post = practice.awaitResponseMessage(WAIT);
                Callback click = discord.clickButton(mod, post, post.customIds().get(0)).awaitCallback(WAIT);
                assertTrue(click.isEphemeral());
                Callback added = discord.slashCommand(mod, channel, "schedule", InteractionOption.subcommand("add",
                        InteractionOption.channel("channel", channel), InteractionOption.string("time", "13:00"),
                        InteractionOption.string("timezone", "UTC"))).awaitCallback(WAIT);
                assertTrue(added.content().startsWith("✅ Schedule #"), added.content());
            }

            clock.set("2026-11-23T13:00:00Z");
            for (DiscordBot bot : bots) {
                bot.scheduler().tick();
            }
            for (FakeGuild guild : List.of(zero, one)) {
                FakeChannel channel = guild.textChannel("general");
                discord.awaitRequest(r -> r.method().equals("POST") && r.path().endsWith("/channels/" + channel.idString()
                        + "/messages") && r.body().contains("Question of the day"), WAIT);
            }
            assertEquals(2, discord.requests().stream().filter(r -> r.body().contains("Question of the day")).count(),
                    "one post per guild, by its own shard's process");
            for (Schedule schedule : stores.get(0).schedules().active()) {
                assertEquals(0, schedule.failures().consecutive(), "no process tried a guild it does not own");
            }
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
