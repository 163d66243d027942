package dev.quiztutor.discord;

import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.review.Outlook;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * How a review session looks: one private message, edited in place. A question with the same
 * buttons, menus and form as on a practice post; the feedback above it after each try; once the
 * question ends, its solution and Next; at the end, what is due next.
 */
final class ReviewViews {
    /** "Thu 3 Dec": a day within the coming weeks, as a member reads it. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private ReviewViews() {
    }

    /**
     * A question of the session, open: number {@code step.done() + 1} of {@code of}, {@code said} the
     * feedback on the last try or hint ("" for none), {@code picked} the member's picks in its menus so far.
     */
    static View question(CustomId.ReviewStep step, Topic topic, Question q, int of, String said, List<String> picked) {
        List<ActionRow> rows = new ArrayList<>();
        for (ActionRow row : Views.answerRows(q, new Views.Ids(
                letter -> new CustomId.ReviewAnswer(step, q.ref(), letter).encode(),
                part -> new CustomId.ReviewBlank(step, q.ref(), part).encode(),
                new CustomId.ReviewType(step, q.ref()).encode()))) {
            rows.add(withPicks(row, picked));
        }
        Button hint = Button.secondary(new CustomId.ReviewHint(step, q.ref()).encode(), "💡 Hint").withDisabled(q.hints().isEmpty());
        Button reveal = Button.danger(new CustomId.ReviewReveal(step, q.ref()).encode(), "Show solution");
        rows.add(q.kind().picksParts() ? ActionRow.of(Button.success(new CustomId.ReviewCheck(step, q.ref()).encode(), "Check"), hint, reveal)
                : ActionRow.of(hint, reveal));
        return new View(said, List.of(questionEmbed(step, topic, q, of)), rows);
    }

    /**
     * A question of the session once it has ended: the feedback, the solution (below the question when
     * both fit in one message) and Next.
     */
    static View ended(CustomId.ReviewStep step, Topic topic, Question q, int of, View feedback) {
        MessageEmbed question = questionEmbed(step, topic, q, of);
        List<MessageEmbed> embeds = new ArrayList<>();
        int solutions = feedback.embeds().stream().mapToInt(MessageEmbed::getLength).sum();
        if (question.getLength() + solutions <= DisplayLimits.EMBEDS_TOTAL) {
            embeds.add(question);
        }
        embeds.addAll(feedback.embeds());
        CustomId.ReviewStep after = new CustomId.ReviewStep(step.session(), step.done() + 1, step.oneTopic());
        Button next = Button.primary(new CustomId.ReviewNext(after, q.ref().topicId()).encode(),
                after.done() < of ? "Next ▶" : "Finish");
        return new View(feedback.content(), embeds, List.of(ActionRow.of(next)));
    }

    private static MessageEmbed questionEmbed(CustomId.ReviewStep step, Topic topic, Question q, int of) {
        return new EmbedBuilder()
                .setTitle(Views.truncate("Review · " + topic.title(), DisplayLimits.EMBED_TITLE))
                .setColor(Views.colour(q.difficulty()))
                .setDescription(Views.questionText(q))
                .setFooter("Question " + (step.done() + 1) + " of " + of + " due today · "
                        + q.attempts() + (q.attempts() == 1 ? " try" : " tries") + " · only you see this")
                .build();
    }

    /** A menu shows what the member picked in it, since every try redraws the message. */
    private static ActionRow withPicks(ActionRow row, List<String> picked) {
        if (picked.isEmpty() || row.getComponents().size() != 1
                || !(row.getComponents().get(0) instanceof StringSelectMenu menu)) {
            return row;
        }
        Optional<CustomId> id = CustomId.parse(menu.getCustomId());
        if (id.isEmpty() || !(id.get() instanceof CustomId.ReviewBlank blank) || blank.part() > picked.size()
                || picked.get(blank.part() - 1) == null) {
            return row;
        }
        return ActionRow.of(menu.createCopy().setDefaultValues(List.of(picked.get(blank.part() - 1).split(" "))).build());
    }

    /** The end of a session, or a /review with nothing due: what was done and what comes next. */
    static View end(int done, Outlook outlook, Optional<Topic> topic) {
        String of = topic.map(t -> " in " + t.title()).orElse("");
        StringBuilder text = new StringBuilder();
        if (done > 0) {
            text.append("✅ **Review done:** ").append(Views.plural(done, "question", "questions")).append(of).append(".\n");
        }
        if (outlook.none()) {
            text.append(done > 0 ? "Nothing else is due." : "Nothing to review" + of + " yet: the questions you answer"
                    + " with /practice, /code, /test and scheduled posts come back here just before you would forget them.");
        } else if (outlook.today() > 0) {
            // Only questions passed over unanswered: they stay due.
            text.append("Still due today: ").append(outlook.today()).append(". Use /review again to go on.");
        } else {
            if (done == 0) {
                text.append("Nothing to review").append(of).append(" today; the next is due on ")
                        .append(DAY.format(outlook.next().orElseThrow())).append(".\n");
            }
            text.append("Due tomorrow: **").append(outlook.tomorrow()).append("** · this week: **").append(outlook.week())
                    .append("**");
            if (outlook.week() == 0) {
                text.append(" · the next on ").append(DAY.format(outlook.next().orElseThrow()));
            }
            text.append('.');
        }
        return View.text(Views.safe(text.toString().stripTrailing()));
    }

    /** "3 due today · 2 tomorrow": /progress's line, or empty when nothing is or will be due. */
    static Optional<String> progressLine(Outlook outlook) {
        if (outlook.none()) {
            return Optional.empty();
        }
        String line = "**" + outlook.today() + "** due today · " + outlook.tomorrow() + " tomorrow · "
                + outlook.week() + " this week";
        if (outlook.today() == 0 && outlook.week() == 0) {
            line += " · the next on " + DAY.format(outlook.next().orElseThrow());
        }
        return Optional.of(line + (outlook.today() > 0 ? ": /review" : ""));
    }
}
