package dev.quiztutor.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Tests of the fake itself, with a real JDA 6.5.0 and a bare bot (the listener below): the
 * fake must be good enough that the quiz bot's end-to-end tests can trust it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FakeDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeDiscord discord;
    private JDA jda;
    private final BareBot bot = new BareBot();
    private long connectMillis;

    /** A bare bot: just enough behaviour to exercise each kind of traffic. */
    static final class BareBot extends ListenerAdapter {
        final CountDownLatch ready = new CountDownLatch(1);
        final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
        final BlockingQueue<Message> posted = new LinkedBlockingQueue<>();
        final Map<String, Integer> shardOfCommand = new ConcurrentHashMap<>();
        final CountDownLatch resumed = new CountDownLatch(1);

        @Override
        public void onSessionResume(SessionResumeEvent event) {
            resumed.countDown();
        }

        @Override
        public void onReady(ReadyEvent event) {
            event.getJDA().updateCommands().addCommands(
                    Commands.slash("practice", "Practise a topic")
                            .addOption(OptionType.STRING, "topic", "The topic", false, true),
                    Commands.slash("slow", "A deferred answer"),
                    Commands.slash("pick", "Choose from a menu"),
                    Commands.slash("answer", "Answer in a modal"),
                    Commands.slash("announce", "Reply, then post in a channel")
                            .addOption(OptionType.CHANNEL, "channel", "Where to post", false)
                            .addOption(OptionType.INTEGER, "count", "How many posts", false),
                    Commands.slash("edit", "Edit a channel message by id")
                            .addOption(OptionType.STRING, "id", "Message id", true),
                    Commands.slash("followup", "Reply, then follow up"),
                    Commands.slash("deferfollow", "Defer publicly, then follow up privately twice"),
                    Commands.slash("manage", "Moderators only"),
                    Commands.slash("where", "Which shard am I on")).queue();
            ready.countDown();
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            switch (event.getName()) {
                case "practice": {
                    String topic = event.getOption("topic") == null ? "any" : event.getOption("topic").getAsString();
                    event.reply("Question for " + event.getUser().getId() + " on " + topic)
                            .setEphemeral(true)
                            .addComponents(ActionRow.of(
                                    Button.primary("answer:" + event.getUser().getId(), "Answer"),
                                    Button.secondary("skip", "Skip")))
                            .queue();
                    break;
                }
                case "slow":
                    event.deferReply().queue(hook -> hook.editOriginal("slow answer for " + event.getUser().getName()).queue());
                    break;
                case "pick":
                    event.reply("Pick some")
                            .addComponents(ActionRow.of(StringSelectMenu.create("topics")
                                    .addOption("Motion", "motion")
                                    .addOption("Forces", "forces")
                                    .addOption("Energy", "energy")
                                    .setMaxValues(2)
                                    .build()))
                            .queue();
                    break;
                case "answer":
                    event.replyModal(Modal.create("blanks", "Fill in the blanks")
                                    .addComponents(Label.of("First blank", TextInput.create("b1", TextInputStyle.SHORT).build()))
                                    .build())
                            .queue();
                    break;
                case "announce": {
                    event.reply("announcing").setEphemeral(true).queue();
                    MessageChannel target = event.getOption("channel") == null
                            ? event.getChannel() : event.getOption("channel").getAsChannel().asGuildMessageChannel();
                    int count = event.getOption("count") == null ? 1 : event.getOption("count").getAsInt();
                    for (int i = 1; i <= count; i++) {
                        target.sendMessage("Announcement " + i).queue(posted::add, failures::add);
                    }
                    break;
                }
                case "edit":
                    event.reply("editing").setEphemeral(true).queue();
                    event.getChannel().editMessageById(event.getOption("id").getAsString(), "edited").queue(null, failures::add);
                    break;
                case "followup":
                    event.reply("first").queue(hook -> hook.sendMessage("second").setEphemeral(true).queue(null, failures::add));
                    break;
                case "deferfollow":
                    event.deferReply().queue(hook -> hook.sendMessage("meant to be private").setEphemeral(true)
                            .queue(m -> hook.sendMessage("second").setEphemeral(true).queue(null, failures::add), failures::add));
                    break;
                case "manage":
                    boolean allowed = event.getMember() != null && event.getMember().hasPermission(Permission.MANAGE_SERVER);
                    event.reply(allowed ? "allowed" : "denied").setEphemeral(true).queue();
                    break;
                case "where":
                    shardOfCommand.put(event.getGuild().getId(), event.getJDA().getShardInfo().getShardId());
                    event.reply("shard " + event.getJDA().getShardInfo().getShardId()).queue();
                    break;
                default:
                    event.reply("unknown").setEphemeral(true).queue();
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            // getMessage()/getButton() work only when the payload carries the full message
            event.reply("clicked " + event.getButton().getLabel() + " on " + event.getMessage().getId()
                            + " saying '" + event.getMessage().getContentRaw() + "' by " + event.getUser().getId())
                    .setEphemeral(true)
                    .queue();
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            event.editMessage("picked " + String.join(",", event.getValues())).queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("blank 1 = " + event.getValue("b1").getAsString()).setEphemeral(true).queue();
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            List<String> topics = List.of("mlo", "mechanics", "optics");
            event.replyChoiceStrings(topics.stream().filter(t -> t.startsWith(typed)).toList()).queue();
        }
    }

    @BeforeAll
    void connect() throws Exception {
        discord = FakeDiscord.start();
        long start = System.nanoTime();
        jda = JDABuilder.createLight(FakeDiscord.TOKEN)
                .setRestConfig(discord.restConfig())
                .setSessionController(discord.sessionController())
                .setCompression(Compression.NONE)
                // the throughput check should measure the fake, not HTTP/1.1 connection churn
                .setHttpClientBuilder(FakeDiscord.httpClientForLoad(64))
                .addEventListeners(bot)
                .build();
        FakeDiscord.awaitConnected(jda, WAIT);
        connectMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(bot.ready.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        discord.awaitCommand("where", WAIT);
    }

    /** Runs last (methods run in name order): everything the fake answered so far must fit the spec's response schemas. */
    @Test
    void zzFakeResponsesMatchTheSpecsResponseSchemas() {
        // make sure there is some traffic of each kind even when run alone
        FakeUser olga = discord.user("olga");
        discord.slashCommand(olga, discord.channel("general"), "followup").awaitFollowUps(1, WAIT);
        discord.slashCommand(olga, discord.channel("general"), "slow").awaitOriginalEdit(WAIT);
        discord.slashCommand(olga, discord.channel("general"), "announce").awaitCallback(WAIT);
        discord.awaitRequest(r -> r.is("POST", "/channels/" + discord.channel("general").idString() + "/messages"), WAIT);
        discord.assertNoProblems();
        List<String> mismatches = discord.responseSchemaMismatches();
        assertTrue(mismatches.isEmpty(), mismatches.size() + " response(s) of the fake do not match the spec:\n  "
                + String.join("\n  ", mismatches));
    }

    @AfterAll
    void disconnect() throws Exception {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(Duration.ofSeconds(10));
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void readyIsFastAndCommandsAreRegistered() {
        System.out.println("JDA connected to the fake in " + connectMillis + " ms");
        assertTrue(connectMillis < 20_000, "connected in " + connectMillis + " ms");
        Guild guild = jda.getGuildById(discord.guild().id());
        assertNotNull(guild, "the default guild is known to JDA");
        assertFalse(guild.isDetached());
        assertNotNull(guild.getSelfMember());
        assertNotNull(guild.getTextChannelById(discord.channel("practice").id()));
        RecordedRequest put = discord.awaitRequest(r -> r.is("PUT", "/applications/" + discord.applicationId() + "/commands"), WAIT);
        assertEquals(200, put.status());
        assertEquals(10, put.json().size());
        JsonNode practice = discord.awaitCommand("practice", WAIT);
        assertTrue(practice.path("id").asText().matches("\\d+"));
        assertTrue(practice.path("options").path(0).path("autocomplete").asBoolean());
        discord.assertNoProtocolViolations();
    }

    @Test
    void slashReplyIsEphemeralWithButtonsAndClickCarriesTheFullMessage() {
        FakeUser alice = discord.user("alice");
        InteractionHandle h = discord.slashCommand(alice, discord.channel("practice"), "practice",
                InteractionOption.string("topic", "mlo"));
        Callback cb = h.awaitCallback(WAIT);
        assertEquals(4, cb.type());
        assertEquals(64, cb.flags());
        assertTrue(cb.isEphemeral());
        assertEquals("Question for " + alice.idString() + " on mlo", cb.content());
        assertEquals("answer:" + alice.idString(), cb.components().path(0).path("components").path(0).path("custom_id").asText());
        assertTrue(cb.latencyNanos() > 0);
        FakeMessage question = h.awaitResponseMessage(WAIT);
        assertTrue(question.isEphemeral());
        assertEquals(List.of("Answer", "Skip"), question.buttonLabels());
        assertEquals(question, discord.channel("practice").lastMessage());

        InteractionHandle click = discord.clickButton(alice, question, "answer:" + alice.idString());
        Callback clicked = click.awaitCallback(WAIT);
        assertEquals(4, clicked.type());
        assertTrue(clicked.isEphemeral());
        assertEquals("clicked Answer on " + question.idString() + " saying '" + question.content() + "' by " + alice.idString(),
                clicked.content());
        assertEquals(question.idString(), click.payload().path("message").path("id").asText());
        discord.assertNoProtocolViolations();
    }

    @Test
    void deferredReplyIsCompletedByEditingTheOriginal() {
        FakeUser carol = discord.user("carol");
        InteractionHandle h = discord.slashCommand(carol, discord.channel("general"), "slow");
        Callback cb = h.awaitCallback(WAIT);
        assertEquals(5, cb.type());
        RecordedRequest edit = h.awaitOriginalEdit(WAIT);
        assertEquals("PATCH", edit.method());
        assertEquals("/webhooks/" + discord.applicationId() + "/" + h.token() + "/messages/@original", edit.path());
        assertEquals("slow answer for carol", edit.content());
        FakeMessage m = h.awaitResponseMessage(WAIT);
        assertFalse(m.isLoading());
        assertEquals("slow answer for carol", m.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void twoUsersAreToldApart() {
        FakeUser dave = discord.user("dave");
        FakeUser erin = discord.user("erin");
        FakeChannel channel = discord.channel("practice");
        InteractionHandle hd = discord.slashCommand(dave, channel, "practice");
        InteractionHandle he = discord.slashCommand(erin, channel, "practice");
        FakeMessage md = hd.awaitResponseMessage(WAIT);
        FakeMessage me = he.awaitResponseMessage(WAIT);
        assertTrue(md.content().contains(dave.idString()));
        assertTrue(me.content().contains(erin.idString()));
        assertEquals(dave.id(), md.ephemeralFor());
        // erin cannot see, let alone click, dave's ephemeral question
        assertThrows(IllegalStateException.class, () -> discord.clickButton(erin, md, "skip"));
        Callback ce = discord.clickButton(erin, me, "skip").awaitCallback(WAIT);
        assertTrue(ce.content().endsWith("by " + erin.idString()), ce.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void membersHaveTheirPermissions() {
        FakeChannel channel = discord.channel("general");
        Callback plain = discord.slashCommand(discord.user("frank"), channel, "manage").awaitCallback(WAIT);
        Callback mod = discord.slashCommand(discord.moderator("mia"), channel, "manage").awaitCallback(WAIT);
        FakeUser granted = discord.user("gina");
        discord.member(granted).grant(Permission.MANAGE_SERVER);
        Callback viaGrant = discord.slashCommand(granted, channel, "manage").awaitCallback(WAIT);
        assertEquals("denied", plain.content());
        assertEquals("allowed", mod.content());
        assertEquals("allowed", viaGrant.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void autocompleteSelectMenuAndModal() {
        FakeUser hana = discord.user("hana");
        FakeChannel channel = discord.channel("practice");
        Callback choices = discord.autocomplete(hana, channel, "practice", "topic", "m").awaitCallback(WAIT);
        assertEquals(8, choices.type());
        List<String> names = new ArrayList<>();
        choices.choices().forEach(c -> names.add(c.path("name").asText()));
        assertEquals(List.of("mlo", "mechanics"), names);

        FakeMessage menu = discord.slashCommand(hana, channel, "pick").awaitResponseMessage(WAIT);
        assertThrows(IllegalArgumentException.class, () -> discord.selectMenu(hana, menu, "topics", "nope"));
        InteractionHandle select = discord.selectMenu(hana, menu, "topics", "motion", "energy");
        Callback update = select.awaitCallback(WAIT);
        assertEquals(7, update.type());
        assertEquals("picked motion,energy", menu.content());
        assertEquals(1, menu.editCount());

        InteractionHandle opener = discord.slashCommand(hana, channel, "answer");
        assertEquals(9, opener.awaitCallback(WAIT).type());
        Callback submitted = discord.submitModal(hana, opener, Map.of("b1", "42 N")).awaitCallback(WAIT);
        assertEquals("blank 1 = 42 N", submitted.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void followUpsAndDirectMessages() {
        FakeUser ivan = discord.user("ivan");
        InteractionHandle h = discord.slashCommand(ivan, discord.channel("general"), "followup");
        assertEquals("first", h.awaitCallback(WAIT).content());
        assertTrue(h.awaitCallback(WAIT).request().query().contains("with_response=true"), "JDA 6 always asks with_response");
        RecordedRequest second = h.awaitFollowUps(1, WAIT).get(0);
        assertEquals("second", second.content());
        assertEquals(64, second.json().path("flags").asInt());
        FakeMessage followUp = h.followUpMessages().get(0);
        assertTrue(followUp.isEphemeral());
        assertEquals(ivan.id(), followUp.ephemeralFor());

        FakeChannel dm = discord.dm(ivan);
        InteractionHandle inDm = discord.slashCommand(ivan, dm, "practice");
        FakeMessage question = inDm.awaitResponseMessage(WAIT);
        assertEquals("Question for " + ivan.idString() + " on any", question.content());
        assertTrue(inDm.payload().has("user"));
        assertFalse(inDm.payload().has("member"));
        Callback click = discord.clickButton(ivan, question, "skip").awaitCallback(WAIT);
        assertTrue(click.content().startsWith("clicked Skip on " + question.idString()), click.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void channelsThatRejectPostsOrVanishAndUnknownMessages() throws Exception {
        bot.failures.clear();
        FakeUser judy = discord.user("judy");
        FakeChannel locked = discord.channel("locked").rejectPosts(true);
        discord.slashCommand(judy, locked, "announce").awaitCallback(WAIT);
        assertErrorResponse(ErrorResponse.MISSING_PERMISSIONS);
        assertTrue(locked.messages().stream().noneMatch(m -> m.content().startsWith("Announcement")));

        FakeChannel gone = discord.channel("gone");
        gone.delete(false);
        discord.slashCommand(judy, discord.channel("general"), "announce", InteractionOption.channel("channel", gone)).awaitCallback(WAIT);
        assertErrorResponse(ErrorResponse.UNKNOWN_CHANNEL);

        discord.slashCommand(judy, discord.channel("general"), "edit", InteractionOption.string("id", Long.toString(Snowflake.next())))
                .awaitCallback(WAIT);
        assertErrorResponse(ErrorResponse.UNKNOWN_MESSAGE);

        // and the happy path: a post is stored as a full message, then editable by id
        discord.slashCommand(judy, discord.channel("general"), "announce").awaitCallback(WAIT);
        Message posted = bot.posted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(posted);
        FakeMessage stored = discord.messageById(posted.getIdLong());
        assertEquals("Announcement 1", stored.content());
        assertEquals(discord.botUser().idString(), stored.json().path("author").path("id").asText());
        discord.slashCommand(judy, discord.channel("general"), "edit", InteractionOption.string("id", posted.getId())).awaitCallback(WAIT);
        discord.awaitRequest(r -> r.is("PATCH", "/channels/" + discord.channel("general").idString() + "/messages/" + posted.getId()), WAIT);
        assertEquals("edited", stored.content());
        assertEquals(1, stored.editCount());
        discord.assertNoProtocolViolations();
    }

    /** Polls JDA's cache (it takes in gateway events on its own thread). */
    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "JDA never saw " + what);
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> rawPost(FakeChannel channel, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(discord.restBaseUrl() + "channels/"
                                + channel.idString() + "/messages"))
                        .header("Authorization", "Bot " + FakeDiscord.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void channelOverwritesReachJdaAndRestRefusesWhatTheyForbid() throws Exception {
        FakeChannel room = discord.channel("overwritten");
        until(() -> jda.getTextChannelById(room.id()) != null, "the channel");
        room.denyBot(Permission.MESSAGE_HISTORY, Permission.MESSAGE_EMBED_LINKS);
        Guild guild = jda.getGuildById(discord.guild().id());
        until(() -> !guild.getSelfMember().hasPermission(jda.getTextChannelById(room.id()), Permission.MESSAGE_HISTORY),
                "the overwrite");
        assertTrue(guild.getSelfMember().hasPermission(jda.getTextChannelById(room.id()), Permission.MESSAGE_SEND));
        assertFalse(guild.getSelfMember().hasPermission(jda.getTextChannelById(room.id()), Permission.MESSAGE_EMBED_LINKS));
        assertTrue(guild.getSelfMember().hasPermission(jda.getTextChannelById(discord.channel("general").id()),
                Permission.MESSAGE_HISTORY), "only that channel");
        long appPermissions = discord.slashCommand(discord.user("kim"), room, "manage").payload().path("app_permissions").asLong();
        assertEquals(0, appPermissions & Permission.MESSAGE_EMBED_LINKS.getRawValue(), "interactions carry the channel's");

        HttpResponse<String> plain = rawPost(room, "{\"content\":\"hello\"}");
        assertEquals(200, plain.statusCode(), plain.body());
        String id = Json.parse(plain.body()).path("id").asText();
        HttpResponse<String> embed = rawPost(room, "{\"embeds\":[{\"description\":\"x\"}]}");
        assertEquals(403, embed.statusCode());
        assertEquals(50013, Json.parse(embed.body()).path("code").asInt());
        HttpResponse<String> reply = rawPost(room, "{\"content\":\"re\",\"message_reference\":{\"message_id\":\"" + id + "\"}}");
        assertEquals(160002, Json.parse(reply.body()).path("code").asInt(), reply.body());
        room.denyBot(Permission.MESSAGE_SEND);
        assertEquals(50013, Json.parse(rawPost(room, "{\"content\":\"hi\"}").body()).path("code").asInt());
        room.overwrite(discord.guild().everyoneRole(), 0, Permission.VIEW_CHANNEL.getRawValue());
        assertEquals(50001, Json.parse(rawPost(room, "{\"content\":\"hi\"}").body()).path("code").asInt(),
                "the bot's role does not allow View Channel back");
        assertEquals(List.of("hello"), room.messages().stream().filter(m -> !m.isEphemeral()).map(FakeMessage::content).toList(),
                "only the allowed post is stored");
        discord.assertNoProtocolViolations();
    }

    @Test
    void theFirstFollowUpAfterADeferralEditsTheLoadingMessageAndKeepsItPublic() {
        InteractionHandle h = discord.slashCommand(discord.user("lou"), discord.channel("general"), "deferfollow");
        h.awaitFollowUps(2, WAIT);
        FakeMessage original = h.originalMessage();
        assertEquals("meant to be private", original.content(), "the first follow-up edited the loading message");
        assertFalse(original.isLoading());
        assertFalse(original.isEphemeral(), "the ephemeral flag is ignored: the deferral was public");
        assertEquals(1, h.followUpMessages().size(), "only the second made a message");
        assertTrue(h.followUpMessages().get(0).isEphemeral());
        discord.assertNoProtocolViolations();
    }

    @Test
    void aGuildOutageMakesItUnavailableUntilItComesBack() throws Exception {
        FakeGuild club = discord.createGuild("Outage Club");
        until(() -> jda.getGuildById(club.id()) != null, "the new guild");
        club.outage();
        until(() -> jda.isUnavailable(club.id()), "the outage");
        assertEquals(null, jda.getTextChannelById(club.textChannel("general").id()), "its channels are unknown meanwhile");
        club.endOutage();
        // JDA fills its channel cache from the GUILD_CREATE after it marks the guild available again.
        until(() -> jda.getGuildById(club.id()) != null && !jda.isUnavailable(club.id())
                && jda.getTextChannelById(club.textChannel("general").id()) != null, "the guild and its channels come back");
        assertNotNull(jda.getTextChannelById(club.textChannel("general").id()));
    }

    private void assertErrorResponse(ErrorResponse expected) throws InterruptedException {
        Throwable failure = bot.failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(failure, "the bot saw no failure");
        assertTrue(failure instanceof ErrorResponseException, failure.toString());
        assertEquals(expected, ((ErrorResponseException) failure).getErrorResponse());
    }

    @Test
    void resumesAfterReconnectRequestAndReplaysEventsMissedDuringADrop() throws Exception {
        FakeUser kim = discord.user("kim");
        int sessionsBefore = discord.gatewaySessions().size();
        discord.requestReconnect();
        assertTrue(bot.resumed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "JDA resumed after op 7");
        assertEquals("first", discord.slashCommand(kim, discord.channel("general"), "followup").awaitCallback(WAIT).content());

        discord.dropGatewayConnections();
        // sent while the socket is down: kept and replayed when JDA resumes
        InteractionHandle during = discord.slashCommand(kim, discord.channel("general"), "manage");
        assertEquals("denied", during.awaitCallback(WAIT).content());
        assertEquals(sessionsBefore, discord.gatewaySessions().size(), "resumed, not re-identified");
        assertTrue(discord.gatewaySessions().stream().anyMatch(s -> s.resumes() >= 2), discord.gatewaySessions().toString());
        discord.assertNoProtocolViolations();
    }

    @Test
    void invalidSessionLeadsToAFreshIdentify() {
        int before = discord.gatewaySessions().size();
        discord.invalidateSessions();
        // JDA drops its session and IDENTIFYs again through its session controller
        discord.awaitGatewaySessions(before + 1, Duration.ofSeconds(30));
        Callback cb = discord.slashCommand(discord.user("ned"), discord.channel("general"), "manage").awaitCallback(WAIT);
        assertEquals("denied", cb.content());
        discord.assertNoProtocolViolations();
    }

    @Test
    void rateLimitedBurstStillArrives() throws Exception {
        bot.posted.clear();
        bot.failures.clear();
        discord.rateLimits().enable(2, Duration.ofMillis(500));
        try {
            FakeChannel burst = discord.channel("burst");
            discord.slashCommand(discord.user("leo"), burst, "announce", InteractionOption.integer("count", 5)).awaitCallback(WAIT);
            for (int i = 0; i < 5; i++) {
                assertNotNull(bot.posted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS), "post " + (i + 1) + " arrived");
            }
            assertTrue(bot.failures.isEmpty(), bot.failures.toString());
            assertEquals(5, burst.messages().stream().filter(m -> m.content().startsWith("Announcement")).count());
        } finally {
            discord.rateLimits().disable();
        }
        discord.assertNoProtocolViolations();
    }

    /**
     * Discord's global limit (here 5 a second instead of 50, to be quick): posts to four channels at
     * once, four buckets to JDA, all arrive; the refusals are global 429s and JDA honours them
     * across every bucket (nothing arrives while a Retry-After runs), so 20 posts take 4 windows.
     */
    @Test
    void globalRateLimitIsHonouredAcrossBuckets() throws Exception {
        bot.posted.clear();
        bot.failures.clear();
        List<FakeChannel> channels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            channels.add(discord.channel("global-" + i));
        }
        long globalBefore = discord.rateLimits().globalLimitedCount();
        long routeBefore = discord.rateLimits().routeLimitedCount();
        discord.rateLimits().enableGlobal(5, Duration.ofSeconds(1));
        try {
            for (FakeChannel c : channels) {
                // the callback is an interaction endpoint: never held back by the global limit
                discord.slashCommand(discord.user("gus"), c, "announce", InteractionOption.integer("count", 5))
                        .awaitCallback(WAIT);
            }
            for (int i = 0; i < 20; i++) {
                assertNotNull(bot.posted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS), "post " + (i + 1) + " arrived");
            }
            assertTrue(bot.failures.isEmpty(), bot.failures.toString());
        } finally {
            discord.rateLimits().disableGlobal();
        }
        for (FakeChannel c : channels) {
            assertEquals(5, c.messages().stream().filter(m -> m.content().startsWith("Announcement")).count(), c.name());
        }
        assertTrue(discord.rateLimits().globalLimitedCount() > globalBefore, "the burst met the global limit");
        assertEquals(routeBefore, discord.rateLimits().routeLimitedCount(), "no per-route limit is on");
        assertEquals(0, discord.rateLimits().ignoredGlobalRetryAfterCount(), "JDA waits out every global Retry-After");
        List<RecordedRequest> posts = discord.requests().stream()
                .filter(r -> r.method().equals("POST") && channels.stream().anyMatch(c -> r.path().equals("/channels/" + c.idString() + "/messages")))
                .toList();
        List<RecordedRequest> limited = posts.stream().filter(r -> r.status() == 429).toList();
        assertFalse(limited.isEmpty());
        for (RecordedRequest r : limited) {
            assertTrue(Json.parse(r.responseBody()).path("global").asBoolean(), r.responseBody());
        }
        assertTrue(discord.requests().stream().noneMatch(r -> r.path().startsWith("/interactions/") && r.status() == 429),
                "interaction callbacks are exempt");
        long first = posts.stream().mapToLong(RecordedRequest::receivedNanos).min().orElseThrow();
        long last = posts.stream().filter(r -> r.status() == 200).mapToLong(RecordedRequest::receivedNanos).max().orElseThrow();
        assertTrue(last - first >= 2_900_000_000L, "20 posts at 5 a second need 4 windows: " + (last - first) / 1e6 + " ms");
        discord.assertNoProtocolViolations();
    }

    /** The global 429 as Discord sends it, and what counts as not waiting for it. */
    @Test
    void globalRateLimitAnswersAsDiscordDoes() throws Exception {
        try (FakeDiscord raw = FakeDiscord.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String channel = raw.channel("general").idString();
            HttpRequest get = HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + channel))
                    .header("Authorization", "Bot " + FakeDiscord.TOKEN).GET().build();
            raw.rateLimits().enableGlobal(2, Duration.ofSeconds(30)).enable(5, Duration.ofSeconds(30));
            assertTrue(raw.rateLimits().globalEnabled());
            HttpResponse<String> first = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals("4", first.headers().firstValue("X-RateLimit-Remaining").orElse(""));
            assertEquals(200, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> limited = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            JsonNode body = Json.parse(limited.body());
            assertTrue(body.path("global").asBoolean(), limited.body());
            assertTrue(body.path("retry_after").asDouble() > 29, limited.body());
            assertEquals("true", limited.headers().firstValue("X-RateLimit-Global").orElse(""));
            assertEquals("global", limited.headers().firstValue("X-RateLimit-Scope").orElse(""));
            assertEquals("30", limited.headers().firstValue("Retry-After").orElse(""), "whole seconds, rounded up");
            assertTrue(limited.headers().firstValue("Via").isPresent(), "without Via JDA takes a 429 for Cloudflare's");
            assertEquals(1, raw.rateLimits().globalLimitedCount());
            assertEquals(0, raw.rateLimits().routeLimitedCount());

            // one more on its way when the 429 was sent is no offence; one sent after reading it is
            assertEquals(429, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(0, raw.rateLimits().ignoredGlobalRetryAfterCount());
            Thread.sleep(RateLimits.IN_FLIGHT_GRACE.toMillis() + 100);
            assertEquals(429, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(1, raw.rateLimits().ignoredGlobalRetryAfterCount());
            assertEquals(3, raw.rateLimits().limitedCount());

            // a global refusal consumed nothing of the route's bucket: 3 of 5 left once the global limit is off
            raw.rateLimits().disableGlobal();
            HttpResponse<String> after = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode());
            assertEquals("2", after.headers().firstValue("X-RateLimit-Remaining").orElse(""));
        }
    }

    @Test
    void restLatencySimulatesDiscordsRoundTrip() throws Exception {
        try (FakeDiscord raw = FakeDiscord.start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + raw.channel("general").idString()))
                    .header("Authorization", "Bot " + FakeDiscord.TOKEN).GET().build();
            assertEquals(200, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            raw.restLatency(Duration.ofMillis(150));
            long start = System.nanoTime();
            assertEquals(200, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(System.nanoTime() - start >= 150_000_000L, "answered after the simulated round trip");
            raw.restLatency(Duration.ZERO);
        }
    }

    /**
     * Not a benchmark, a sanity check that the fake is not the bottleneck: 2,000 clicks with at
     * most 64 in flight, answered by the bare bot. Prints clicks/s and how the CPU time split
     * between the fake's threads (and the test thread driving it) and JDA's.
     */
    @Test
    void throughputOfButtonClicks() {
        FakeUser max = discord.user("max");
        FakeMessage question = discord.slashCommand(max, discord.channel("practice"), "practice").awaitResponseMessage(WAIT);
        runClicks(max, question, 300); // warm-up, so the figure is not JIT compilation
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long cpuProcessBefore = processCpuNanos();
        int connectionsBefore = discord.restConnectionCount();
        long start = System.nanoTime();
        int clicks = Integer.getInteger("fake.clicks", 2_000);
        long[] latencies = runClicks(max, question, clicks);
        long wall = System.nanoTime() - start;
        Map<String, Long> cpuAfter = cpuByThreadGroup();
        long cpuProcess = processCpuNanos() - cpuProcessBefore;
        java.util.Arrays.sort(latencies);
        StringBuilder split = new StringBuilder();
        cpuAfter.forEach((group, nanos) -> split.append(String.format(" %s %d ms,", group, (nanos - cpuBefore.getOrDefault(group, 0L)) / 1_000_000)));
        System.out.printf("%d clicks in %d ms: %.0f clicks/s, latency p50 %.2f ms p99 %.2f ms; CPU %d ms of %d ms x %d cores (%s);"
                        + " %d new REST connections%n",
                clicks, wall / 1_000_000, clicks / (wall / 1e9), latencies[clicks / 2] / 1e6, latencies[clicks * 99 / 100] / 1e6,
                cpuProcess / 1_000_000, wall / 1_000_000, Runtime.getRuntime().availableProcessors(), split.toString().trim(),
                discord.restConnectionCount() - connectionsBefore);
        discord.assertNoProtocolViolations();
        discord.assertNoProblems();
    }

    private long[] runClicks(FakeUser user, FakeMessage message, int clicks) {
        int window = 64;
        java.util.ArrayDeque<InteractionHandle> inFlight = new java.util.ArrayDeque<>();
        long[] latencies = new long[clicks];
        int done = 0;
        for (int i = 0; i < clicks; i++) {
            if (inFlight.size() == window) {
                latencies[done++] = inFlight.poll().awaitCallback(Duration.ofSeconds(60)).latencyNanos();
            }
            inFlight.add(discord.clickButton(user, message, "skip"));
        }
        while (!inFlight.isEmpty()) {
            Callback cb = inFlight.poll().awaitCallback(Duration.ofSeconds(60));
            assertTrue(cb.status() == 200 || cb.status() == 204, cb.toString());
            latencies[done++] = cb.latencyNanos();
        }
        return latencies;
    }

    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = mx.getThreadCpuTime(t.getId());
            if (cpu < 0) {
                continue;
            }
            String name = t.getName();
            String group = name.startsWith("fake-discord") || name.equals("HTTP-Dispatcher") ? "fake"
                    : name.equals("main") ? "test-driver"
                    : name.contains("JDA") || name.startsWith("OkHttp") || name.contains("RateLimit") ? "jda" : "other";
            out.merge(group, cpu, Long::sum);
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Test
    void openApiCheckCatchesInvalidBodiesAndUnknownRoutes() throws Exception {
        try (FakeDiscord raw = FakeDiscord.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String channel = raw.channel("general").idString();
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + channel + "/messages"))
                            .header("Authorization", "Bot " + FakeDiscord.TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + "x".repeat(4001) + "\",\"tts\":\"loud\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            JsonNode error = Json.parse(bad.body());
            assertEquals(50035, error.path("code").asInt());
            assertEquals("Invalid Form Body", error.path("message").asText());
            assertEquals("BASE_TYPE_MAX_LENGTH", error.path("errors").path("content").path("_errors").path(0).path("code").asText());
            assertTrue(error.path("errors").path("tts").has("_errors"), bad.body());
            assertEquals(1, raw.protocolViolations().size());
            ProtocolViolation v = raw.protocolViolations().get(0);
            assertEquals("invalid-body", v.kind());
            assertTrue(v.details().toString().contains("4,000"), v.details().toString());
            assertTrue(raw.channel("general").messages().isEmpty(), "an invalid post is not stored");

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "totally/made-up"))
                    .header("Authorization", "Bot " + FakeDiscord.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());
            assertEquals("unknown-route", raw.protocolViolations().get(1).kind());
            assertEquals(1, raw.problems().size());

            HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "gateway/bot"))
                    .header("Authorization", "Bot " + FakeDiscord.TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, wrongMethod.statusCode());
            assertTrue(raw.protocolViolations().get(2).details().get(0).contains("not the method DELETE"));
            assertThrows(AssertionError.class, raw::assertNoProtocolViolations);

            // a valid post passes and is stored as a full message
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + channel + "/messages"))
                            .header("Authorization", "Bot " + FakeDiscord.TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("hello", raw.channel("general").lastMessage().content());
            assertEquals(3, raw.protocolViolations().size());

            // rate limits: Discord's headers, then 429 with retry_after
            raw.rateLimits().enable(2, Duration.ofSeconds(30));
            HttpRequest get = HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + channel))
                    .header("Authorization", "Bot " + FakeDiscord.TOKEN).GET().build();
            HttpResponse<String> first = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals("1", first.headers().firstValue("X-RateLimit-Remaining").orElse(""));
            http.send(get, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> limited = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertTrue(Json.parse(limited.body()).path("retry_after").asDouble() > 0);
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            assertTrue(limited.headers().firstValue("Via").isPresent(), "without Via JDA takes a 429 for Cloudflare's");
            assertEquals(1, raw.rateLimits().limitedCount());
        }
    }

    @Test
    void shardManagerGetsEachGuildOnItsShard() throws Exception {
        try (FakeDiscord sharded = FakeDiscord.builder().recommendedShards(2).start()) {
            FakeGuild zero = sharded.createGuild("Shard Zero", Snowflake.nextOnShard(0, 2));
            FakeGuild one = sharded.createGuild("Shard One", Snowflake.nextOnShard(1, 2));
            BareBot shardBot = new BareBot();
            CountDownLatch ready = new CountDownLatch(2);
            ShardManager shards = DefaultShardManagerBuilder.createLight(FakeDiscord.TOKEN)
                    .setRestConfig(sharded.restConfig())
                    .setSessionController(sharded.sessionController())
                    .setCompression(Compression.NONE)
                    .addEventListeners(shardBot, new ListenerAdapter() {
                        @Override
                        public void onReady(ReadyEvent event) {
                            ready.countDown();
                        }
                    })
                    .build();
            try {
                assertTrue(ready.await(60, TimeUnit.SECONDS), "both shards ready; " + sharded.gatewaySessions());
                sharded.awaitCommand("where", WAIT);
                assertEquals(2, shards.getShardsTotal());
                assertTrue(sharded.requests().stream().anyMatch(r -> r.is("GET", "/gateway/bot")));
                for (FakeGuild g : sharded.guilds()) {
                    int expected = Snowflake.shardOf(g.id(), 2);
                    JDA owner = shards.getShardById(expected);
                    assertNotNull(owner.getGuildById(g.id()), g + " on shard " + expected);
                    assertEquals(null, shards.getShardById(1 - expected).getGuildById(g.id()), g + " not on the other shard");
                }
                FakeUser nia = sharded.user("nia");
                for (FakeGuild g : List.of(zero, one)) {
                    Callback cb = sharded.slashCommand(nia, g.textChannel("general"), "where").awaitCallback(WAIT);
                    assertEquals("shard " + Snowflake.shardOf(g.id(), 2), cb.content());
                }
                assertEquals(0, shardBot.shardOfCommand.get(zero.idString()));
                assertEquals(1, shardBot.shardOfCommand.get(one.idString()));
                sharded.assertNoProtocolViolations();
            } finally {
                shards.shutdown();
                for (JDA shard : shards.getShards()) {
                    shard.awaitShutdown(Duration.ofSeconds(10));
                }
            }
        }
    }

    /** A file sent with alt text, as /progress sends its chart: multipart, files[0] paired with attachments[0]. */
    private static HttpResponse<String> postFile(HttpClient http, FakeDiscord raw, String channel, String description,
                                                 byte[] png) throws Exception {
        String boundary = "fakeboundary";
        String payload = "{\"content\":\"chart\",\"attachments\":[{\"id\":0,\"filename\":\"c.png\",\"description\":"
                + Json.MAPPER.writeValueAsString(description) + "}]}";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + payload + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"c.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(raw.restBaseUrl() + "channels/" + channel + "/messages"))
                        .header("Authorization", "Bot " + FakeDiscord.TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFilesAltTextAndAnImagesSizeAreKeptAndTheAltTextsLengthIsChecked() throws Exception {
        try (FakeDiscord raw = FakeDiscord.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String channel = raw.channel("general").idString();
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);

            HttpResponse<String> ok = postFile(http, raw, channel, "Bar chart: 3 right this week.", png.toByteArray());
            assertEquals(200, ok.statusCode(), ok.body());
            JsonNode attachment = raw.channel("general").lastMessage().json().path("attachments").path(0);
            assertEquals("Bar chart: 3 right this week.", attachment.path("description").asText(), attachment.toString());
            assertEquals(30, attachment.path("width").asInt());
            assertEquals(20, attachment.path("height").asInt());
            raw.assertNoProtocolViolations();

            HttpResponse<String> tooLong = postFile(http, raw, channel, "x".repeat(1025), png.toByteArray());
            assertEquals(400, tooLong.statusCode(), "Discord allows alt text of at most 1024 characters");
            assertTrue(raw.protocolViolations().get(0).details().toString().contains("1,024"),
                    raw.protocolViolations().toString());
        }
    }
}
