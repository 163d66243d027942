package dev.quiztutor.discord;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.SuggestedQuestion;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.TopicWriter;
import dev.quiztutor.store.GuildSettings;
import dev.quiztutor.store.GuildSettingsStore;
import dev.quiztutor.store.ServerTopicStore;
import dev.quiztutor.store.ServerTopics;
import dev.quiztutor.store.SuggestionStore;
import dev.quiztutor.store.SuggestionStore.Person;
import dev.quiztutor.store.SuggestionStore.State;
import dev.quiztutor.store.SuggestionStore.Suggestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Members' suggestions: /suggest opens a form for a multiple-choice question, checked as a quiz file
 * is; it is stored and posted to the server's review channel (/bank reviewchannel), which must be
 * private, with Approve / Edit / Reject for moderators. Approving adds it to a server topic through
 * the same door as /bank upload, crediting the author by name in the solution. Everything a button
 * needs is in the store, so the review post keeps working after a restart.
 */
final class SuggestFeature {
    static final String NAME = "suggest";
    static final String REVIEW_CHANNEL = "reviewchannel";
    /** The server topic suggestions go to when the member names none; made on the first approval. */
    static final String DEFAULT_TOPIC = "suggestions";
    static final String DEFAULT_TITLE = "Suggestions from members";
    private static final String DEFAULT_SUMMARY = "Questions this server's members suggested and its moderators approved.";
    private static final int PROBLEMS_SHOWN = 10;
    private static final String GONE = "This suggestion is no longer there (its author asked to be forgotten, or it "
            + "never reached review).";

    private final ServerTopics topics;
    private final SuggestionStore store;
    private final GuildSettingsStore guilds;
    private final ServerTopics.Limits topicLimits;
    private final int perDay;
    private final Clock clock;

    SuggestFeature(ServerTopics topics, SuggestionStore store, GuildSettingsStore guilds, ServerTopics.Limits topicLimits,
                   int perDay, Clock clock) {
        this.topics = topics;
        this.store = store;
        this.guilds = guilds;
        this.topicLimits = topicLimits;
        this.perDay = perDay;
        this.clock = clock;
    }

