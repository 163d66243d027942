package dev.quiztutor.discord;

import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.chart.ProgressChart;
import dev.quiztutor.store.Figures;
import dev.quiztutor.store.GuildSettingsStore;
import dev.quiztutor.store.MemberNames;
import dev.quiztutor.store.TopicTestStore;
import dev.quiztutor.tutor.review.Reviews;
import dev.quiztutor.tutor.progress.ProgressPicture;
import dev.quiztutor.tutor.progress.ProgressText;
import dev.quiztutor.tutor.progress.RightAnswers;
import dev.quiztutor.tutor.review.CardStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /progress (private: the figures, and a chart of the last weeks with its alt text) and /leaderboard
 * (public, names that ping nobody).
 */
final class ProgressFeature {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressFeature.class);
    static final int TOP = 10;
    /** The chart's file name in the reply. */
    static final String CHART_FILE = "progress.png";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Banks banks;
    private final Figures figures;
    private final GuildSettingsStore guilds;
    private final MemberNames names;
    private final Reviews reviews;
    private final Pictures pictures;

    ProgressFeature(Banks banks, Figures figures, GuildSettingsStore guilds, MemberNames names, Reviews reviews,
                    Pictures pictures) {
        this.banks = banks;
        this.figures = figures;
        this.guilds = guilds;
        this.names = names;
        this.reviews = reviews;
        this.pictures = pictures;
    }

    /** Where /progress's chart comes from: the member's right answers, their review cards, and the time. */
    record Pictures(RightAnswers rightAnswers, CardStore cards, Clock clock) {
        Pictures {
            Objects.requireNonNull(rightAnswers, "rightAnswers");
            Objects.requireNonNull(cards, "cards");
            Objects.requireNonNull(clock, "clock");
        }

        ProgressPicture of(long guild, long user, ZoneId zone, QuizBank bank) {
            Instant now = clock.instant();
            return ProgressPicture.of(rightAnswers.solvedSince(guild, user, ProgressPicture.since(now, zone)), now, zone,
                    bank.topics(), cards.deck(guild, user), () -> cards.attempts(guild, user, Optional.empty()));
        }
    }

    void progress(SlashCommandInteractionEvent event, Reply reply) {
        Who who = Who.of(event);
        Figures.Progress p = figures.progress(who.guild(), who.user());
        QuizBank bank = banks.forGuild(who.guild());
        Optional<String> reviewLine = ReviewViews.progressLine(
                reviews.outlook(who.guild(), who.user(), Optional.empty(), guilds.get(who.guild()).zoneOrUtc()));
        if (p.overall().answered() == 0 && p.recentTests().isEmpty()) {
            reply.send(View.text("You have not finished a question here yet. Try /practice, /code or /test!"
                    + reviewLine.map(line -> "\nReviews: " + line).orElse("")));
            return;
        }
        Figures.Totals all = p.overall();
        EmbedBuilder embed = new EmbedBuilder().setTitle("Your progress").setColor(Views.NEUTRAL)
                .setDescription("**" + all.answered() + "** answered · **" + all.right() + "** right ("
                        + percent(all) + ") · **" + points(all.points()) + "** points\n"
                        + "Streak: **" + Views.plural(p.streak().current(), "day", "days") + "** (best "
                        + p.streak().best() + ")");
        StringBuilder topics = new StringBuilder();
        for (Figures.TopicTotals t : p.byTopic()) {
            topics.append("**").append(title(bank, t.topicId())).append("**: ").append(line(t.totals())).append('\n');
        }
        if (topics.length() > 0) {
            embed.addField("By topic", Views.truncate(topics.toString(), 1024), false);
        }
        StringBuilder difficulties = new StringBuilder();
        for (Figures.DifficultyTotals d : p.byDifficulty()) {
            difficulties.append(Views.capitalise(d.difficulty().label())).append(": ").append(line(d.totals())).append('\n');
        }
        embed.addField("By difficulty", difficulties.toString(), false);
        reviewLine.ifPresent(line -> embed.addField("Reviews", line, false));
        p.weakestTopic().ifPresent(w -> embed.addField("Weakest topic", title(bank, w.topicId()) + " (" + percent(w.totals())
                + " right): try `/learn " + w.topicId() + "`", false));
        if (!p.recentTests().isEmpty()) {
            StringBuilder tests = new StringBuilder();
            for (TopicTestStore.TestResult r : p.recentTests()) {
                tests.append(title(bank, r.topicId())).append(": ").append(r.overall().right()).append('/')
                        .append(r.overall().total()).append(" · **").append(r.verdict().label()).append("** · ")
                        .append(DAY.format(r.finished().atZone(ZoneId.of("UTC")))).append('\n');
            }
            embed.addField("Last tests", Views.truncate(tests.toString(), 1024), false);
        }
        // The chart reads the member's events and cards and draws for a while the first time (fonts, Java2D):
        // acknowledged now, the answer follows by the interaction's hook.
        reply.deferIfPending();
        ProgressPicture picture = pictures.of(who.guild(), who.user(), guilds.get(who.guild()).zoneOrUtc(), bank);
        String weeks = "Last " + picture.weeks().size() + " weeks";
        if (picture.isEmpty()) {
            embed.addField(weeks, "No chart yet: no right answer in the last " + picture.weeks().size()
                    + " weeks, and no question met to review. Answer a few with /practice, /code or /test and it will"
                    + " draw itself.", false);
            reply.send(new View("", List.of(embed.build()), List.of()));
            return;
        }
        embed.addField(weeks, Views.truncate(String.join("\n", ProgressText.summary(picture)), 1024), false);
        byte[] png;
        try {
            png = ProgressChart.png(picture);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            // A host without fonts or AWT's native libraries (a slim container) cannot draw: the figures still go.
            LOG.error("interaction {}: the progress chart could not be drawn; sent the figures without it", reply.id(), e);
            reply.send(new View("", List.of(embed.build()), List.of()));
            return;
        }
        reply.sendFile(new View("", List.of(embed.build()), List.of()), CHART_FILE, png,
                ProgressText.altText(picture, FileUpload.MAX_DESCRIPTION_LENGTH));
    }

    void leaderboard(SlashCommandInteractionEvent event, Reply reply) {
        Who who = Who.of(event);
        String periodText = PracticeFeature.optionText(event.getOption("period"));
        Figures.Period period = periodText.equals("all") ? Figures.Period.ALL_TIME : Figures.Period.THIS_MONTH;
        ZoneId zone = guilds.get(who.guild()).zoneOrUtc();
        Figures.Leaderboard board = figures.leaderboard(who.guild(), period, zone, TOP, who.user());
        String title = period == Figures.Period.ALL_TIME ? "Leaderboard · all time"
                : "Leaderboard · " + board.month().map(m -> m.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                        Locale.ENGLISH) + " " + m.getYear()).orElse("this month");
        if (board.top().isEmpty()) {
            reply.send(View.text("Nobody has finished a question here " + (period == Figures.Period.ALL_TIME ? "yet"
                    : "this month") + ". Be the first: /practice!"));
            return;
        }
        List<Long> users = new ArrayList<>(board.top().stream().map(Figures.Standing::user).toList());
        board.caller().ifPresent(c -> users.add(c.user()));
        Map<Long, String> known = names.names(who.guild(), users);
        StringBuilder text = new StringBuilder();
        for (Figures.Standing s : board.top()) {
            text.append(medal(s.rank())).append(" **").append(name(known, s.user())).append("** · ")
                    .append(points(s.totals().points())).append(" points · ").append(s.totals().right()).append('/')
                    .append(s.totals().answered()).append(" right\n");
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle(title).setColor(Views.NEUTRAL).setDescription(text.toString());
        embed.setFooter(board.caller()
                .map(c -> "You: #" + c.rank() + " · " + points(c.totals().points()) + " points")
                .orElse("You have not finished a question in this period yet."));
        reply.send(new View("", List.of(embed.build()), List.of()));
    }

    private static String title(QuizBank bank, String topicId) {
        return bank.topic(topicId).map(Topic::title).orElse(topicId);
    }

    /**
     * A display name shown as the member wrote it, in the public embed: markdown escaped (so
     * {@code john_doe} keeps its underscore and a masked link stays text), and no mention.
     */
    static String name(Map<Long, String> known, long user) {
        String id = Long.toUnsignedString(user);
        String name = known.getOrDefault(user, "member " + id.substring(0, Math.min(6, id.length())) + "…");
        return Markdown.escape(name).replace("@", "@\u200B");
    }

    private static String medal(int rank) {
        return switch (rank) {
            case 1 -> "🥇";
            case 2 -> "🥈";
            case 3 -> "🥉";
            default -> "`#" + rank + "`";
        };
    }

    private static String line(Figures.Totals t) {
        return t.answered() + " answered · " + t.right() + " right (" + percent(t) + ") · " + points(t.points()) + " pts";
    }

    private static String percent(Figures.Totals t) {
        return Math.round(100 * t.rightRatio()) + "%";
    }

    private static String points(double points) {
        return String.format(Locale.ROOT, "%.1f", points);
    }
}
