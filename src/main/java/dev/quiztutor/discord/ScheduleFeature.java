package dev.quiztutor.discord;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.NewSchedule;
import dev.quiztutor.schedule.Parsed;
import dev.quiztutor.schedule.Pause;
import dev.quiztutor.schedule.PostResult;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.RevealAfter;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduleInput;
import dev.quiztutor.schedule.ScheduleStatus;
import dev.quiztutor.schedule.ScheduleStore;
import dev.quiztutor.schedule.Scheduler;
import dev.quiztutor.schedule.SlotRecord;
import dev.quiztutor.schedule.Timetable;
import dev.quiztutor.store.GuildSettings;
import dev.quiztutor.store.GuildSettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * /schedule: moderators set daily quiz posts per channel. Only members with Manage Server, or with the
 * guild's moderator role, may use it: the command's default permissions hide it from others, and the
 * handler checks again, since server admins can change who sees a command.
 */
final class ScheduleFeature {
    static final String NAME = "schedule";
    /** Schedules a server may have: what one {@code /schedule list} embed can show, a field each. */
    static final int MAX_PER_GUILD = DisplayLimits.EMBED_FIELDS;
    private static final Set<Permission> NEEDED = ChannelPoster.NEEDED;

    private final Banks banks;
    private final ScheduleStore store;
    private final Scheduler scheduler;
    private final GuildSettingsStore guilds;
    private final Clock clock;

    ScheduleFeature(Banks banks, ScheduleStore store, Scheduler scheduler, GuildSettingsStore guilds, Clock clock) {
        this.banks = banks;
        this.store = store;
        this.scheduler = scheduler;
        this.guilds = guilds;
        this.clock = clock;
    }

