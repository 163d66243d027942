package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeRole;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.discord.fake.RecordedRequest;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.RevealState;
import dev.quiztutor.schedule.SlotRecord;
import dev.quiztutor.schedule.SlotState;
import dev.quiztutor.schedule.Timetable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderators schedule daily posts through /schedule, and the bot posts, reveals and reports through
 * the real JDA against the fake Discord. The scheduler's passes run at a test clock's time.
 */
class DiscordScheduleTest {

    private static Callback schedule(FakeDiscord discord, FakeUser user, FakeChannel channel, String sub,
                                     InteractionOption... options) {
        Callback callback = discord.slashCommand(user, channel, "schedule", InteractionOption.subcommand(sub, options))
                .awaitCallback(WAIT);
        assertTrue(callback.isEphemeral(), "schedule replies are private: " + callback);
        return callback;
    }

    private static RecordedRequest awaitPost(FakeDiscord discord, FakeChannel channel, String contains) {
        return discord.awaitRequest(r -> r.method().equals("POST") && r.path().endsWith("/channels/" + channel.idString()
                + "/messages") && r.body().contains(contains), WAIT);
    }

    @Test
    void aModeratorSchedulesADailyPostThatIsPostedAnsweredAndRevealed(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            FakeUser mia = discord.moderator("mia");
            FakeRole students = discord.guild().createRole("Students", 0);
            discord.awaitCommand("schedule", WAIT);

            Callback added = schedule(discord, mia, quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "6pm"), InteractionOption.string("timezone", "Europe/Berlin"),
                    InteractionOption.string("days", "weekdays"), InteractionOption.role("ping", students),
                    InteractionOption.integer("reveal_hours", 2));
            assertTrue(added.content().startsWith("✅ Schedule #1 in <#" + quiz.idString() + ">: 18:00 Europe/Berlin, weekdays"),
                    added.content());

            Callback now = schedule(discord, mia, quiz, "now", InteractionOption.integer("id", 1));
            assertTrue(now.content().startsWith("Posted a test question of schedule #1"), now.content());
            RecordedRequest test = awaitPost(discord, quiz, "Test post of schedule #1");
            JsonNode mentions = test.json().path("allowed_mentions");
            assertEquals(0, mentions.path("parse").size(), "nothing pinged by text: " + mentions);
            assertEquals(List.of(Long.toString(students.id())), List.of(mentions.path("roles").get(0).asText()),
                    "only the chosen role");

            clock.set("2026-11-23T17:00:00Z");                   // Monday 18:00 in Berlin
            bot.scheduler().tick();
            RecordedRequest daily = awaitPost(discord, quiz, "Question of the day");
            bot.scheduler().tick();
            bot.scheduler().tick();
            assertEquals(1, discord.requests().stream().filter(r -> r.body().contains("Question of the day")).count(),
                    "one post per slot however many passes");

            FakeMessage post = discord.messages(quiz).stream().filter(m -> m.content().contains("Question of the day"))
                    .findFirst().orElseThrow();
            Question q = bot.questionOf(post);
            FakeUser sam = discord.user("sam");
            Callback answer = discord.clickButton(sam, post, new CustomId.Answer(q.ref(), q.answerLetters().get(0)).encode())
                    .awaitCallback(WAIT);
            assertTrue(answer.content().startsWith("✅ **Right!**"), "a scheduled post works like any other");

