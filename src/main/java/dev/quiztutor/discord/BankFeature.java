package dev.quiztutor.discord;

import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.TopicWriter;
import dev.quiztutor.bank.Upload;
import dev.quiztutor.store.GuildSettings;
import dev.quiztutor.store.GuildSettingsStore;
import dev.quiztutor.store.ServerTopicStore;
import dev.quiztutor.store.ServerTopics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * /bank: a server's own topics, managed by its moderators (Manage Server or the moderator role, as
 * for /schedule). An upload is downloaded from the interaction's own attachment with a size bound
 * and a timeout, read as /validate reads a file, and live in this server at once.
 */
final class BankFeature {
    static final String NAME = "bank";
    /** Problems shown in the reply; all of them are in the attached problems.txt. */
    static final int PROBLEMS_SHOWN = 10;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    /** What /bank may keep and take (config {@code bank.*}). */
    record Limits(long maxFileBytes, ServerTopics.Limits perServer) {
    }

    private final ServerTopics topics;
    private final GuildSettingsStore guilds;
    private final Limits limits;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    BankFeature(ServerTopics topics, GuildSettingsStore guilds, Limits limits, Clock clock) {
        this.topics = topics;
        this.guilds = guilds;
        this.limits = limits;
        this.clock = clock;
    }