    static SlashCommandData command() {
        return Commands.slash(NAME, "Suggest a multiple-choice question for this server (moderators review it first)")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, "topic",
                        "One of this server's own topics (default: " + DEFAULT_TOPIC + ")", false, true).setMaxLength(100));
    }

    /** {@code /bank reviewchannel}: where suggestions wait for a moderator. */
    static SubcommandData reviewChannelCommand() {
        return new SubcommandData(REVIEW_CHANNEL, "Where members' suggestions go for review (a channel only moderators see)")
                .addOptions(new OptionData(OptionType.CHANNEL, "channel", "A text channel the members cannot see", true)
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS));
    }

    /** What a command or button that opens a form gets: the form, or a private line saying why not. */
    sealed interface Opening permits Form, Line {
    }

    record Form(Modal modal) implements Opening {
    }

    record Line(String text) implements Opening {
    }

    // ---- the review channel ----

    void reviewChannel(SlashCommandInteractionEvent event, Reply reply) {
        Member member = event.getMember();
        Guild guild = event.getGuild();
        if (member == null || guild == null) {
            reply.send(View.text("The review channel is chosen in a server."));
            return;
        }
        GuildSettings settings = guilds.get(guild.getIdLong());
        if (!ScheduleFeature.isModerator(member, settings)) {
            reply.send(View.text(onlyModerators(settings, "choose the review channel")));
            return;
        }
        GuildChannel channel = event.getOption("channel", OptionMapping::getAsChannel);
        if (!(channel instanceof GuildMessageChannel target)) {
            reply.send(View.text("Pick a text channel for the suggestions."));
            return;
        }
        Optional<String> unusable = unusable(target);
        if (unusable.isPresent()) {
            reply.send(View.text(unusable.get() + " Nothing changed."));
            return;
        }
        store.setReviewChannel(guild.getIdLong(), target.getIdLong());
        reply.send(View.text("📥 Members' suggestions now go to " + target.getAsMention() + " for review. Members send"
                + " them with `/suggest`; moderators approve, edit or reject them there."));
    }

    /**
     * Why the bot cannot use {@code channel} for reviews: it cannot post there, or every member can
     * read it (a suggestion must not be public before a moderator approves it).
     */
    private static Optional<String> unusable(GuildMessageChannel channel) {
        Member self = channel.getGuild().getSelfMember();
        List<String> missing = ChannelPoster.NEEDED.stream().filter(p -> !self.hasPermission(channel, p))
                .map(Permission::getName).toList();
        if (!missing.isEmpty()) {
            return Optional.of("I cannot post in " + channel.getAsMention() + ": I am missing " + String.join(", ", missing)
                    + ". Give me those permissions there, or pick another channel.");
        }
        if (channel.getGuild().getPublicRole().hasPermission(channel, Permission.VIEW_CHANNEL)) {
            return Optional.of(channel.getAsMention() + " can be read by everyone in the server, and a suggestion must "
                    + "stay private until a moderator approves it. Pick a channel only moderators can see.");
        }
        return Optional.empty();
    }

    // ---- a member suggests ----

    /** {@code /suggest [topic]}: the form, pre-filled with what the member typed last time if it did not pass. */
    Opening open(SlashCommandInteractionEvent event) {
        Member member = event.getMember();
        Guild guild = event.getGuild();
        if (member == null || guild == null) {
            return new Line("Suggestions are made in a server.");
        }
        OptionMapping option = event.getOption("topic");
        String topic = option == null || option.getAsString().isBlank() ? DEFAULT_TOPIC
                : option.getAsString().strip().toLowerCase(Locale.ROOT);
        Optional<String> refusal = refusal(guild.getIdLong(), member.getIdLong(), topic);
        if (refusal.isPresent()) {
            return new Line(refusal.get());
        }
        SuggestedQuestion.Typed typed = store.draft(guild.getIdLong(), member.getIdLong())
                .map(SuggestionStore.Draft::typed).orElse(new SuggestedQuestion.Typed("", "", "", "", ""));
        return new Form(form(new CustomId.SuggestForm(topic).encode(), "Suggest a question for " + topic, typed, false));
    }

    /** The button under a suggestion that did not pass: the form again, with what was typed. */
    Opening reopen(ButtonInteractionEvent event, CustomId.SuggestRetry id) {
        Member member = event.getMember();
        if (member == null || event.getGuild() == null) {
            return new Line(Polite.STALE);
        }
        Optional<SuggestionStore.Draft> draft = store.draft(event.getGuild().getIdLong(), member.getIdLong());
        if (draft.isEmpty()) {
            return new Line("There is nothing of yours to fix: it was sent already. Use `/suggest` for a new one.");
        }
        return new Form(form(new CustomId.SuggestForm(id.topicId()).encode(), "Suggest a question for " + id.topicId(),
                draft.get().typed(), false));
    }

    /** Why the member may not suggest for {@code topic} now, if so; checked again when the form comes back. */
    private Optional<String> refusal(long guild, long user, String topic) {
        if (!CustomId.ID.matcher(topic).matches() || topic.length() > dev.quiztutor.bank.DisplayLimits.ID
                || (!topic.equals(DEFAULT_TOPIC) && own(guild, topic).isEmpty())) {
            return Optional.of("`" + Views.safe(Views.truncate(topic.replace("`", "'"), 50)) + "` is not one of this server's"
                    + " own topics. Suggestions go to those (`/bank list`), or leave `topic` out to suggest for `"
                    + DEFAULT_TOPIC + "`.");
        }
        if (store.reviewChannel(guild).isEmpty()) {
            return Optional.of("Suggestions are not open here yet: a moderator must first choose a review channel with "
                    + "`/bank reviewchannel`. Nothing was stored.");
        }
        if (perDay == 0) {
            return Optional.of("Suggestions are turned off on this bot.");
        }
        ZoneId zone = guilds.get(guild).zoneOrUtc();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int sent = store.countSince(guild, user, today.atStartOfDay(zone).toInstant());
        if (sent >= perDay) {
            long next = today.plusDays(1).atStartOfDay(zone).toInstant().getEpochSecond();
            return Optional.of("You have sent " + Views.plural(sent, "suggestion", "suggestions") + " today; a member may "
                    + "send at most " + perDay + " a day (the server's day, " + zone.getId() + "). You can suggest again <t:"
                    + next + ":R>, at <t:" + next + ":f>.");
        }
        return Optional.empty();
    }

    private Optional<Topic> own(long guild, String topicId) {
        return topics.banks().own(guild).stream().filter(t -> t.id().equals(topicId)).findFirst();
    }

    /** The form of /suggest, or (with {@code difficulty}) a moderator's edit form. */
    static Modal form(String id, String title, SuggestedQuestion.Typed typed, boolean difficulty) {
        List<Label> fields = new ArrayList<>();
        fields.add(Label.of("Question", input("question", TextInputStyle.PARAGRAPH, 3000, typed.prompt(),
                "What would you ask the group?")));
        fields.add(Label.of("Options, one per line (2 to 4: A to D)", input("options", TextInputStyle.PARAGRAPH, 400,
                typed.options(), "First option\nSecond option\nThird option")));
        fields.add(Label.of("The right option (its letter or its text)", input("answer", TextInputStyle.SHORT, 80,
                typed.answer(), "B")));
        fields.add(Label.of("Explanation: why it is right", input("explanation", TextInputStyle.PARAGRAPH, 1024,
                typed.explanation(), "Shown with the solution")));
        if (difficulty) {
            fields.add(Label.of("Difficulty: easy, medium or hard", input("difficulty", TextInputStyle.SHORT, 6,
                    typed.difficulty(), "medium")));
        }
        return Modal.create(id, Views.truncate(title, 45)).addComponents(fields).build();
    }

    private static TextInput input(String id, TextInputStyle style, int max, String value, String placeholder) {
        TextInput.Builder input = TextInput.create(id, style).setRequiredRange(1, max).setPlaceholder(placeholder);
        if (!value.isEmpty()) {
            input.setValue(value.length() > max ? value.substring(0, max) : value);
        }
        return input.build();
    }

    private static SuggestedQuestion.Typed typed(ModalInteractionEvent event) {
        return new SuggestedQuestion.Typed(value(event, "question"), value(event, "options"), value(event, "answer"),
                value(event, "explanation"), value(event, "difficulty"));
    }

    private static String value(ModalInteractionEvent event, String id) {
        ModalMapping mapping = event.getValue(id);
        return mapping == null ? "" : mapping.getAsString();
    }

    /** The credit a question carries once approved: the author's name as text, never a mention. */
    static String credit(String authorName) {
        return authorName.isBlank() ? "" : SuggestedQuestion.CREDIT_PREFIX + Markdown.escape(authorName);
    }

    /** The form came back: checked, stored and posted for review, or the problems with the form kept. */
    void submit(ModalInteractionEvent event, Reply reply, CustomId.SuggestForm id) {
        Member member = event.getMember();
        Guild guild = event.getGuild();
        if (member == null || guild == null) {
            reply.send(View.text(Polite.STALE));
            return;
        }
        long guildId = guild.getIdLong();
        SuggestedQuestion.Typed typed = typed(event);
        SuggestionStore.Draft draft = new SuggestionStore.Draft(id.topicId(), typed);
        Optional<String> refusal = refusal(guildId, member.getIdLong(), id.topicId());
        if (refusal.isPresent()) {
            store.saveDraft(guildId, member.getIdLong(), draft, clock.instant());
            reply.send(View.text(refusal.get() + " What you typed is kept: `/suggest` opens the form with it."));
            return;
        }
        SuggestedQuestion.Read read = SuggestedQuestion.read(typed, credit(member.getEffectiveName()));
        if (read instanceof SuggestedQuestion.Problems problems) {
            store.saveDraft(guildId, member.getIdLong(), draft, clock.instant());
            reply.send(new View(problemsText("Your suggestion was not sent", problems.lines())
                    + "\nWhat you typed is kept: press the button to fix it.", List.of(),
                    List.of(ActionRow.of(Button.primary(new CustomId.SuggestRetry(id.topicId()).encode(), "✏️ Fix my suggestion")))));
            return;
        }
        SuggestedQuestion question = ((SuggestedQuestion.Ok) read).question();
        OptionalLong channelId = store.reviewChannel(guildId);
        GuildMessageChannel channel = channelId.isEmpty() ? null
                : guild.getChannelById(GuildMessageChannel.class, channelId.getAsLong());
        Optional<String> unusable = channel == null ? Optional.of("The review channel is gone.") : unusable(channel);
        if (unusable.isPresent()) {
            store.saveDraft(guildId, member.getIdLong(), draft, clock.instant());
            reply.send(View.text("Your suggestion was not sent: I cannot use this server's review channel ("
                    + Views.safe(unusable.get()) + ") A moderator must fix that, or choose another one with "
                    + "`/bank reviewchannel`. What you typed is kept: `/suggest` opens the form with it."));
            return;
        }
        Person author = new Person(member.getIdLong(), member.getEffectiveName());
        long suggestionId = store.add(guildId, author, id.topicId(), question, clock.instant());
        Suggestion stored = store.get(suggestionId).orElseThrow();
        try {
            channel.sendMessage(reviewPost(stored).create()).complete();
        } catch (RuntimeException e) {
            // Not reviewable, so not kept: the member sends it again once the channel works.
            store.delete(suggestionId);
            store.saveDraft(guildId, member.getIdLong(), draft, clock.instant());
            reply.send(View.text("Your suggestion was not sent: Discord refused my post in the review channel ("
                    + Views.safe(Views.truncate(String.valueOf(e.getMessage()), 200)) + "). Try again in a moment; what you "
                    + "typed is kept."));
            return;
        }
        reply.send(View.text("📨 Thank you! Your question went to the moderators for review (suggestion #" + suggestionId
                + "). Once approved, it joins `" + id.topicId() + "` with your name in its solution."));
    }

    private static String problemsText(String head, List<String> lines) {
        StringBuilder text = new StringBuilder(head + ": it has " + Views.plural(lines.size(), "problem", "problems") + ".\n");
        for (String line : lines.subList(0, Math.min(PROBLEMS_SHOWN, lines.size()))) {
            String shown = "• " + Views.safe(Views.truncate(line, 300)) + "\n";
            if (text.length() + shown.length() > 1700) {
                break;
            }
            text.append(shown);
        }
        return text.toString();
    }

    // ---- moderators review ----

    /** The review post: the question as it would be asked, who suggested it, and where it stands. */
    static View reviewPost(Suggestion s) {
        SuggestedQuestion q = s.question();
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < q.options().size(); i++) {
            String letter = String.valueOf((char) ('A' + i));
            options.append(letter).append(". ").append(Markdown.escape(q.options().get(i)))
                    .append(letter.equals(q.answer()) ? " ✅" : "").append('\n');
        }
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle("Suggestion #" + s.id() + " for " + s.topicId())
                .setDescription(Views.truncate(q.prompt(), 4000))
                .addField("Options", Views.truncate(options.toString(), 1024), false)
                .addField("Explanation", Views.truncate(q.explanation(), 1024), false)
                .addField("Difficulty", q.difficulty().label(), true)
                .addField("Suggested by", s.author().name().isBlank() ? "a former member" : Markdown.escape(s.author().name()), true)
                .addField("Status", status(s), false);
        List<ActionRow> rows = s.state() != State.PENDING ? List.of() : List.of(ActionRow.of(
                Button.success(new CustomId.SuggestReview(s.id(), CustomId.SuggestReview.Verdict.APPROVE).encode(), "Approve"),
                Button.secondary(new CustomId.SuggestReview(s.id(), CustomId.SuggestReview.Verdict.EDIT).encode(), "Edit"),
                Button.danger(new CustomId.SuggestReview(s.id(), CustomId.SuggestReview.Verdict.REJECT).encode(), "Reject")));
        return new View("", List.of(embed.build()), rows);
    }

    private static String status(Suggestion s) {
        String by = s.decision().map(d -> (d.moderator().name().isBlank() ? "a moderator" : "**" + Markdown.escape(d.moderator().name()) + "**")
                + " <t:" + d.at().getEpochSecond() + ":R>").orElse("");
        return switch (s.state()) {
            case PENDING -> "Waiting for a moderator. Approve adds it to `" + s.topicId() + "`; Edit changes it first "
                    + "(the difficulty too).";
            case APPROVED -> "✅ Approved by " + by + ": it is a question of `" + s.topicId() + "` now.";
            case REJECTED -> "❌ Rejected by " + by + ".";
        };
    }

    /** The suggestion a review button or form is about, if it is of this server; else the line to answer. */
    private Optional<Suggestion> reviewed(long suggestion, Guild guild) {
        return guild == null ? Optional.empty() : store.get(suggestion).filter(s -> s.guild() == guild.getIdLong());
    }

    /**
     * The suggestion a moderator acts on from the review post; empty after telling anyone else (or a
     * press on a suggestion that is gone) why not.
     */
    private Optional<Suggestion> forModerator(Member member, Guild guild, long suggestion, Reply reply) {
        Optional<Suggestion> found = reviewed(suggestion, guild);
        if (member == null || found.isEmpty()) {
            reply.sendPrivately(View.text(member == null ? Polite.STALE : GONE));
            return Optional.empty();
        }
        GuildSettings settings = guilds.get(found.get().guild());
        if (!ScheduleFeature.isModerator(member, settings)) {
            reply.sendPrivately(View.text(onlyModerators(settings, "approve, edit or reject suggestions")));
            return Optional.empty();
        }
        return found;
    }

    /** Approve or Reject, pressed on the review post (which {@code reply} updates). */
    void review(ButtonInteractionEvent event, Reply reply, CustomId.SuggestReview id) {
        Optional<Suggestion> found = forModerator(event.getMember(), event.getGuild(), id.suggestion(), reply);
        if (found.isEmpty()) {
            return;
        }
        Suggestion s = found.get();
        if (s.state() != State.PENDING) {
            reply.send(reviewPost(s));
            return;
        }
        Person moderator = new Person(event.getMember().getIdLong(), event.getMember().getEffectiveName());
        if (id.verdict() == CustomId.SuggestReview.Verdict.REJECT) {
            store.decide(s.id(), State.REJECTED, moderator, clock.instant());
            reply.send(reviewPost(store.get(s.id()).orElse(s)));
            return;
        }
        Optional<String> refused = approve(s, moderator);
        if (refused.isPresent()) {
            reply.sendPrivately(View.text("Not approved: " + refused.get() + " The suggestion is still waiting."));
            return;
        }
        reply.send(reviewPost(store.get(s.id()).orElse(s)));
    }

    /**
     * Claims the suggestion (so that it is added once whoever else presses Approve), then adds it to
     * its topic as /bank upload adds a file: live at once here, and in other processes within seconds.
     * Serialised in this process because each approval rewrites the topic it joins.
     */
    private synchronized Optional<String> approve(Suggestion s, Person moderator) {
        Instant now = clock.instant();
        if (!store.decide(s.id(), State.APPROVED, moderator, now)) {
            return Optional.empty();
        }
        Optional<String> refused = addToTopic(s, moderator, now);
        if (refused.isPresent()) {
            store.reopen(s.id());
        }
        return refused;
    }

    /**
     * Adds the question to the topic as it is in the store when it is written: if another process
     * (or an upload) changed the topic since it was read, the question is added to that newer version
     * instead, so neither change is lost.
     */
    private Optional<String> addToTopic(Suggestion s, Person moderator, Instant now) {
        ServerTopics.Change change = topics.amend(s.guild(), s.topicId(), current -> withSuggestion(current, s),
                new ServerTopicStore.Uploader(moderator.id(), moderator.name()), now, topicLimits);
        return change instanceof ServerTopics.Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** The topic with the suggested question added, or why it cannot be (nothing changes then). */
    private static ServerTopics.Amendment withSuggestion(Optional<Topic> existing, Suggestion s) {
        if (existing.isEmpty() && !s.topicId().equals(DEFAULT_TOPIC)) {
            return new ServerTopics.Refused("`" + s.topicId() + "` is no longer one of this server's topics. Upload it "
                    + "again, or reject the suggestion.");
        }
        Topic base = existing.orElse(new Topic(DEFAULT_TOPIC, DEFAULT_TITLE, "", DEFAULT_SUMMARY, 0, Optional.empty(),
                List.of(), Path.of(DEFAULT_TOPIC + ".json")));
        String questionId = "suggestion-" + s.id();
        for (int n = 2; base.question(questionId).isPresent(); n++) {
            questionId = "suggestion-" + s.id() + "-" + n;
        }
        Question question = s.question().question(new QuestionRef(base.id(), questionId), credit(s.author().name()));
        List<Question> questions = new ArrayList<>(base.questions());
        questions.add(question);
        Topic next = new Topic(base.id(), base.title(), base.category(), base.summary(), base.minutes(), base.lesson(),
                questions, base.source());
        String json = TopicWriter.write(next, "");
        BankLoader.FileResult read = BankLoader.read(Path.of(base.id() + ".json"), json.getBytes(StandardCharsets.UTF_8));
        if (!read.ok() || read.topic().isEmpty()) {
            return new ServerTopics.Refused("with this question `" + base.id() + "` would not pass the checks: "
                    + Views.safe(Views.truncate(read.problems().isEmpty() ? "?" : read.problems().get(0).toString(), 300)));
        }
        return new ServerTopics.Next(read.topic().get(), json);
    }

    /** Edit, pressed on the review post: the form pre-filled with the suggestion, difficulty included. */
    Opening editForm(ButtonInteractionEvent event, CustomId.SuggestReview id) {
        Member member = event.getMember();
        Optional<Suggestion> found = reviewed(id.suggestion(), event.getGuild());
        if (member == null || found.isEmpty()) {
            return new Line(member == null ? Polite.STALE : GONE);
        }
        GuildSettings settings = guilds.get(found.get().guild());
        if (!ScheduleFeature.isModerator(member, settings)) {
            return new Line(onlyModerators(settings, "approve, edit or reject suggestions"));
        }
        if (found.get().state() != State.PENDING) {
            return new Line("This suggestion was decided already; its post says by whom.");
        }
        return new Form(form(new CustomId.SuggestEdited(found.get().id()).encode(), "Edit suggestion #" + found.get().id(),
                found.get().question().typed(), true));
    }

    /** A moderator's edit came back: the suggestion changes and its post shows the new text. */
    void edited(ModalInteractionEvent event, Reply reply, CustomId.SuggestEdited id) {
        Optional<Suggestion> found = forModerator(event.getMember(), event.getGuild(), id.suggestion(), reply);
        if (found.isEmpty()) {
            return;
        }
        Suggestion s = found.get();
        SuggestedQuestion.Read read = SuggestedQuestion.read(typed(event), credit(s.author().name()));
        if (read instanceof SuggestedQuestion.Problems problems) {
            reply.sendPrivately(View.text(problemsText("Nothing changed", problems.lines()) + "Press Edit to try again."));
            return;
        }
        if (!store.update(s.id(), ((SuggestedQuestion.Ok) read).question())) {
            reply.send(reviewPost(store.get(s.id()).orElse(s)));
            return;
        }
        reply.send(reviewPost(store.get(s.id()).orElseThrow()));
    }

    private static String onlyModerators(GuildSettings settings, String what) {
        return "Only moderators can " + what + ": members with Manage Server"
                + settings.moderatorRole().map(r -> " or the <@&" + r + "> role").orElse("") + ".";
    }
}