            clock.set("2026-11-23T19:00:00Z");
            bot.scheduler().tick();
            RecordedRequest reveal = awaitPost(discord, quiz, "Time's up!");
            assertTrue(reveal.body().contains("1 member answered, 100% right."), reveal.body());
            assertEquals(post.idString(), reveal.json().path("message_reference").path("message_id").asText(),
                    "the reveal replies to the post");
            discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                    && r.body().contains("\"disabled\":true"), WAIT);

            Callback list = schedule(discord, mia, quiz, "list");
            String text = list.embeds().get(0).toString();
            assertTrue(text.contains("Next post <t:" + Instant.parse("2026-11-24T17:00:00Z").getEpochSecond()), text);
            assertTrue(text.contains("Last post"), text);
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void onlyModeratorsMayScheduleAndBadInputSaysWhatIsValid(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir, new TestClock("2026-11-23T12:00:00Z"))) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            discord.awaitCommand("schedule", WAIT);
            FakeUser pat = discord.user("pat");
            Callback refused = schedule(discord, pat, quiz, "list");
            assertTrue(refused.content().startsWith("Only moderators can manage schedules"), refused.content());

            FakeUser mod = discord.moderator("mod");
            Callback time = schedule(discord, mod, quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "after lunch"), InteractionOption.string("timezone", "Europe/Berlin"));
            assertTrue(time.content().contains("18:30"), "shows how to write a time: " + time.content());
            Callback zone = schedule(discord, mod, quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "18:00"), InteractionOption.string("timezone", "Mars/Olympus"));
            assertTrue(zone.content().contains("Europe/Berlin"), "shows zones: " + zone.content());
            Callback topic = schedule(discord, mod, quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "18:00"), InteractionOption.string("timezone", "UTC"),
                    InteractionOption.string("topic", "chemistry"));
            assertTrue(topic.content().startsWith("There is no topic \"chemistry\""), topic.content());
            Callback missing = schedule(discord, mod, quiz, "pause", InteractionOption.integer("id", 42));
            assertEquals("There is no schedule #42 in this server. See `/schedule list`.", missing.content());

            Callback zones = discord.autocomplete(mod, quiz, "schedule", InteractionOption.subcommand("add",
                    InteractionOption.focused("timezone", "berl"))).awaitCallback(WAIT);
            assertEquals("Europe/Berlin", zones.choices().get(0).path("value").asText());

            FakeRole helpers = discord.guild().createRole("Helpers", 0);
            Callback notAdmin = schedule(discord, pat, quiz, "modrole", InteractionOption.role("role", helpers));
            assertTrue(notAdmin.content().startsWith("Only"), notAdmin.content());
            schedule(discord, mod, quiz, "modrole", InteractionOption.role("role", helpers));
            discord.member(pat).addRole(helpers);
            Callback allowed = schedule(discord, pat, quiz, "list");
            assertEquals("No schedules here yet. Add one with `/schedule add`.", allowed.content());

            for (int i = 0; i < ScheduleFeature.MAX_PER_GUILD; i++) {
                bot.storage().schedules().create(new NewSchedule(discord.guild().id(), quiz.id(),
                        new Timetable(LocalTime.of(8, i), ZoneId.of("UTC"), Days.EVERY_DAY), new QuestionChoice(
                        Optional.empty(), Optional.empty(), QuestionKind.CHOICE), Optional.empty(), Optional.empty(), 1));
            }
            Callback full = schedule(discord, mod, quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "18:00"), InteractionOption.string("timezone", "UTC"));
            assertEquals("This server already has 25 schedules, the most it can have. Remove one with `/schedule remove`"
                    + " first (see `/schedule list`).", full.content());
            Callback listed = schedule(discord, mod, quiz, "list");
            assertEquals(25, listed.embeds().get(0).path("fields").size(), "every schedule in one embed");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aChannelThatRejectsPostsIsReportedAndTheSchedulePausesItself(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel general = discord.channel("general");
            FakeUser mod = discord.moderator("mod");
            discord.awaitCommand("schedule", WAIT);
            schedule(discord, mod, general, "add", InteractionOption.channel("channel", general),
                    InteractionOption.string("time", "09:00"), InteractionOption.string("timezone", "UTC"));
            general.rejectPosts(true);

            Callback now = schedule(discord, mod, general, "now", InteractionOption.integer("id", 1));
            assertTrue(now.content().startsWith("⚠️ Could not post: Discord refused to post in <#" + general.idString()),
                    now.content());
            for (String day : List.of("2026-11-24", "2026-11-25", "2026-11-26")) {
                clock.set(day + "T09:00:00Z");
                bot.scheduler().tick();
            }
            Callback list = schedule(discord, mod, general, "list");
            String text = list.embeds().get(0).toString();
            assertTrue(text.contains("Paused** after 3 failed posts"), text);
            assertTrue(text.contains("Missing Permissions"), text);

            general.rejectPosts(false);
            Callback resumed = schedule(discord, mod, general, "resume", InteractionOption.integer("id", 1));
            assertTrue(resumed.content().startsWith("Schedule #1 resumed: next post"), resumed.content());
            clock.set("2026-11-27T09:00:00Z");
            bot.scheduler().tick();
            awaitPost(discord, general, "Question of the day");
            assertFalse(discord.protocolViolations().stream().anyMatch(v -> v.toString().contains("schedule")));
        }
    }

    @Test
    void aSlotMissedWhileTheBotWasDownIsPostedOnceAtStartupWithinTheGraceWindow(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            discord.awaitCommand("schedule", WAIT);
            schedule(discord, discord.moderator("mod"), quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "13:00"), InteractionOption.string("timezone", "UTC"));
            clock.set("2026-11-23T14:30:00Z");                   // down from 12:00 to 14:30: 1 h 30 late
            bot.restart(bot.bank());
            bot.scheduler().tick();
            awaitPost(discord, quiz, "Question of the day");
            clock.set("2026-11-23T14:35:00Z");
            bot.restart(bot.bank());
            bot.scheduler().tick();
            assertEquals(1, discord.requests().stream().filter(r -> r.body().contains("Question of the day")).count(),
                    "posted once, even across another restart");
        }
    }

    /** Waits until JDA has taken in what the fake announced on the gateway. */
    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("JDA never saw " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aServerOutageAtPostTimeIsRetriedWithinTheGraceWindowNotTakenForADeletedChannel(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            discord.awaitCommand("schedule", WAIT);
            schedule(discord, discord.moderator("mod"), quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "13:00"), InteractionOption.string("timezone", "UTC"));
            long guild = discord.guild().id();
            discord.guild().outage();
            // JDA drops the guild from its cache a moment before it records it as unavailable (its
            // GUILD_DELETE handler), and the poster asks the latter: wait for both.
            until(() -> bot.shards().getGuildById(guild) == null
                    && bot.shards().getShards().stream().anyMatch(shard -> shard.isUnavailable(guild)), "the outage");

            clock.set("2026-11-23T13:00:00Z");
            bot.scheduler().tick();
            SlotRecord slot = bot.storage().schedules().slot(1, LocalDate.parse("2026-11-23")).orElseThrow();
            assertEquals(SlotState.RETRY, slot.state(), "an outage passes: " + slot);
            assertTrue(slot.reason().orElse("").contains("unavailable"), slot.toString());

            discord.guild().endOutage();
            until(() -> bot.shards().getGuildById(guild) != null, "the guild come back");
            clock.set("2026-11-23T13:05:00Z");
            bot.scheduler().tick();
            awaitPost(discord, quiz, "Question of the day");
            assertEquals(SlotState.POSTED, bot.storage().schedules().slot(1, LocalDate.parse("2026-11-23")).orElseThrow()
                    .state());
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void withoutReadMessageHistoryTheAnswerComesAsAPlainPost(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            discord.awaitCommand("schedule", WAIT);
            schedule(discord, discord.moderator("mod"), quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "13:00"), InteractionOption.string("timezone", "UTC"),
                    InteractionOption.integer("reveal_hours", 1));
            clock.set("2026-11-23T13:00:00Z");
            bot.scheduler().tick();
            awaitPost(discord, quiz, "Question of the day");
            FakeMessage post = discord.messages(quiz).stream().filter(m -> m.content().contains("Question of the day"))
                    .findFirst().orElseThrow();

            quiz.denyBot(Permission.MESSAGE_HISTORY);
            until(() -> !bot.shards().getGuildById(discord.guild().id()).getSelfMember()
                    .hasPermission(bot.shards().getTextChannelById(quiz.id()), Permission.MESSAGE_HISTORY), "the overwrite");
            clock.set("2026-11-23T14:00:00Z");
            bot.scheduler().tick();
            RecordedRequest reveal = awaitPost(discord, quiz, "Time's up!");
            assertTrue(reveal.json().path("message_reference").isMissingNode(), "a plain post, not a reply: " + reveal.body());
            assertEquals(RevealState.REVEALED, bot.storage().schedules().slot(1, LocalDate.parse("2026-11-23")).orElseThrow()
                    .reveal().orElseThrow().state());
            discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                    && r.body().contains("\"disabled\":true"), WAIT);
            discord.assertNoProtocolViolations();
        }
    }

    /** JDA's cache still says the bot may read the history; Discord knows better and answers 160002. */
    @Test
    void aReplyDiscordRefusesForWantOfReadMessageHistoryIsPostedPlainInstead(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T12:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            FakeChannel quiz = discord.channel("practice");
            discord.awaitCommand("schedule", WAIT);
            schedule(discord, discord.moderator("mod"), quiz, "add", InteractionOption.channel("channel", quiz),
                    InteractionOption.string("time", "13:00"), InteractionOption.string("timezone", "UTC"),
                    InteractionOption.integer("reveal_hours", 1));
            clock.set("2026-11-23T13:00:00Z");
            bot.scheduler().tick();
            awaitPost(discord, quiz, "Question of the day");

            for (FakeRole role : List.of(discord.guild().everyoneRole(), discord.guild().role(discord.botUser().username()))) {
                role.setPermissions(role.permissions() & ~Permission.MESSAGE_HISTORY.getRawValue()); // JDA is not told
            }
            clock.set("2026-11-23T14:00:00Z");
            bot.scheduler().tick();
            RecordedRequest refused = discord.awaitRequest(r -> r.status() == 403 && r.body().contains("Time's up!"), WAIT);
            assertFalse(refused.json().path("message_reference").isMissingNode(), "it tried to reply first");
            RecordedRequest reveal = discord.awaitRequest(r -> r.status() == 200 && r.body().contains("Time's up!"), WAIT);
            assertTrue(reveal.json().path("message_reference").isMissingNode(), "then posted plain: " + reveal.body());
            assertEquals(RevealState.REVEALED, bot.storage().schedules().slot(1, LocalDate.parse("2026-11-23")).orElseThrow()
                    .reveal().orElseThrow().state());
            discord.assertNoProtocolViolations();
        }
    }
}
