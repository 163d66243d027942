package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.Lesson;
import dev.quiztutor.bank.Material;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.TableText;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * How the bot words and lays out everything it posts. All limits were checked when the bank was
 * loaded (see {@link DisplayLimits}); a test renders every shipped question to prove it.
 */
public final class Views {
    static final int EASY = 0x57F287;
    static final int MEDIUM = 0xFEE75C;
    static final int HARD = 0xED4245;
    static final int NEUTRAL = 0x5865F2;

    private Views() {
    }

    /** Live figures of a public post. */
    public record Tally(int answered, int right) {
        public static final Tally NONE = new Tally(0, 0);

        String line() {
            return answered == 0 ? "Be the first to answer!" : answered + " answered · " + right + " right";
        }
    }

    static int colour(Difficulty d) {
        return switch (d) {
            case EASY -> EASY;
            case MEDIUM -> MEDIUM;
            case HARD -> HARD;
        };
    }

    // ---------------------------------------------------------------- practice posts

    /** The public post of a practice question: everyone answers on it, each privately. */
    public static View practicePost(Topic topic, Question q, Tally tally) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(topic.title())
                .setColor(colour(q.difficulty()))
                .setDescription(questionText(q))
                .setFooter(tally.line() + " · " + q.attempts() + (q.attempts() == 1 ? " try" : " tries")
                        + " each · only you see your feedback");
        Ids ids = new Ids(letter -> new CustomId.Answer(q.ref(), letter).encode(),
                part -> new CustomId.Blank(q.ref(), part).encode(), new CustomId.Type(q.ref()).encode());
        List<ActionRow> rows = new ArrayList<>(answerRows(q, ids));
        Button reveal = Button.danger(new CustomId.Reveal(q.ref()).encode(), "Show solution");
        rows.add(q.kind().picksParts() ? ActionRow.of(Button.success(new CustomId.Check(q.ref()).encode(), "Check"), hintButton(q), reveal)
                : ActionRow.of(hintButton(q), reveal));
        return new View("", List.of(embed.build()), rows);
    }

    private static Button hintButton(Question q) {
        Button hint = Button.secondary(new CustomId.Hint(q.ref()).encode(), "💡 Hint");
        return q.hints().isEmpty() ? hint.asDisabled() : hint;
    }

    /** The prompt, the code, the items and the options, as the post's embed description. */
    static String questionText(Question q) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(q.difficulty().label()).append(" · ").append(q.kind().description()).append("**\n");
        text.append(q.prompt()).append("\n\n");
        q.material().ifPresent(material -> text.append(material(material)).append("\n\n"));
        switch (q.kind()) {
            case BLANKS -> {
                QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                text.append(codeBlock(b.language(), b.code().replace("\\[", "["))).append('\n');
                text.append("**Options**\n");
            }
            case MATCHING -> {
                List<String> items = ((QuestionType.Matching) q.type()).items();
                text.append("**Match each item with an option**\n");
                for (int i = 0; i < items.size(); i++) {
                    text.append("**").append(i + 1).append(".** ").append(items.get(i)).append('\n');
                }
                text.append("**Options**\n");
            }
            case MULTI -> text.append("-# Pick every right option in the menu, then press Check.\n");
            case SHORT -> text.append("-# Press **✏️ Answer** to type your answer; only you see it.\n");
            case NUMERIC -> {
                String unit = ((QuestionType.Numeric) q.type()).unit();
                text.append("-# Press **✏️ Answer** to type a number").append(unit.isEmpty() ? "" : " (in " + unit + ")")
                        .append("; only you see it.\n");
            }
            case CHOICE, TRUEFALSE -> {
            }
        }
        for (Option option : q.options()) {
            text.append("**").append(option.letter()).append(".** ").append(option.text()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** Lesson material a question needs, under its title: a table or a sample as a code block, a flow as lines. */
    static String material(Material material) {
        return "**" + material.title() + "**\n"
                + (material.monospace() ? codeBlock(material.language(), material.text()) : material.text());
    }

    static String codeBlock(String language, String code) {
        // A fence inside the code would close the block early; a zero-width space keeps it literal.
        return "```" + language + "\n" + code.replace("```", "`\u200B``") + "\n```";
    }

    interface IdForLetter {
        String id(String letter);
    }

    interface IdForPart {
        String id(int part);
    }

    /**
     * The custom ids of one place's answer components: a post, a lesson page or a test page. A lesson
     * page has no menus ({@code menu} null): its several-part questions are read there, and practised
     * with /practice or /code.
     */
    record Ids(IdForLetter letter, IdForPart menu, String type) {
    }

    /**
     * The rows a learner answers with, above the row of Check / Hint / Show solution: a button per
     * option, True and False, one menu per blank or item, one menu of several values, or an Answer
     * button that opens a form.
     */
    static List<ActionRow> answerRows(Question q, Ids ids) {
        List<ActionRow> rows = new ArrayList<>();
        switch (q.kind()) {
            case CHOICE -> rows.addAll(letterRows(q, ids.letter()));
            case TRUEFALSE -> rows.add(ActionRow.of(Button.secondary(ids.letter().id("T"), "True"),
                    Button.secondary(ids.letter().id("F"), "False")));
            case SHORT, NUMERIC -> rows.add(ActionRow.of(Button.primary(ids.type(), "✏️ Answer")));
            case BLANKS -> {
                if (ids.menu() != null) {
                    QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                    for (int blank = 1; blank <= b.blanks(); blank++) {
                        rows.add(ActionRow.of(partMenu(ids.menu().id(blank), q, "Blank [" + blank + "]")));
                    }
                }
            }
            case MATCHING -> {
                if (ids.menu() != null) {
                    List<String> items = ((QuestionType.Matching) q.type()).items();
                    for (int item = 1; item <= items.size(); item++) {
                        rows.add(ActionRow.of(partMenu(ids.menu().id(item), q,
                                truncate(item + ". " + items.get(item - 1), DisplayLimits.SELECT_PLACEHOLDER))));
                    }
                }
            }
            case MULTI -> {
                if (ids.menu() != null) {
                    StringSelectMenu.Builder menu = StringSelectMenu.create(ids.menu().id(1))
                            .setPlaceholder("Pick every right option").setRequiredRange(1, q.options().size());
                    for (Option option : q.options()) {
                        menu.addOption(option.label(), option.letter());
                    }
                    rows.add(ActionRow.of(menu.build()));
                }
            }
        }
        return rows;
    }

    static List<ActionRow> letterRows(Question q, IdForLetter ids) {
        List<ActionRow> rows = new ArrayList<>();
        List<ActionRowChildComponent> row = new ArrayList<>();
        for (Option option : q.options()) {
            row.add(Button.secondary(ids.id(option.letter()), option.label()));
            if (row.size() == DisplayLimits.BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    static StringSelectMenu partMenu(String id, Question q, String placeholder) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(id).setPlaceholder(placeholder);
        for (Option option : q.options()) {
            menu.addOption(option.label(), option.letter());
        }
        return menu.build();
    }

    /** The form a typed answer is written in: one short text input, never shown to anyone else. */
    static net.dv8tion.jda.api.modals.Modal answerForm(String id, Question q) {
        String unit = q.type() instanceof QuestionType.Numeric n ? n.unit() : "";
        net.dv8tion.jda.api.components.textinput.TextInput input = net.dv8tion.jda.api.components.textinput.TextInput
                .create("answer", net.dv8tion.jda.api.components.textinput.TextInputStyle.SHORT)
                .setRequiredRange(1, dev.quiztutor.bank.TypedText.MAX_TYPED)
                .setPlaceholder(q.kind() == QuestionKind.NUMERIC ? "A number, such as 3.5" + (unit.isEmpty() ? "" : " " + unit)
                        : "Your answer")
                .build();
        String label = q.kind() == QuestionKind.NUMERIC ? "Your answer" + (unit.isEmpty() ? "" : " (" + unit + ")")
                : "Your answer";
        return net.dv8tion.jda.api.modals.Modal.create(id, truncate("Answer: " + firstLine(q.prompt()), 45))
                .addComponents(net.dv8tion.jda.api.components.label.Label.of(truncate(label, 45), input))
                .build();
    }

    /** A scheduled post: the practice post, introduced, pinging the chosen role if any. */
    public static View scheduledPost(ScheduledPost post) {
        View practice = practicePost(post.topic(), post.question(), Tally.NONE);
        StringBuilder content = new StringBuilder();
        post.schedule().pingRole().ifPresent(role -> content.append("<@&").append(role).append("> "));
        if (post.test()) {
            content.append("🧪 Test post of schedule #").append(post.schedule().id()).append(". Answers count as usual.");
        } else {
            content.append("📅 **Question of the day**");
            post.revealAt().ifPresent(at -> content.append(" · the answer comes <t:").append(at.getEpochSecond()).append(":R>"));
        }
        return new View(content.toString(), practice.embeds(), practice.rows());
    }

    /** The answer of a scheduled post, with a short solution and the day's figures. */
    public static View reveal(ScheduledReveal reveal) {
        Question q = reveal.question();
        String figures = reveal.answered() == 0 ? "Nobody answered this one."
                : Views.plural(reveal.answered(), "member", "members") + " answered, " + reveal.percentRight() + "% right.";
        // Quiz text shown as written, in the channel for everyone: its markdown characters are escaped.
        StringBuilder text = new StringBuilder("**Answer:** ").append(Markdown.escape(q.solution().answer()))
                .append(Markdown.escape(q.answerKeyNote())).append("\n");
        if (q.solution().hasQuickCheck()) {
            text.append("**Quick check:** ").append(Markdown.escape(q.solution().quickCheck())).append('\n');
        }
        List<Step> steps = q.solution().steps();
        for (int i = 0; i < steps.size(); i++) {
            text.append(i + 1).append(". ").append(Markdown.escape(steps.get(i).title())).append('\n');
        }
        MessageEmbed embed = new EmbedBuilder().setTitle("Answer revealed").setColor(colour(q.difficulty()))
                .setDescription(text.toString().stripTrailing()).setFooter(figures).build();
        // A count of members, never who: nobody is pinged or named.
        String reviews = reveal.membersWithReviews().isPresent() && reveal.membersWithReviews().getAsInt() > 0
                ? "\n🔁 " + plural(reveal.membersWithReviews().getAsInt(), "member has", "members have")
                  + " reviews due today: /review" : "";
        return new View("⏰ Time's up! " + figures + reviews, List.of(embed), List.of());
    }

    // ---------------------------------------------------------------- private feedback

    /** One user's private feedback on a practice question, with the solution when the attempt ended. */
    public static View feedback(Question q, Feedback feedback) {
        Feedback.Progress p = feedback.progress();
        String line;
        if (feedback instanceof Feedback.Correct right) {
            line = "✅ **Right!** " + points(p.score()) + " (" + plural(p.triesUsed() - 1, "wrong try", "wrong tries")
                    + ", " + plural(p.hintsShown(), "hint", "hints") + ")." + said(right.said());
        } else if (feedback instanceof Feedback.Incorrect wrong) {
            line = "❌ **" + Feedback.wrongSummary(q, wrong.grade(), wrong.response()) + ".** "
                    + plural(p.triesLeft(), "try", "tries") + " left."
                    + (p.moreHints() ? " Press **💡 Hint** for a hint." : "") + said(wrong.said());
        } else if (feedback instanceof Feedback.OutOfTries out) {
            line = "❌ **" + Feedback.wrongSummary(q, out.grade(), out.response()) + ", and that was your last try.** Here is the solution."
                    + said(out.said());
        } else if (feedback instanceof Feedback.GaveUp) {
            line = "📖 Here is the solution. No points this time.";
        } else if (feedback instanceof Feedback.Hint hint) {
            line = "💡 **Hint " + hint.number() + " of " + p.hintsTotal() + ":** " + hint.text() + "\n-# "
                    + plural(p.triesLeft(), "try", "tries") + " left";
        } else if (feedback instanceof Feedback.NoMoreHints) {
            line = p.hintsTotal() == 0 ? "This question has no hints."
                    : "No more hints: you have seen all " + p.hintsTotal() + ". " + plural(p.triesLeft(), "try", "tries")
                    + " left.";
        } else if (feedback instanceof Feedback.AlreadyEnded) {
            line = "You have finished this question (" + ended(p) + "); nothing more is counted.";
        } else {
            throw new IllegalStateException("unknown feedback " + feedback);
        }
        List<MessageEmbed> embeds = feedback.revealsSolution() ? List.of(solution(q)) : List.of();
        return new View(safe(line), embeds, List.of());
    }


    private static String said(String said) {
        return said.isEmpty() ? "" : "\n> " + said.replace("\n", "\n> ");
    }

    private static String ended(Feedback.Progress p) {
        return switch (p.status()) {
            case SOLVED -> "solved on try " + p.triesUsed() + ", " + points(p.score());
            case OUT_OF_TRIES -> "out of tries, 0 points";
            case GAVE_UP -> "solution shown, 0 points";
            case OPEN -> "open";
        };
    }

    /**
     * Each question's solution embed, built once: a question never changes (a bank swap brings new
     * ones), and every click that ends an attempt shows it. Weak keys compare by identity, so a
     * swapped-out question's embed goes with it; a {@link MessageEmbed} is immutable and keeps its
     * own JSON once JDA made it, which every later reply then reuses.
     */
    private static final Cache<Question, MessageEmbed> SOLUTIONS = Caffeine.newBuilder().weakKeys().build();

    /** The worked solution: numbered steps, final answer, quick check and common mistakes. */
    public static MessageEmbed solution(Question q) {
        return SOLUTIONS.get(q, Views::buildSolution);
    }

    private static MessageEmbed buildSolution(Question q) {
        StringBuilder text = new StringBuilder();
        List<Step> steps = q.solution().steps();
        for (int i = 0; i < steps.size(); i++) {
            text.append("**").append(i + 1).append(". ").append(steps.get(i).title()).append("**\n");
            if (steps.get(i).hasText()) {
                text.append(steps.get(i).text()).append('\n');
            }
        }
        text.append("\n**Final answer:** ").append(q.solution().answer()).append(q.answerKeyNote()).append("\n");
        if (q.type() instanceof QuestionType.Blanks b) {
            text.append(codeBlock(b.language(), b.filledCode(b.answer()).replace("\\[", "["))).append('\n');
        }
        if (q.type() instanceof QuestionType.Matching m) {
            for (int i = 0; i < m.items().size(); i++) {
                text.append(i + 1).append(". ").append(m.items().get(i)).append(" → ")
                        .append(m.option(m.answer().get(i)).map(Option::text).orElse("?")).append('\n');
            }
        }
        List<String> notes = optionNotes(q);
        if (!notes.isEmpty()) {
            text.append("\n**About the options**\n");
            notes.forEach(n -> text.append("• ").append(n).append('\n'));
        }
        if (q.solution().hasQuickCheck()) {
            text.append("**Quick check:** ").append(q.solution().quickCheck()).append('\n');
        }
        if (!q.mistakes().isEmpty()) {
            text.append("\n**Common mistakes**\n");
            q.mistakes().forEach(m -> text.append("• ").append(m).append('\n'));
        }
        return new EmbedBuilder().setTitle("Solution").setColor(colour(q.difficulty()))
                .setDescription(text.toString().stripTrailing()).build();
    }


    /**
     * The author's feedback on the options of a several-part task, which a wrong try does not show (it
     * would say which part is wrong), in the solution instead.
     */
    static List<String> optionNotes(Question q) {
        if (!q.kind().picksParts()) {
            return List.of();
        }
        return q.options().stream().filter(Option::hasFeedback).map(o -> o.letter() + ". " + o.text() + ": " + o.feedback())
                .toList();
    }

    // ---------------------------------------------------------------- topics

    public static View topics(QuizBank bank) {
        List<Topic> topics = bank.topics();
        List<Topic> shown = topics.subList(0, Math.min(DisplayLimits.EMBED_FIELDS, topics.size()));
        EmbedBuilder embed = new EmbedBuilder().setColor(NEUTRAL).setTitle(shown.size() < topics.size()
                ? "Topics (" + shown.size() + " of " + topics.size() + "; type in a command's topic option to find the rest)"
                : "Topics");
        embed.setFooter("/learn, /practice, /code or /test with a topic");
        List<MessageEmbed.Field> fields = new ArrayList<>();
        for (Topic t : shown) {
            // Titles, categories and summaries are shown as written: their markdown characters are escaped.
            String facts = (t.category().isEmpty() ? "" : Markdown.escape(t.category()) + " · ")
                    + (t.minutes() > 0 ? "~" + t.minutes() + " min · " : "")
                    + t.count(QuestionKind.PRACTICE) + " practice questions · " + t.count(QuestionKind.CODE)
                    + " code tasks" + (t.lesson().isPresent() ? " · lesson" : "");
            // The facts and the id first: a long summary is what gets shortened.
            String value = "-# " + facts + " · `" + t.id() + "`" + (t.summary().isEmpty() ? "" : "\n" + Markdown.escape(t.summary()));
            fields.add(new MessageEmbed.Field(Markdown.escape(t.title()), value, false, false));
        }
        addFieldsWithin(embed, fields);
        return new View("", List.of(embed.build()), List.of());
    }

    /**
     * Adds the fields, each shortened to an equal share of what is left of an embed's 6,000
     * characters (and to a field's 1,024): up to 25 long fields still make one embed Discord takes.
     * The fields come unchecked ({@code new MessageEmbed.Field(name, value, inline, false)}): their
     * values may be longer than a field allows until this shortens them.
     */
    static EmbedBuilder addFieldsWithin(EmbedBuilder embed, List<MessageEmbed.Field> fields) {
        if (fields.isEmpty()) {
            return embed;
        }
        int names = fields.stream().mapToInt(f -> f.getName().length()).sum();
        int room = DisplayLimits.EMBEDS_TOTAL - embed.length() - names;
        int each = Math.min(DisplayLimits.EMBED_FIELD_VALUE, room / fields.size());
        for (MessageEmbed.Field field : fields) {
            embed.addField(field.getName(), truncate(field.getValue(), each), field.isInline());
        }
        return embed;
    }

    // ---------------------------------------------------------------- lessons

    /** One page of a lesson in the user's private message, with Previous / Next. */
    public static View lessonPage(Topic topic, List<LessonPage> pages, int index, Optional<View> feedback) {
        LessonPage page = pages.get(index);
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(truncate(topic.title() + " · " + page.heading(), DisplayLimits.EMBED_TITLE))
                .setColor(NEUTRAL)
                .setFooter("Lesson · page " + (index + 1) + " of " + pages.size());
        List<ActionRow> rows = new ArrayList<>();
        if (page instanceof LessonPage.FlowStep step) {
            StringBuilder text = new StringBuilder("### ").append(step.step().title()).append('\n');
            if (step.step().hasText()) {
                text.append(step.step().text()).append('\n');
            }
            text.append('\n').append(progress(step.number(), step.of()));
            if (!step.note().isEmpty()) {
                text.append("\n\n-# ").append(step.note());
            }
            embed.setDescription(text.toString());
        } else if (page instanceof LessonPage.Sample sample) {
            Lesson.Sample s = sample.sample();
            embed.setDescription(codeBlock(s.language(), s.code()) + (s.note().isEmpty() ? "" : "\n" + s.note()));
        } else if (page instanceof LessonPage.Table table) {
            Lesson.Table t = table.table();
            embed.setDescription(codeBlock("", TableText.render(t).stripTrailing()) + (t.note().isEmpty() ? "" : "\n" + t.note()));
        } else if (page instanceof LessonPage.KeyMoments moments) {
            for (Lesson.Insight insight : moments.insights()) {
                embed.addField(insight.question(), insight.answer(), false);
            }
        } else if (page instanceof LessonPage.Quiz quiz) {
            Question q = quiz.question();
            embed.setColor(colour(q.difficulty())).setDescription(questionText(q));
            if (!q.kind().picksParts()) {
                rows.addAll(answerRows(q, new Ids(letter -> new CustomId.LessonAnswer(topic.id(), index, letter).encode(),
                        null, new CustomId.LessonType(topic.id(), index).encode())));
                if (!q.hints().isEmpty()) {
                    rows.add(ActionRow.of(hintButton(q)));
                }
            }
        } else if (page instanceof LessonPage.Snapshot snapshot) {
            embed.setDescription(String.join("\n", snapshot.lines().stream().map(l -> "• " + l).toList()));
        } else if (page instanceof LessonPage.Transcript transcript) {
            embed.setDescription(transcript.text());
        }
        // Ids stay distinct even when disabled: Discord rejects a message with two equal custom ids.
        Button previous = Button.secondary(new CustomId.LessonPage(topic.id(), Math.max(0, index - 1)).encode(),
                "◀ Previous").withDisabled(index == 0);
        Button next = Button.primary(new CustomId.LessonPage(topic.id(), index + 1).encode(), "Next ▶")
                .withDisabled(index == pages.size() - 1);
        rows.add(ActionRow.of(previous, next));
        List<MessageEmbed> embeds = new ArrayList<>();
        embeds.add(embed.build());
        String content = "";
        if (feedback.isPresent()) {
            content = feedback.get().content();
            embeds.addAll(feedback.get().embeds());
        }
        return new View(content, embeds, rows);
    }

    private static String progress(int done, int of) {
        return "▓".repeat(done) + "░".repeat(Math.max(0, of - done)) + " " + done + "/" + of;
    }

    // ---------------------------------------------------------------- topic tests

    /** The current question of a test, with a progress bar; nothing is marked until the end. */
    public static View testQuestion(long testId, TopicTest test, List<String> picked) {
        Question q = test.current().orElseThrow();
        int position = test.position();
        String intro = position == 0
                ? (test.paper().shorterThanRequested()
                    ? "This topic has " + test.size() + " questions, so the test has " + test.size() + " instead of "
                      + test.paper().requested() + ".\n"
                    : "")
                + "Nothing is marked until the end.\n\n"
                : "";
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(truncate("Topic test: " + test.paper().topicTitle(), DisplayLimits.EMBED_TITLE))
                .setColor(colour(q.difficulty()))
                .setDescription(intro + progress(position, test.size()) + "\n\n" + questionText(q))
                .setFooter("Question " + (position + 1) + " of " + test.size());
        List<ActionRow> rows = new ArrayList<>();
        Button skip = Button.secondary(new CustomId.TestSkip(testId, position).encode(), "Skip");
        rows.addAll(answerRows(q, new Ids(letter -> new CustomId.TestAnswer(testId, position, letter).encode(),
                part -> new CustomId.TestBlank(testId, position, part).encode(),
                new CustomId.TestType(testId, position).encode())));
        rows.add(q.kind().picksParts() ? ActionRow.of(Button.success(new CustomId.TestSubmit(testId, position).encode(), "Submit"), skip)
                : ActionRow.of(skip));
        String content = picked.isEmpty() ? "" : "Picked: " + pickedLine(picked);
        return new View(content, List.of(embed.build()), rows);
    }

    static String pickedLine(List<String> picked) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < picked.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('[').append(i + 1).append("] ")
                    .append(picked.get(i) == null ? "—" : picked.get(i));
        }
        return text.toString();
    }

    /** The end-of-test report: score, per difficulty, verdict, and the missed questions. */
    public static View testReport(TopicTest.Report report) {
        TopicTest.Tally all = report.overall();
        int colour = switch (report.verdict()) {
            case STRONG -> EASY;
            case GETTING_THERE -> MEDIUM;
            case NEEDS_PRACTICE -> HARD;
        };
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(truncate("Test report: " + report.paper().topicTitle(), DisplayLimits.EMBED_TITLE))
                .setColor(colour)
                .setDescription("**" + all.right() + " of " + all.total() + " right (" + all.percent() + "%)** · verdict: **"
                        + report.verdict().label() + "**\n" + report.verdict().advice());
        for (Difficulty d : Difficulty.values()) {
            TopicTest.Tally tally = report.byDifficulty().get(d);
            if (tally != null) {
                embed.addField(capitalise(d.label()), tally.right() + " / " + tally.total(), true);
            }
        }
        List<ActionRow> rows = new ArrayList<>();
        if (!report.missed().isEmpty()) {
            StringBuilder missed = new StringBuilder();
            List<ActionRowChildComponent> buttons = new ArrayList<>();
            for (TopicTest.Missed m : report.missed()) {
                Question q = m.question();
                String given = m.given().map(Response::toString).map(r -> "you answered " + r).orElse("not answered");
                String grade = m.grade().filter(g -> g.of() > 1 && m.given().isPresent())
                        .map(g -> ", " + Feedback.wrongSummary(q, g, m.given().get()).toLowerCase(Locale.ROOT)).orElse("");
                String entry = "**" + m.number() + ".** " + truncate(firstLine(q.prompt()), 120) + "\n-# " + given + grade
                        + " · answer: " + truncate(q.solution().answer(), 150) + q.answerKeyNote() + "\n";
                if (missed.length() + entry.length() <= DisplayLimits.EMBED_FIELD_VALUE * 3) {
                    missed.append(entry);
                }
                if (buttons.size() < 10) {
                    buttons.add(Button.secondary(new CustomId.ShowSolution(q.ref()).encode(), "Solution " + m.number()));
                }
            }
            embed.addField("Missed questions", "Press a button below for the step-by-step solution.", false);
            for (int from = 0; from < buttons.size(); from += DisplayLimits.BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(buttons.subList(from, Math.min(buttons.size(), from + DisplayLimits.BUTTONS_PER_ROW))));
            }
            MessageEmbed list = new EmbedBuilder().setColor(colour).setDescription(missed.toString().stripTrailing()).build();
            return new View("", List.of(embed.build(), list), rows);
        }
        embed.addField("Missed questions", "None. Well done!", false);
        return new View("", List.of(embed.build()), rows);
    }

    // ---------------------------------------------------------------- small helpers

    /**
     * Scores as shown, formatted once each: a question's scores are a handful of values (tries and
     * hints used), and {@code String.format} is a measurable part of a click's work. Bounded in case
     * a scoring policy ever makes many.
     */
    private static final Map<Double, String> POINTS = new ConcurrentHashMap<>();
    private static final int POINTS_KEPT = 1_000;

    static String points(double score) {
        String shown = POINTS.get(score);
        if (shown == null) {
            shown = String.format(Locale.ROOT, "%.2f", score) + (score == 1 ? " point" : " points");
            if (POINTS.size() < POINTS_KEPT) {
                POINTS.put(score, shown);
            }
        }
        return shown;
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** What a learner typed, shown back to them alone: cut to a line, with markdown and mentions defused. */
    static String quoted(String typed) {
        String line = truncate(typed.strip().replaceAll("\\s+", " "), dev.quiztutor.bank.TypedText.MAX_TYPED);
        return "“" + net.dv8tion.jda.api.utils.MarkdownSanitizer.escape(line) + "”";
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Plain text with mass mentions defused. Allowed mentions are already empty on every message;
     * this also keeps "@everyone" from looking like a ping to readers.
     */
    static String safe(String text) {
        return text.replace("@everyone", "@\u200Beveryone").replace("@here", "@\u200Bhere");
    }
}
