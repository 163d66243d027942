package dev.quiztutor.discord;

import dev.quiztutor.bank.Banks;
import dev.quiztutor.chart.StatsChart;
import dev.quiztutor.store.GuildSettings;
import dev.quiztutor.store.GuildSettingsStore;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.stats.QuestionStats;
import dev.quiztutor.tutor.stats.StatsCsv;
import dev.quiztutor.tutor.stats.Thresholds;
import dev.quiztutor.tutor.stats.TopicAttempts;
import dev.quiztutor.tutor.stats.TopicStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * /stats: a topic's question statistics for this server's moderators (Manage Server or the moderator
 * role, as for /schedule), privately: the flagged questions in an embed, the facility and
 * discrimination chart, and the full table as CSV. Reading every attempt and drawing take longer than
 * Discord waits, so the reply is deferred first.
 */
final class StatsFeature {
    static final String NAME = "stats";
    /** Flagged questions listed in the embed; the CSV has every question. */
    static final int FLAGGED_SHOWN = 15;

    private final Banks banks;
    private final TopicAttempts attempts;
    private final GuildSettingsStore guilds;
    private final ScoringPolicy scoring;

    StatsFeature(Banks banks, TopicAttempts attempts, GuildSettingsStore guilds, ScoringPolicy scoring) {
        this.banks = banks;
        this.attempts = attempts;
        this.guilds = guilds;
        this.scoring = scoring;
    }

    static SlashCommandData command() {
        return Commands.slash(NAME, "Question statistics of a topic: which questions mislead (moderators, only you see it)")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addOptions(new OptionData(OptionType.STRING, "topic", "The topic (start typing to see suggestions)", true, true)
                        .setMaxLength(100));
    }

    void handle(SlashCommandInteractionEvent event, Reply reply) {
        Member member = event.getMember();
        if (member == null || event.getGuild() == null) {
            reply.send(View.text("Statistics are a server's: use /stats in the server."));
            return;
        }
        GuildSettings settings = guilds.get(member.getGuild().getIdLong());
        if (!ScheduleFeature.isModerator(member, settings)) {
            reply.send(View.text("Only moderators can see question statistics: members with Manage Server"
                    + settings.moderatorRole().map(r -> " or the <@&" + r + "> role").orElse("") + "."));
            return;
        }
        OptionMapping typed = event.getOption("topic");
        Topics.Found found = Topics.find(Topics.of(banks, event), typed == null ? "" : typed.getAsString(), true);
        if (found instanceof Topics.Problem problem) {
            reply.send(View.text(problem.message()));
            return;
        }
        reply.deferIfPending();
        var topic = ((Topics.One) found).topic();
        TopicStats stats = TopicStats.of(topic, attempts.of(OptionalLong.of(Who.of(event).guild()), topic.id()), scoring,
                Thresholds.DEFAULT);
        List<FileUpload> files = new ArrayList<>();
        files.add(FileUpload.fromData(StatsCsv.write(stats).getBytes(StandardCharsets.UTF_8), csvName(topic.id())));
        Optional<byte[]> chart = StatsChart.png(stats);
        chart.ifPresent(png -> files.add(FileUpload.fromData(png, chartName(topic.id()))
                .setDescription(altText(stats))));
        reply.sendFiles(new View("", List.of(embed(stats, chart.isPresent())), List.of()), files);
    }

    static String csvName(String topicId) {
        return topicId + "-stats.csv";
    }

    static String chartName(String topicId) {
        return topicId + "-stats.png";
    }

    /** The flagged questions with what flagged them; what the figures need when there are too few. */
    static MessageEmbed embed(TopicStats stats, boolean chart) {
        Thresholds limits = stats.thresholds();
        StringBuilder text = new StringBuilder(Views.plural(stats.attempts(), "attempt", "attempts") + " in this server, "
                + Views.plural(stats.tests(), "topic test", "topic tests") + ".\n\n");
        List<QuestionStats> flagged = stats.flagged();
        if (flagged.isEmpty()) {
            text.append(stats.questions().stream().anyMatch(q -> q.attempts() >= limits.minAttempts())
                    ? "No question is flagged." : "Too few attempts to say anything yet: a question needs "
                    + limits.minAttempts() + " before its facility means something.");
        } else {
            text.append("**Flagged questions**\n");
            for (QuestionStats q : flagged.subList(0, Math.min(FLAGGED_SHOWN, flagged.size()))) {
                String line = "• `" + q.question().id() + "` " + Views.safe(String.join("; ", q.findings())) + "\n";
                if (text.length() + line.length() > MessageEmbed.DESCRIPTION_MAX_LENGTH - 200) {
                    break;
                }
                text.append(line);
            }
            if (flagged.size() > FLAGGED_SHOWN) {
                text.append("… and ").append(flagged.size() - FLAGGED_SHOWN).append(" more in the CSV.\n");
            }
        }
        text.append("\n\nFacility is the mean score (1 = everyone right at once), discrimination the correlation with the rest"
                + " of the topic test (below 0: strong members miss it more than weak ones). A facility needs "
                + limits.minAttempts() + " attempts, a discrimination " + limits.minTests()
                + " tests; every question is in the CSV.");
        EmbedBuilder embed = new EmbedBuilder().setTitle(Views.truncate("Question statistics: " + stats.topic().title(), 256))
                .setColor(Views.NEUTRAL).setDescription(text.toString());
        if (chart) {
            embed.setImage("attachment://" + chartName(stats.topic().id()));
        }
        return embed.build();
    }

    /** The chart in words, for screen readers (an attachment's description holds up to 1024 characters). */
    static String altText(TopicStats stats) {
        StringBuilder text = new StringBuilder("Bar chart of facility and discrimination per question of "
                + stats.topic().title() + ".");
        for (QuestionStats q : stats.questions()) {
            if (q.facility() instanceof dev.quiztutor.tutor.stats.Figure.Value) {
                String part = " " + q.question().id() + ": facility " + q.facility().text() + ", discrimination "
                        + q.discrimination().text() + ".";
                if (text.length() + part.length() > 1000) {
                    text.append(" …");
                    break;
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