    static SlashCommandData command() {
        OptionData topic = new OptionData(OptionType.STRING, "topic", "One of this server's own topics", true, true)
                .setMaxLength(100);
        return Commands.slash(NAME, "This server's own quiz topics (moderators)")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        new SubcommandData("upload", "Add a topic file (our JSON, GIFT, Moodle XML, Aiken or CSV)")
                                .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "The topic file", true),
                                        new OptionData(OptionType.BOOLEAN, "replace",
                                                "Replace this server's topic with the same id", false)),
                        new SubcommandData("list", "This server's own topics: version, uploader, questions"),
                        new SubcommandData("download", "A topic of this server as our JSON file").addOptions(topic),
                        new SubcommandData("remove", "Remove a topic of this server (its history stays)").addOptions(topic),
                        SuggestFeature.reviewChannelCommand());
    }

    /** Autocomplete of {@code topic}: this server's own topics only. */
    List<Command.Choice> suggest(long guild, String typed) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return topics.banks().own(guild).stream()
                .filter(t -> t.id().contains(wanted) || t.title().toLowerCase(Locale.ROOT).contains(wanted))
                .limit(25).map(t -> new Command.Choice(t.title(), t.id())).toList();
    }

    void handle(SlashCommandInteractionEvent event, Reply reply) {
        Member member = event.getMember();
        if (member == null || event.getGuild() == null) {
            reply.send(View.text("A server's own topics are managed in the server."));
            return;
        }
        if (!allowed(member, reply)) {
            return;
        }
        long guild = event.getGuild().getIdLong();
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        switch (sub) {
            case "upload" -> upload(event, reply, guild, member);
            case "list" -> list(reply, guild);
            case "download" -> download(reply, guild, text(event, "topic"));
            case "remove" -> askToRemove(reply, guild, text(event, "topic"));
            default -> reply.send(View.text("Use /bank upload, list, download or remove."));
        }
    }

    private boolean allowed(Member member, Reply reply) {
        GuildSettings settings = guilds.get(member.getGuild().getIdLong());
        if (ScheduleFeature.isModerator(member, settings)) {
            return true;
        }
        reply.turnAway(dev.quiztutor.ops.Metrics.TurnedAway.NOT_ALLOWED);
        reply.send(View.text("Only moderators can manage this server's topics: members with Manage Server"
                + settings.moderatorRole().map(r -> " or the <@&" + r + "> role").orElse("") + "."));
        return false;
    }

    private void upload(SlashCommandInteractionEvent event, Reply reply, long guild, Member member) {
        Message.Attachment file = event.getOption("file", OptionMapping::getAsAttachment);
        if (file == null) {
            reply.send(View.text("Attach the topic file to the `file` option."));
            return;
        }
        if (file.getSize() > limits.maxFileBytes()) {
            reply.send(View.text(tooLarge()));
            return;
        }
        // Fetching takes longer than Discord waits for an answer.
        reply.deferIfPending();
        byte[] bytes;
        try {
            bytes = fetch(file.getUrl());
        } catch (TooLarge e) {
            reply.send(View.text(tooLarge()));
            return;
        } catch (IOException e) {
            reply.send(View.text("I could not download the file from Discord (" + Views.safe(e.getMessage())
                    + "). Try again in a moment."));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.send(View.text(Polite.RESTARTING));
            return;
        }
        Upload.Read read = Upload.read(file.getFileName(), bytes);
        if (read instanceof Upload.Invalid invalid) {
            reply.sendFile(problems(invalid.problems()), "problems.txt",
                    (String.join("\n", invalid.problems()) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Upload.Valid valid = (Upload.Valid) read;
        ServerTopicStore.Uploader uploader = new ServerTopicStore.Uploader(member.getIdLong(), member.getEffectiveName());
        boolean replace = Boolean.TRUE.equals(event.getOption("replace", OptionMapping::getAsBoolean));
        ServerTopics.Change change = topics.upload(guild, valid.topic(), valid.json(), uploader, clock.instant(), replace,
                limits.perServer());
        if (change instanceof ServerTopics.Refused refused) {
            reply.send(View.text("Nothing changed. " + refused.reason()));
            return;
        }
        ServerTopics.Added added = (ServerTopics.Added) change;
        Topic topic = added.topic();
        reply.send(View.text("✅ **" + Views.safe(topic.title()) + "** (`" + topic.id() + "`) is "
                + (added.replaced() ? "replaced" : "added") + " in this server: "
                + Views.plural(topic.questions().size(), "question", "questions") + ", version " + added.version()
                + ". Try `/practice topic:" + topic.id() + "`."));
    }

    private String tooLarge() {
        return "Nothing changed: the file is larger than " + limits.maxFileBytes() / 1024 + " KiB, the most a topic file may be.";
    }

    /** Thrown when the download passes the size limit: counted here, whatever size the attachment claimed. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** The attachment's bytes, at most the size limit, from the URL Discord gave with the interaction. */
    private byte[] fetch(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            if (bytes.length > limits.maxFileBytes()) {
                throw new TooLarge();
            }
            return bytes;
        }
    }

    private static View problems(List<String> problems) {
        StringBuilder text = new StringBuilder("Nothing changed: the file has "
                + Views.plural(problems.size(), "problem", "problems") + " (all in problems.txt):\n```\n");
        for (String line : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
            String shown = Views.truncate(line.replace("```", "'''"), 160);
            if (text.length() + shown.length() > 1800) {
                break;
            }
            text.append(shown).append('\n');
        }
        text.append("```");
        return View.text(text.toString());
    }

    private void list(Reply reply, long guild) {
        List<ServerTopicStore.Entry> stored = topics.of(guild);
        if (stored.isEmpty()) {
            reply.send(View.text("This server has no topics of its own yet. Add one with `/bank upload`."));
            return;
        }
        StringBuilder text = new StringBuilder("This server's own topics:\n");
        for (ServerTopicStore.Entry s : stored) {
            Optional<Topic> topic = topics.banks().own(guild).stream().filter(t -> t.id().equals(s.topicId())).findFirst();
            String line = "• `" + s.topicId() + "` " + topic.map(t -> "**" + Views.safe(t.title()) + "** · "
                    + Views.plural(t.questions().size(), "question", "questions")).orElse("(does not read)")
                    + " · version " + s.version() + " · by " + ProgressFeature.name(java.util.Map.of(s.uploader().id(),
                    s.uploader().name()), s.uploader().id()) + " <t:" + s.uploaded().getEpochSecond() + ":R>\n";
            if (text.length() + line.length() > 1900) {
                text.append("… and more");
                break;
            }
            text.append(line);
        }
        reply.send(View.text(text.toString()));
    }

    private Optional<Topic> own(long guild, String id) {
        return topics.banks().own(guild).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private void download(Reply reply, long guild, String id) {
        Optional<Topic> topic = own(guild, id);
        if (topic.isEmpty()) {
            reply.send(View.text(notFound(id)));
            return;
        }
        reply.sendFile(View.text("`" + topic.get().id() + "` as our JSON format:"), topic.get().id() + ".json",
                TopicWriter.write(topic.get(), "").getBytes(StandardCharsets.UTF_8));
    }

    private void askToRemove(Reply reply, long guild, String id) {
        Optional<Topic> topic = own(guild, id);
        if (topic.isEmpty()) {
            reply.send(View.text(notFound(id)));
            return;
        }
        reply.send(new View("Remove **" + Views.safe(topic.get().title()) + "** (`" + id + "`, "
                + Views.plural(topic.get().questions().size(), "question", "questions") + ") from this server? "
                + "Members' history of it stays; its posts will answer that the question is gone.", List.of(),
                List.of(ActionRow.of(Button.danger(new CustomId.BankRemove(id).encode(), "Remove it")))));
    }

    /** The confirm button of /bank remove. */
    void remove(ButtonInteractionEvent event, Reply reply, CustomId.BankRemove id) {
        Member member = event.getMember();
        if (member == null || event.getGuild() == null) {
            reply.send(View.text(Polite.STALE));
            return;
        }
        if (!allowed(member, reply)) {
            return;
        }
        boolean removed = topics.remove(event.getGuild().getIdLong(), id.topicId());
        reply.send(new View(removed ? "🗑️ `" + id.topicId() + "` is removed from this server."
                : "`" + id.topicId() + "` was already removed.", List.of(), List.of()));
    }

    private static String notFound(String id) {
        return "This server has no topic `" + Views.safe(Views.truncate(id.replace("`", "'"), 50))
                + "` of its own. `/bank list` shows them.";
    }

    private static String text(SlashCommandInteractionEvent event, String option) {
        OptionMapping mapping = event.getOption(option);
        return mapping == null ? "" : mapping.getAsString().trim();
    }
}