    static SlashCommandData command() {
        OptionData id = new OptionData(OptionType.INTEGER, "id", "The schedule's number (see /schedule list)", true)
                .setMinValue(1);
        OptionData kind = new OptionData(OptionType.STRING, "kind", "Multiple choice (default) or fill in the blanks", false)
                .addChoice("multiple choice", "choice").addChoice("fill in the blanks", "blanks");
        OptionData difficulty = new OptionData(OptionType.STRING, "difficulty", "easy, medium or hard (any if left out)", false);
        for (Difficulty d : Difficulty.values()) {
            difficulty.addChoice(d.label(), d.label());
        }
        SubcommandData add = new SubcommandData("add", "Post a question in a channel every day (or on chosen days)")
                .addOptions(
                        new OptionData(OptionType.CHANNEL, "channel", "Where to post", true)
                                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
                        new OptionData(OptionType.STRING, "time", "When, e.g. 18:30 or 6:30pm", true).setMaxLength(20),
                        new OptionData(OptionType.STRING, "timezone", "IANA time zone, e.g. Europe/Berlin", true, true)
                                .setMaxLength(60),
                        new OptionData(OptionType.STRING, "days", "every day (default), weekdays, or e.g. mon,wed,fri", false)
                                .setMaxLength(100),
                        new OptionData(OptionType.STRING, "topic", "A topic (any if left out)", false, true).setMaxLength(100),
                        difficulty,
                        kind,
                        new OptionData(OptionType.ROLE, "ping", "A role to ping with each post", false),
                        new OptionData(OptionType.INTEGER, "reveal_hours", "Reveal the answer after this many hours (1-72)",
                                false).setRequiredRange(1, 72));
        return Commands.slash(NAME, "Daily quiz posts (moderators)")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        add,
                        new SubcommandData("list", "The schedules of this server, their next post and last error"),
                        new SubcommandData("remove", "Delete a schedule").addOptions(id),
                        new SubcommandData("pause", "Stop a schedule until resumed").addOptions(id),
                        new SubcommandData("resume", "Start a paused schedule again").addOptions(id),
                        new SubcommandData("now", "Post one question of a schedule now, to test it").addOptions(id),
                        new SubcommandData("modrole", "Let a role manage schedules (Manage Server only)")
                                .addOptions(new OptionData(OptionType.ROLE, "role", "The role; leave out to clear", false)),
                        new SubcommandData("timezone", "The server's time zone: when /leaderboard's month begins")
                                .addOptions(new OptionData(OptionType.STRING, "timezone",
                                        "IANA time zone, e.g. Europe/Berlin; leave out for UTC", false, true)
                                        .setMaxLength(60)));
    }

    /** Manage Server, or the server's moderator role (/schedule modrole): who may manage schedules and /bank. */
    static boolean isModerator(Member member, GuildSettings settings) {
        return member.hasPermission(Permission.MANAGE_SERVER) || settings.moderatorRole()
                .map(role -> member.getRoles().stream().anyMatch(r -> r.getIdLong() == role)).orElse(false);
    }

    void handle(SlashCommandInteractionEvent event, Reply reply) {
        Who who = Who.of(event);
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        Member member = event.getMember();
        if (member == null || event.getGuild() == null) {
            reply.send(View.text("Schedules work in a server's channels."));
            return;
        }
        boolean admin = member.hasPermission(Permission.MANAGE_SERVER);
        GuildSettings settings = guilds.get(who.guild());
        boolean moderator = isModerator(member, settings);
        if (!moderator || (sub.equals("modrole") && !admin)) {
            reply.turnAway(dev.quiztutor.ops.Metrics.TurnedAway.NOT_ALLOWED);
            reply.send(View.text(sub.equals("modrole")
                    ? "Only members with the Manage Server permission can choose the moderator role."
                    : "Only moderators can manage schedules: members with Manage Server"
                    + settings.moderatorRole().map(r -> " or the <@&" + r + "> role").orElse("") + "."));
            return;
        }
        switch (sub) {
            case "add" -> add(event, reply, who);
            case "list" -> list(reply, who);
            case "remove" -> reply.send(View.text(store.remove(who.guild(), id(event))
                    ? "Schedule #" + id(event) + " removed. A post it already made is still revealed on time."
                    : notFound(id(event))));
            case "pause" -> reply.send(View.text(store.pause(who.guild(), id(event), who.user())
                    .map(s -> "Schedule #" + s.id() + " paused. Resume it with `/schedule resume id:" + s.id() + "`.")
                    .orElse(notFound(id(event)))));
            case "resume" -> reply.send(View.text(store.resume(who.guild(), id(event))
                    .map(s -> "Schedule #" + s.id() + " resumed" + s.nextSlot(clock.instant())
                            .map(n -> ": next post " + when(n.due())).orElse("") + ".")
                    .orElse(notFound(id(event)))));
            case "now" -> now(event, reply, who);
            case "modrole" -> modrole(event, reply, settings);
            case "timezone" -> timezone(event, reply, settings);
            default -> reply.send(View.text("Use /schedule add, list, remove, pause, resume, now, modrole or timezone."));
        }
    }

    private void add(SlashCommandInteractionEvent event, Reply reply, Who who) {
        GuildChannel channel = event.getOption("channel", OptionMapping::getAsChannel);
        if (!(channel instanceof GuildMessageChannel target)) {
            reply.send(View.text("Pick a text channel to post in."));
            return;
        }
        Member self = event.getGuild().getSelfMember();
        List<String> missing = NEEDED.stream().filter(p -> !self.hasPermission(target, p)).map(Permission::getName).toList();
        if (!missing.isEmpty()) {
            reply.send(View.text("I cannot post in " + target.getAsMention() + ": I am missing " + String.join(", ", missing)
                    + ". Give me those permissions there, or pick another channel."));
            return;
        }
        Parsed<LocalTime> time = ScheduleInput.time(text(event, "time"));
        Parsed<ZoneId> zone = ScheduleInput.zone(text(event, "timezone"));
        String daysText = text(event, "days");
        Parsed<Days> days = daysText.isEmpty() ? new Parsed.Ok<>(Days.EVERY_DAY) : ScheduleInput.days(daysText);
        OptionMapping hours = event.getOption("reveal_hours");
        Parsed<Optional<RevealAfter>> reveal = ScheduleInput.revealHours(
                hours == null ? OptionalLong.empty() : OptionalLong.of(hours.getAsLong()));
        for (Parsed<?> parsed : List.of(time, zone, days, reveal)) {
            if (parsed instanceof Parsed.Invalid<?> invalid) {
                reply.send(View.text(invalid.message()));
                return;
            }
        }
        Optional<String> topic = Optional.empty();
        String topicText = text(event, "topic");
        if (!topicText.isEmpty()) {
            Topics.Found found = Topics.find(banks.forGuild(who.guild()), topicText, false);
            if (found instanceof Topics.Problem problem) {
                reply.send(View.text(problem.message()));
                return;
            }
            topic = Optional.of(((Topics.One) found).topic().id());
        }
        Optional<Difficulty> difficulty = Difficulty.parse(text(event, "difficulty"));
        QuestionKind kind = QuestionKind.parse(text(event, "kind")).orElse(QuestionKind.CHOICE);
        Optional<Long> ping = Optional.ofNullable(event.getOption("ping", OptionMapping::getAsRole)).map(Role::getIdLong);
        if (store.list(who.guild()).size() >= MAX_PER_GUILD) {
            reply.send(View.text("This server already has " + MAX_PER_GUILD + " schedules, the most it can have."
                    + " Remove one with `/schedule remove` first (see `/schedule list`)."));
            return;
        }
        Timetable timetable = new Timetable(value(time), value(zone), value(days));
        Schedule schedule = store.create(new NewSchedule(who.guild(), target.getIdLong(), timetable,
                new QuestionChoice(topic, difficulty, kind), ping, value(reveal), who.user()));
        reply.send(View.text("✅ Schedule #" + schedule.id() + " in " + target.getAsMention() + ": " + schedule.describe()
                + schedule.nextSlot(clock.instant()).map(n -> ". First post " + when(n.due())).orElse("")
                + ". Try it now with `/schedule now id:" + schedule.id() + "`."
                + (schedule.reveal().isPresent() && !self.hasPermission(target, Permission.MESSAGE_HISTORY)
                        ? " Without Read Message History there, I will reveal the answers as plain posts, not as replies."
                        : "")));
    }

    private void list(Reply reply, Who who) {
        List<ScheduleStatus> statuses = scheduler.overview(who.guild());
        if (statuses.isEmpty()) {
            reply.send(View.text("No schedules here yet. Add one with `/schedule add`."));
            return;
        }
        reply.send(new View("", List.of(overview(statuses)), List.of()));
    }

    /**
     * One field per schedule, at most {@value #MAX_PER_GUILD} of them (an embed's limit on fields),
     * each shortened so that all of them fit an embed's 6,000 characters: a server with many
     * schedules and long error messages still gets its list, not a refusal from Discord.
     */
    static MessageEmbed overview(List<ScheduleStatus> statuses) {
        List<ScheduleStatus> shown = statuses.subList(0, Math.min(MAX_PER_GUILD, statuses.size()));
        String title = statuses.size() > shown.size()
                ? "Schedules (the first " + shown.size() + " of " + statuses.size() + ")" : "Schedules";
        List<MessageEmbed.Field> fields = new ArrayList<>();
        for (ScheduleStatus status : shown) {
            Schedule s = status.schedule();
            StringBuilder text = new StringBuilder("<#").append(s.channel()).append("> · ").append(s.describe()).append('\n');
            if (s.pause().isPresent()) {
                Pause pause = s.pause().get();
                text.append("⏸️ **Paused** ").append(pause instanceof Pause.AfterFailures failed
                        ? "after " + failed.failures() + " failed posts: " + failed.reason()
                        : "by <@" + ((Pause.ByModerator) pause).by() + "> " + when(pause.at())).append('\n');
            } else {
                status.next().ifPresent(n -> text.append("Next post ").append(when(n.due())).append('\n'));
            }
            status.lastPost().flatMap(SlotRecord::post).ifPresent(p -> text.append("Last post ").append(when(p.at()))
                    .append('\n'));
            // A schedule that paused itself already says why; its last error is the same one.
            boolean pausedForIt = s.pause().orElse(null) instanceof Pause.AfterFailures failed
                    && status.lastError().map(e -> e.reason().equals(failed.reason())).orElse(false);
            if (!pausedForIt) {
                status.lastError().ifPresent(e -> text.append("⚠️ Last error ").append(when(e.at())).append(": ")
                        .append(e.reason()).append('\n'));
            }
            fields.add(new MessageEmbed.Field("#" + s.id(), text.toString(), false, false));
        }
        return Views.addFieldsWithin(new EmbedBuilder().setTitle(title).setColor(Views.NEUTRAL), fields).build();
    }

    private void now(SlashCommandInteractionEvent event, Reply reply, Who who) {
        Optional<Schedule> schedule = store.get(who.guild(), id(event));
        if (schedule.isEmpty()) {
            reply.send(View.text(notFound(id(event))));
            return;
        }
        PostResult result = scheduler.postNow(schedule.get());
        if (result instanceof PostResult.Sent sent) {
            reply.send(View.text("Posted a test question of schedule #" + schedule.get().id() + " in <#"
                    + schedule.get().channel() + ">. It does not count as today's post."));
        } else {
            reply.send(View.text("⚠️ Could not post: " + ((PostResult.Failed) result).reason()));
        }
    }

    private void modrole(SlashCommandInteractionEvent event, Reply reply, GuildSettings settings) {
        Role role = event.getOption("role", OptionMapping::getAsRole);
        guilds.put(settings.withModeratorRole(Optional.ofNullable(role).map(Role::getIdLong)));
        reply.send(View.text(role == null ? "Only members with Manage Server can manage schedules now."
                : "Members with the " + role.getAsMention() + " role can now manage schedules. (Server admins may also"
                + " need to allow /schedule for that role under Server Settings → Integrations.)"));
    }

    /**
     * The server's own time zone, a setting of its own rather than taken from its schedules: a server
     * may post in several zones (or none), and its month must have one beginning.
     */
    private void timezone(SlashCommandInteractionEvent event, Reply reply, GuildSettings settings) {
        String text = text(event, "timezone");
        if (text.isEmpty()) {
            guilds.put(settings.withTimeZone(Optional.empty()));
            reply.send(View.text("This server's time zone is UTC again: /leaderboard's month begins at midnight UTC."));
            return;
        }
        Parsed<ZoneId> zone = ScheduleInput.zone(text);
        if (zone instanceof Parsed.Invalid<ZoneId> invalid) {
            reply.send(View.text(invalid.message()));
            return;
        }
        guilds.put(settings.withTimeZone(Optional.of(value(zone))));
        reply.send(View.text("This server's time zone is now " + value(zone).getId()
                + ": /leaderboard's month begins at midnight there."));
    }

    /** Up to 25 zone ids containing what the moderator typed, for the timezone option. */
    static List<Command.Choice> zones(String typed) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") || z.equals("UTC"))
                .filter(z -> z.toLowerCase(Locale.ROOT).contains(wanted))
                .sorted()
                .limit(25)
                .map(z -> new Command.Choice(z, z))
                .toList();
    }

    private static long id(SlashCommandInteractionEvent event) {
        OptionMapping id = event.getOption("id");
        return id == null ? 0 : id.getAsLong();
    }

    private static String notFound(long id) {
        return "There is no schedule #" + id + " in this server. See `/schedule list`.";
    }

    private static String text(SlashCommandInteractionEvent event, String option) {
        return PracticeFeature.optionText(event.getOption(option));
    }

    private static <T> T value(Parsed<T> parsed) {
        return ((Parsed.Ok<T>) parsed).value();
    }

    /** A Discord timestamp: each member sees it in their own time zone, with "in 3 hours". */
    private static String when(Instant at) {
        return "<t:" + at.getEpochSecond() + ":f> (<t:" + at.getEpochSecond() + ":R>)";
    }
}
