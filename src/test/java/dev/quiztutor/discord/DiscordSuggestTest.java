package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.InteractionOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members' suggestions through the real JDA against the fake Discord: /suggest opens a form, a valid
 * question goes to the private review channel only, moderators approve (it is practised at once, with
 * the author's name in the solution and no mention), edit or reject it; members cannot review; the
 * daily limit, a missing review channel and a restart between suggestion and approval.
 */
class DiscordSuggestTest {
    private static final String PROMPT = "Which signal shows concept drift first?";
    private static final Map<String, String> VALID = Map.of(
            "question", PROMPT,
            "options", "A. Input feature means\nB. The model's live error rate\nC. The request count",
            "answer", "b",
            "explanation", "Concept drift changes P(Y|X): only labelled outcomes, the error rate, show it.");

    private static FakeChannel reviewChannel(FakeDiscord discord, FakeGuild guild) {
        return reviewChannel(discord, guild, "mod-review");
    }

    /** A channel the members cannot read, where the bot may post. */
    private static FakeChannel reviewChannel(FakeDiscord discord, FakeGuild guild, String name) {
        FakeChannel review = guild.textChannel(name);
        review.overwrite(guild.everyoneRole(), 0, Permission.VIEW_CHANNEL.getRawValue());
        review.overwrite(guild.member(discord.botUser()), Permission.getRaw(Permission.VIEW_CHANNEL,
                Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS), 0);
        return review;
    }

    private static FakeMessage setReviewChannel(FakeDiscord discord, FakeUser mod, FakeChannel from, FakeChannel review) {
        return discord.slashCommand(mod, from, "bank", InteractionOption.subcommand("reviewchannel",
                InteractionOption.channel("channel", review))).awaitResponseMessage(WAIT);
    }

    /** Runs /suggest and expects its form. */
    private static InteractionHandle openForm(FakeDiscord discord, FakeUser user, FakeChannel channel, String topic) {
        InteractionHandle open = topic == null ? discord.slashCommand(user, channel, "suggest")
                : discord.slashCommand(user, channel, "suggest", InteractionOption.string("topic", topic));
        Callback form = open.awaitCallback(WAIT);
        assertEquals(9, form.type(), "/suggest opens a form: " + form);
        return open;
    }

    private static FakeMessage suggest(FakeDiscord discord, FakeUser user, FakeChannel channel, Map<String, String> values) {
        return discord.submitModal(user, openForm(discord, user, channel, null), values).awaitResponseMessage(WAIT);
    }

    private static String embedText(FakeMessage message) {
        return message.embeds().toString();
    }

    private static String button(FakeMessage post, String code) {
        return post.customIds().stream().filter(id -> id.startsWith("qt1:" + code + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no qt1:" + code + " button on " + post.customIds()));
    }

    private static byte[] attachment(FakeDiscord discord, FakeMessage message, String filename) {
        for (JsonNode a : message.json().path("attachments")) {
            if (a.path("filename").asText().equals(filename)) {
                return discord.cdn().content(a.path("url").asText());
            }
        }
        throw new AssertionError("no " + filename + " on " + message.json());
    }

    /** The suggestion's number, from its review post's title. */
    private static String approvedId(String embeds) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Suggestion #(\\d+)").matcher(embeds);
        assertTrue(m.find(), embeds);
        return m.group(1);
    }

    private static void assertNoMention(FakeMessage message) {
        String all = message.content() + message.embeds();
        assertFalse(all.contains("<@"), "never a mention: " + all);
        JsonNode mentions = message.json().path("allowed_mentions");
        assertTrue(mentions.isMissingNode() || mentions.path("parse").isEmpty(), "pings nobody: " + message.json());
    }

    /** The value the form pre-fills a text input with, or "" when it has none. */
    private static String prefilled(Callback form, String input) {
        for (JsonNode label : form.data().path("components")) {
            JsonNode component = label.path("component");
            if (component.path("custom_id").asText().equals(input)) {
                return component.path("value").asText("");
            }
        }
        throw new AssertionError("no input " + input + " in " + form.data());
    }

    @Test
    void anApprovedSuggestionIsPractisedAtOnceCreditingItsAuthorByNameWhileMembersCannotReviewIt(@TempDir Path dir)
            throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("suggest", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = discord.moderator("mod");
            FakeUser ana = discord.user("ana");
            FakeChannel review = reviewChannel(discord, home);

            FakeMessage set = setReviewChannel(discord, mod, general, review);
            assertTrue(set.content().startsWith("📥"), set.content());

            FakeMessage sent = suggest(discord, ana, general, VALID);
            assertTrue(sent.isEphemeral() && sent.content().startsWith("📨"), sent.content());
            assertTrue(general.messages().stream().noneMatch(m -> embedText(m).contains(PROMPT) || m.content().contains(PROMPT)),
                    "never in a public channel before approval");
            FakeMessage post = review.lastMessage();
            assertTrue(embedText(post).contains(PROMPT) && embedText(post).contains("B. The model's live error rate ✅"),
                    embedText(post));
            assertTrue(embedText(post).contains("Ana"), "the author by name: " + embedText(post));
            assertNoMention(post);
            assertEquals(List.of("Approve", "Edit", "Reject"), post.buttonLabels());

            FakeMessage refused = discord.clickButton(ana, post, button(post, "sa")).awaitResponseMessage(WAIT);
            assertTrue(refused.isEphemeral() && refused.content().startsWith("Only moderators"), refused.content());
            assertEquals(3, discord.messageById(post.id()).buttonLabels().size(), "a member's press changes nothing");
            Callback notTheirs = discord.clickButton(ana, post, button(post, "se")).awaitCallback(WAIT);
            assertEquals(4, notTheirs.type(), "a member gets no edit form: " + notTheirs);
            assertTrue(notTheirs.isEphemeral() && notTheirs.content().startsWith("Only moderators"), notTheirs.content());
            FakeMessage noTopic = discord.slashCommand(ana, general, "practice", InteractionOption.string("topic", "suggestions"))
                    .awaitResponseMessage(WAIT);
            assertTrue(noTopic.content().startsWith("There is no topic"), "nothing is live before approval: " + noTopic.content());

            FakeMessage approved = discord.clickButton(mod, post, button(post, "sa")).awaitResponseMessage(WAIT);
            assertEquals(post.id(), approved.id(), "the review post itself says it");
            assertTrue(embedText(approved).contains("Approved by **Mod**"), embedText(approved));
            assertTrue(approved.buttonLabels().isEmpty(), "decided: no more buttons " + approved.buttonLabels());
            assertNoMention(approved);

            FakeMessage practice = discord.slashCommand(ana, general, "practice", InteractionOption.string("topic", "suggestions"))
                    .awaitResponseMessage(WAIT);
            assertFalse(practice.isEphemeral(), practice.content());
            assertTrue(embedText(practice).contains(PROMPT), embedText(practice));
            FakeMessage solution = discord.clickButton(mod, practice, button(practice, "g")).awaitResponseMessage(WAIT);
            assertTrue(embedText(solution).contains("Suggested by Ana"), "credit on reveal: " + embedText(solution));
            assertTrue(embedText(solution).contains("The model's live error rate"), embedText(solution));
            assertNoMention(solution);
            assertTrue(bot.storage().serverTopics().live().stream().anyMatch(t -> t.topicId().equals("suggestions")
                    && t.json().contains("Suggested by Ana") && t.json().contains("\"title\": \"Suggestions from members\"")),
                    "stored as a server topic: its download keeps the credit");

            FakeMessage downloaded = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("download",
                    InteractionOption.string("topic", "suggestions"))).awaitResponseMessage(WAIT);
            byte[] file = attachment(discord, downloaded, "suggestions.json");
            assertTrue(new String(file, java.nio.charset.StandardCharsets.UTF_8).contains("Suggested by Ana"), "downloaded with the credit");
            FakeMessage reuploaded = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("upload",
                    InteractionOption.attachment("file", discord.attachment("suggestions.json", file)),
                    InteractionOption.bool("replace", true))).awaitResponseMessage(WAIT);
            assertTrue(reuploaded.content().contains("version 2"), reuploaded.content());
            FakeMessage practiceAgain = discord.slashCommand(ana, general, "practice", InteractionOption.string("topic", "suggestions"))
                    .awaitResponseMessage(WAIT);
            assertTrue(embedText(discord.clickButton(ana, practiceAgain, button(practiceAgain, "g")).awaitResponseMessage(WAIT))
                    .contains("Suggested by Ana"), "the credit survives a download and re-upload");

            // A second moderator who still sees the old buttons presses Approve too.
            FakeMessage again = discord.clickUnchecked(discord.moderator("mo"), post, new CustomId.SuggestReview(
                    Long.parseLong(approvedId(embedText(approved))), CustomId.SuggestReview.Verdict.APPROVE).encode())
                    .awaitResponseMessage(WAIT);
            assertTrue(embedText(again).contains("Approved by"), "a second press adds nothing: " + embedText(again));
            assertEquals(2, bot.storage().serverTopics().live().stream().filter(t -> t.topicId().equals("suggestions"))
                    .findFirst().orElseThrow().version(), "approved once (version 2 is the re-upload)");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aQuestionThatDoesNotPassComesBackWithItsProblemsAndTheFormKeepsWhatWasTyped(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("suggest", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = discord.moderator("mod");
            FakeUser ana = discord.user("ana");

            InteractionHandle tooEarly = discord.slashCommand(ana, general, "suggest");
            Callback closed = tooEarly.awaitCallback(WAIT);
            assertEquals(4, closed.type(), "no review channel: no form " + closed);
            assertTrue(closed.isEphemeral() && closed.content().contains("a moderator must first choose a review channel"),
                    closed.content());

            FakeChannel open = home.textChannel("open-review");
            FakeMessage publicRefused = setReviewChannel(discord, mod, general, open);
            assertTrue(publicRefused.content().contains("can be read by everyone") && publicRefused.content().endsWith("Nothing changed."),
                    publicRefused.content());
            FakeChannel mute = reviewChannel(discord, home, "mute-review").denyBot(Permission.MESSAGE_SEND);
            FakeMessage cannotPost = setReviewChannel(discord, mod, general, mute);
            assertTrue(cannotPost.content().contains("I am missing Send Messages"), cannotPost.content());
            FakeMessage byMember = setReviewChannel(discord, ana, general, open);
            assertTrue(byMember.content().startsWith("Only moderators"), byMember.content());
            assertTrue(discord.slashCommand(ana, general, "suggest").awaitCallback(WAIT).content().contains("review channel"),
                    "still closed");

            FakeChannel review = reviewChannel(discord, home);
            assertTrue(setReviewChannel(discord, mod, general, review).content().startsWith("📥"));

            Map<String, String> broken = new HashMap<>(VALID);
            broken.put("options", "Input feature means\nThe model's live error rate\nThe request count\nLatency\nCPU load");
            broken.put("answer", "The model's live error rate");
            FakeMessage problems = suggest(discord, ana, general, broken);
            assertTrue(problems.isEphemeral() && problems.content().contains("Options: give 2 to 4 options, one per line"),
                    problems.content());
            assertTrue(review.messages().isEmpty(), "nothing reaches review");

            InteractionHandle fix = discord.clickButton(ana, problems, button(problems, "sqr"));
            Callback form = fix.awaitCallback(WAIT);
            assertEquals(9, form.type(), form.toString());
            assertEquals(broken.get("options"), prefilled(form, "options"), "what was typed comes back");
            assertEquals(PROMPT, prefilled(form, "question"));
            Map<String, String> tooLong = new HashMap<>(broken);
            tooLong.put("options", "Input feature means\n" + "x".repeat(90) + "\nThe request count");
            tooLong.put("answer", "B");
            FakeMessage validator = discord.submitModal(ana, fix, tooLong).awaitResponseMessage(WAIT);
            assertTrue(validator.content().contains("Options:") && validator.content().contains("77"),
                    "the quiz file's own limits: " + validator.content());

            Callback reopened = openForm(discord, ana, general, null).awaitCallback(WAIT);
            assertEquals(tooLong.get("options"), prefilled(reopened, "options"), "/suggest opens with the draft too");

            FakeMessage unknownTopic = discord.slashCommand(ana, general, "suggest", InteractionOption.string("topic",
                    bot.bank().topics().get(0).id())).awaitResponseMessage(WAIT);
            assertTrue(unknownTopic.content().contains("is not one of this server's own topics"), unknownTopic.content());

            FakeMessage fixed = discord.submitModal(ana, openForm(discord, ana, general, null), VALID).awaitResponseMessage(WAIT);
            assertTrue(fixed.content().startsWith("📨"), fixed.content());
            assertEquals(1, review.messages().size());
            Callback fresh = openForm(discord, ana, general, null).awaitCallback(WAIT);
            assertEquals("", prefilled(fresh, "question"), "a sent suggestion leaves no draft");
            discord.assertNoProtocolViolations();
        }
    }

    @Test
    void aModeratorEditsThenApprovesAnotherRejectsAndTheButtonsWorkAfterARestart(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("suggest", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = discord.moderator("mod");
            FakeUser ana = discord.user("ana");
            FakeUser bo = discord.user("bo");
            FakeChannel review = reviewChannel(discord, home);
            setReviewChannel(discord, mod, general, review);

            suggest(discord, ana, general, VALID);
            FakeMessage first = review.lastMessage();
            Map<String, String> other = new HashMap<>(VALID);
            other.put("question", "Is accuracy enough to watch?");
            suggest(discord, bo, general, other);
            FakeMessage second = review.lastMessage();

            bot.restart(bot.bank());

            InteractionHandle edit = discord.clickButton(mod, first, button(first, "se"));
            Callback form = edit.awaitCallback(WAIT);
            assertEquals(9, form.type(), "Edit opens a form, after a restart too: " + form);
            assertEquals(PROMPT, prefilled(form, "question"));
            assertEquals("medium", prefilled(form, "difficulty"));
            Map<String, String> edited = new HashMap<>(VALID);
            edited.put("question", "Which signal shows concept drift first, in production?");
            edited.put("difficulty", "hard");
            edited.put("answer", "B");
            FakeMessage updated = discord.submitModal(mod, edit, edited).awaitResponseMessage(WAIT);
            assertEquals(first.id(), updated.id());
            assertTrue(embedText(updated).contains("in production?") && embedText(updated).contains("hard"), embedText(updated));
            assertEquals(3, updated.buttonLabels().size(), "still waiting");

            FakeMessage approved = discord.clickButton(mod, updated, button(updated, "sa")).awaitResponseMessage(WAIT);
            assertTrue(embedText(approved).contains("Approved by"), embedText(approved));
            Topic topic = serverTopics(bot, home).orElseThrow();
            Question q = topic.questions().get(0);
            assertEquals("Which signal shows concept drift first, in production?", q.prompt());
            assertEquals(Difficulty.HARD, q.difficulty(), "the moderator's difficulty");

            FakeMessage rejected = discord.clickButton(mod, second, button(second, "sx")).awaitResponseMessage(WAIT);
            assertTrue(embedText(rejected).contains("Rejected by **Mod**") && rejected.buttonLabels().isEmpty(),
                    embedText(rejected));
            assertEquals(1, serverTopics(bot, home).orElseThrow().questions().size(), "a rejected one is not added");

            // A suggestion for one of the server's own topics joins it; one whose topic is gone stays waiting.
            FakeMessage uploaded = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("upload",
                    InteractionOption.attachment("file", discord.attachment("own-topic.json", DiscordBankTest.topicFile("own-topic")))))
                    .awaitResponseMessage(WAIT);
            assertTrue(uploaded.content().startsWith("✅"), uploaded.content());
            JsonNode choices = discord.autocomplete(ana, general, "suggest", "topic", "own").awaitCallback(WAIT).choices();
            assertEquals("own-topic", choices.get(0).path("value").asText(), "the server's own topics: " + choices);
            int before = ownTopic(bot, home).questions().size();
            discord.submitModal(ana, openForm(discord, ana, general, "own-topic"), VALID).awaitResponseMessage(WAIT);
            FakeMessage forOwn = review.lastMessage();
            assertTrue(embedText(discord.clickButton(mod, forOwn, button(forOwn, "sa")).awaitResponseMessage(WAIT))
                    .contains("Approved by"));
            assertEquals(before + 1, ownTopic(bot, home).questions().size(), "joined own-topic");
            discord.submitModal(ana, openForm(discord, ana, general, "own-topic"), other).awaitResponseMessage(WAIT);
            FakeMessage orphan = review.lastMessage();
            FakeMessage confirm = discord.slashCommand(mod, general, "bank", InteractionOption.subcommand("remove",
                    InteractionOption.string("topic", "own-topic"))).awaitResponseMessage(WAIT);
            discord.clickButton(mod, confirm, confirm.customIds().get(0)).awaitResponseMessage(WAIT);
            FakeMessage notApproved = discord.clickButton(mod, orphan, button(orphan, "sa")).awaitResponseMessage(WAIT);
            assertTrue(notApproved.isEphemeral() && notApproved.content().startsWith("Not approved: `own-topic` is no longer"),
                    notApproved.content());
            assertEquals(3, discord.messageById(orphan.id()).buttonLabels().size(), "still waiting");

            FakeMessage forged = discord.clickUnchecked(mod, first, new CustomId.SuggestReview(987654,
                    CustomId.SuggestReview.Verdict.APPROVE).encode()).awaitResponseMessage(WAIT);
            assertTrue(forged.isEphemeral() && forged.content().contains("no longer there"), forged.content());
            discord.assertNoProtocolViolations();
        }
    }

    private static Topic ownTopic(BotHarness bot, FakeGuild guild) {
        return bot.storage().serverTopics().live().stream().filter(t -> t.guild() == guild.id()
                && t.topicId().equals("own-topic")).findFirst().map(t -> dev.quiztutor.bank.BankLoader.read(
                Path.of("own-topic.json"), t.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)).topic().orElseThrow())
                .orElseThrow();
    }

    private static Optional<Topic> serverTopics(BotHarness bot, FakeGuild guild) {
        return bot.storage().serverTopics().live().stream().filter(t -> t.guild() == guild.id()
                && t.topicId().equals("suggestions")).findFirst().map(t -> dev.quiztutor.bank.BankLoader.read(
                Path.of("suggestions.json"), t.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)).topic().orElseThrow());
    }

    @Test
    void aMemberSendsAtMostFiveSuggestionsADayInTheServersDay(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock("2026-11-23T22:00:00Z");
        try (BotHarness bot = new BotHarness(dir, clock)) {
            FakeDiscord discord = bot.discord;
            discord.awaitCommand("suggest", WAIT);
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            FakeUser mod = discord.moderator("mod");
            FakeUser ana = discord.user("ana");
            FakeChannel review = reviewChannel(discord, home);
            setReviewChannel(discord, mod, general, review);

            for (int i = 1; i <= 5; i++) {
                Map<String, String> values = new HashMap<>(VALID);
                values.put("question", "Question number " + i + "?");
                assertTrue(suggest(discord, ana, general, values).content().startsWith("📨"), "suggestion " + i);
            }
            Callback sixth = discord.slashCommand(ana, general, "suggest").awaitCallback(WAIT);
            assertEquals(4, sixth.type(), "no form for a sixth: " + sixth);
            long midnight = java.time.Instant.parse("2026-11-24T00:00:00Z").getEpochSecond();
            assertTrue(sixth.content().contains("at most 5 a day") && sixth.content().contains("<t:" + midnight + ":R>"),
                    sixth.content());
            assertEquals(5, review.messages().size());
            assertTrue(suggest(discord, mod, general, VALID).content().startsWith("📨"), "the limit is per member");

            clock.set("2026-11-24T00:00:01Z");
            assertTrue(suggest(discord, ana, general, VALID).content().startsWith("📨"), "a new day, new suggestions");
            discord.assertNoProtocolViolations();
        }
    }
}
