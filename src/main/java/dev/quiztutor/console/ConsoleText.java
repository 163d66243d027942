package dev.quiztutor.console;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Lesson;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.TableText;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the console words and lays out questions, feedback, lessons and reports. */
final class ConsoleText {
    /** `code` in quiz prose, on one line. */
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\n]+)`");

    private final Style style;

    ConsoleText(Style style) {
        this.style = style;
    }

    String topics(List<Topic> topics) {
        StringBuilder text = new StringBuilder(style.bold("Topics") + "\n");
        for (int i = 0; i < topics.size(); i++) {
            Topic t = topics.get(i);
            text.append(String.format(Locale.ROOT, "  %d. %s  %s%n", i + 1, style.bold(t.title()),
                    style.dim("(" + t.id() + ")")));
            StringBuilder facts = new StringBuilder("     ");
            if (!t.category().isEmpty()) {
                facts.append(t.category()).append(" · ");
            }
            if (t.minutes() > 0) {
                facts.append("~").append(t.minutes()).append(" min · ");
            }
            facts.append(plural((int) t.count(QuestionKind.PRACTICE), "practice question", "practice questions")).append(", ")
                    .append(plural((int) t.count(QuestionKind.CODE), "code task", "code tasks"))
                    .append(t.lesson().isPresent() ? " · lesson" : "");
            text.append(facts).append('\n');
            if (!t.summary().isEmpty()) {
                text.append("     ").append(style.dim(prose(t.summary()))).append('\n');
            }
        }
        return text.toString();
    }

    String question(Topic topic, Question q, String counter) {
        StringBuilder text = new StringBuilder();
        text.append(style.accent("── " + (counter.isEmpty() ? "" : counter + " ") + topic.title() + " · "
                + q.difficulty().label() + " · " + q.kind().description() + " ──")).append('\n');
        text.append(prose(q.prompt())).append("\n\n");
        q.material().ifPresent(material -> text.append(style.bold(material.title())).append('\n')
                .append(indent(material.text(), material.monospace() ? "    " : "  ")).append("\n\n"));
        switch (q.kind()) {
            case BLANKS -> {
                QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                text.append(indent(b.code().replace("\\[", "["), "    ")).append("\n\n");
                text.append(style.bold("Options")).append('\n');
            }
            case MATCHING -> {
                List<String> items = ((QuestionType.Matching) q.type()).items();
                text.append(style.bold("Match each item with an option")).append('\n');
                for (int i = 0; i < items.size(); i++) {
                    text.append("  ").append(style.bold((i + 1) + ".")).append(' ').append(items.get(i)).append('\n');
                }
                text.append(style.bold("Options")).append('\n');
            }
            case CHOICE, MULTI, TRUEFALSE, SHORT, NUMERIC -> {
            }
        }
        for (Option option : q.options()) {
            text.append("  ").append(style.bold(option.letter() + ".")).append(' ').append(prose(option.text())).append('\n');
        }
        return text.toString();
    }

    String practicePrompt(Question q, int tries) {
        return style.dim(tries + (tries == 1 ? " try. " : " tries. ") + capital(how(q)) + ", or: hint, give up, next.");
    }

    String testPrompt(Question q) {
        return style.dim(capital(how(q)) + ", or: skip, finish (end the test now), quit (leave it for later).");
    }

    /** The first lines of a test: its size and the difficulties it really has, which a small topic may lack. */
    String testIntro(Topic topic, TopicTest test) {
        List<Difficulty> drawn = test.paper().questions().stream().map(Question::difficulty).distinct().sorted().toList();
        List<Difficulty> lacking = Arrays.stream(Difficulty.values())
                .filter(d -> topic.questions().stream().noneMatch(q -> q.difficulty() == d)).toList();
        String mix = drawn.size() == 1 ? "all " + drawn.get(0).label() : and(drawn);
        String missing = lacking.isEmpty() ? "" : " (this topic has no " + or(lacking) + " questions)";
        StringBuilder text = new StringBuilder(style.bold("Topic test: " + topic.title()) + " · "
                + plural(test.size(), "question", "questions") + ": " + mix + missing + ".\n");
        if (test.paper().shorterThanRequested()) {
            text.append(style.note("This topic has only " + test.size() + " questions, so the test has " + test.size()
                    + " instead of " + test.paper().requested() + ".")).append('\n');
        }
        text.append("Nothing is marked until the end.\n");
        return text.toString();
    }

    /** "easy, medium and hard", "easy and medium". */
    private static String and(List<Difficulty> difficulties) {
        return joined(difficulties, " and ");
    }

    private static String or(List<Difficulty> difficulties) {
        return joined(difficulties, " or ");
    }

    private static String joined(List<Difficulty> difficulties, String last) {
        List<String> labels = difficulties.stream().map(Difficulty::label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + last + labels.get(labels.size() - 1);
    }

    /** Prose from a quiz file, with its `code` rendered as the terminal allows. */
    String prose(String text) {
        return INLINE_CODE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(style.code(m.group(1))));
    }

    /** How to answer {@code q}: "answer with a letter (A, B or C)", "type a number (in ms)". */
    static String how(Question q) {
        int parts = q.parts();
        return switch (q.kind()) {
            case CHOICE -> "answer with a letter (" + letters(q) + ")";
            case BLANKS -> parts == 1 ? "answer with the letter for the blank (" + letters(q) + ")"
                    : "answer with " + parts + " letters, one per blank in order (e.g. " + example(q) + ")";
            case MATCHING -> parts == 1 ? "answer with the letter for the item (" + letters(q) + ")"
                    : "answer with " + parts + " letters, one per item in order (e.g. " + example(q) + ")";
            case MULTI -> "answer with every right letter (e.g. " + example(q) + ")";
            case TRUEFALSE -> "answer true or false";
            case SHORT -> "type your answer (or: answer TEXT)";
            case NUMERIC -> {
                String unit = ((QuestionType.Numeric) q.type()).unit();
                yield "type a number" + (unit.isEmpty() ? "" : " (in " + unit + ")");
            }
        };
    }

    /** An answer of the right shape, for examples: "A C B", "true", "42". */
    static String example(Question q) {
        return switch (q.kind()) {
            case BLANKS, MATCHING -> "A C B D".substring(0, 2 * Math.min(4, q.parts()) - 1);
            case MULTI -> "A C";
            case CHOICE -> "B";
            case TRUEFALSE -> "true";
            case SHORT -> "your words";
            case NUMERIC -> "3.5";
        };
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }


    private String said(String said) {
        return said.isEmpty() ? "" : "\n  " + style.note(indent(said, "  ").strip());
    }

    static String letters(Question q) {
        if (q.options().isEmpty()) {
            return q.kind() == QuestionKind.TRUEFALSE ? "true or false" : "your answer";
        }
        List<String> letters = q.options().stream().map(Option::letter).toList();
        return String.join(", ", letters.subList(0, letters.size() - 1)) + " or " + letters.get(letters.size() - 1);
    }

    String feedback(Question q, Feedback feedback) {
        Feedback.Progress p = feedback.progress();
        String line;
        if (feedback instanceof Feedback.Correct right) {
            line = style.good("✓ Right!") + " " + scoreLine(p) + said(right.said());
        } else if (feedback instanceof Feedback.Incorrect wrong) {
            line = style.bad("✗ " + Feedback.wrongSummary(q, wrong.grade(), wrong.response()) + ".") + " " + tries(p.triesLeft()) + " left."
                    + (p.moreHints() ? style.dim(" Type hint for a hint.") : "") + said(wrong.said());
        } else if (feedback instanceof Feedback.OutOfTries out) {
            line = style.bad("✗ " + Feedback.wrongSummary(q, out.grade(), out.response()) + ", and that was your last try.")
                    + " Here is the solution." + said(out.said());
        } else if (feedback instanceof Feedback.GaveUp) {
            line = style.note("Here is the solution.") + " No points this time.";
        } else if (feedback instanceof Feedback.Hint hint) {
            line = style.note("Hint " + hint.number() + " of " + p.hintsTotal() + ":") + " " + prose(hint.text())
                    + style.dim(" (" + tries(p.triesLeft()) + " left)");
        } else if (feedback instanceof Feedback.NoMoreHints) {
            line = p.hintsTotal() == 0 ? "This question has no hints." : "No more hints: you have seen all "
                    + p.hintsTotal() + ". " + tries(p.triesLeft()) + " left.";
        } else if (feedback instanceof Feedback.AlreadyEnded) {
            line = finished(p);
        } else {
            throw new IllegalStateException("unknown feedback " + feedback);
        }
        StringBuilder text = new StringBuilder(line).append('\n');
        // Once is enough: an answer after the end gets the one line, and the session says how to see it again.
        if (feedback.revealsSolution() && !(feedback instanceof Feedback.AlreadyEnded)) {
            text.append('\n').append(solution(q));
        }
        return text.toString();
    }

    /** "You have finished this question (solved on try 2, 0.57 points); nothing more is counted." */
    String finished(Feedback.Progress p) {
        return style.note("You have finished this question") + " (" + ended(p) + "); nothing more is counted.";
    }

    /** "Answered already: solved on try 2, 0.57 points." */
    String answeredAlready(Feedback.Progress p) {
        return style.note("Answered already:") + " " + ended(p) + ".";
    }

    private String ended(Feedback.Progress p) {
        return switch (p.status()) {
            case SOLVED -> "solved on try " + p.triesUsed() + ", " + points(p.score());
            case OUT_OF_TRIES -> "out of tries, 0 points";
            case GAVE_UP -> "solution shown, 0 points";
            case OPEN -> "open";
        };
    }

    private String scoreLine(Feedback.Progress p) {
        int wrong = p.triesUsed() - 1;
        return points(p.score()) + style.dim(" (" + plural(wrong, "wrong try", "wrong tries") + ", "
                + plural(p.hintsShown(), "hint", "hints") + ")");
    }

    static String points(double score) {
        return String.format(Locale.ROOT, "%.2f", score) + (score == 1 ? " point" : " points");
    }

    private static String tries(int left) {
        return plural(left, "try", "tries");
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    String solution(Question q) {
        StringBuilder text = new StringBuilder(style.bold("Solution")).append('\n');
        List<Step> steps = q.solution().steps();
        for (int i = 0; i < steps.size(); i++) {
            text.append("  ").append(style.bold((i + 1) + ". " + prose(steps.get(i).title()))).append('\n');
            if (steps.get(i).hasText()) {
                text.append(indent(prose(steps.get(i).text()), "     ")).append('\n');
            }
        }
        text.append("  ").append(style.bold("Final answer: ")).append(prose(q.solution().answer()))
                .append(style.dim(q.answerKeyNote())).append('\n');
        if (q.type() instanceof QuestionType.Blanks b) {
            text.append(indent(b.filledCode(b.answer()).replace("\\[", "["), "    ")).append('\n');
        }
        if (q.type() instanceof QuestionType.Matching m) {
            for (int i = 0; i < m.items().size(); i++) {
                text.append("    ").append(i + 1).append(". ").append(m.items().get(i)).append(" → ")
                        .append(m.option(m.answer().get(i)).map(Option::text).orElse("?")).append('\n');
            }
        }
        if (q.kind() == QuestionKind.BLANKS || q.kind() == QuestionKind.MATCHING || q.kind() == QuestionKind.MULTI) {
            List<Option> noted = q.options().stream().filter(Option::hasFeedback).toList();
            if (!noted.isEmpty()) {
                text.append("  ").append(style.bold("About the options")).append('\n');
                noted.forEach(o -> text.append("    ").append(o.letter()).append(". ").append(o.text()).append(": ")
                        .append(o.feedback()).append('\n'));
            }
        }
        if (q.solution().hasQuickCheck()) {
            text.append("  ").append(style.bold("Quick check: ")).append(prose(q.solution().quickCheck())).append('\n');
        }
        if (!q.mistakes().isEmpty()) {
            text.append(style.bold("Common mistakes")).append('\n');
            q.mistakes().forEach(m -> text.append("  - ").append(prose(m)).append('\n'));
        }
        return text.toString();
    }


    String lessonPage(Topic topic, LessonPage page, int index, int total) {
        StringBuilder text = new StringBuilder(style.accent("── Lesson: " + topic.title() + " · page " + (index + 1)
                + " of " + total + " ──")).append('\n');
        text.append(style.bold(page.heading())).append('\n');
        if (page instanceof LessonPage.FlowStep step) {
            text.append("  ").append(style.bold(prose(step.step().title()))).append('\n');
            if (step.step().hasText()) {
                text.append(indent(prose(step.step().text()), "  ")).append('\n');
            }
            if (!step.note().isEmpty()) {
                text.append(style.dim(indent(prose(step.note()), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.Sample sample) {
            text.append(indent(sample.sample().code(), "    ")).append('\n');
            if (!sample.sample().note().isEmpty()) {
                text.append(style.dim(indent(prose(sample.sample().note()), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.Table table) {
            Lesson.Table t = table.table();
            text.append(indent(TableText.render(t).stripTrailing(), "  ")).append('\n');
            if (!t.note().isEmpty()) {
                text.append(style.dim(indent(prose(t.note()), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.KeyMoments moments) {
            for (Lesson.Insight insight : moments.insights()) {
                text.append("  ").append(style.bold("Q: " + prose(insight.question()))).append('\n');
                text.append(indent("A: " + prose(insight.answer()), "  ")).append('\n');
            }
        } else if (page instanceof LessonPage.Quiz quiz) {
            text.append(question(topic, quiz.question(), "")).append('\n');
        } else if (page instanceof LessonPage.Snapshot snapshot) {
            snapshot.lines().forEach(line -> text.append("  • ").append(prose(line)).append('\n'));
        } else if (page instanceof LessonPage.Transcript transcript) {
            text.append(indent(prose(transcript.text()), "  ")).append('\n');
        }
        return text.toString();
    }

    String testQuestion(Topic topic, TopicTest test) {
        Question q = test.current().orElseThrow();
        int done = test.position();
        int size = test.size();
        String bar = "▓".repeat(done) + "░".repeat(size - done);
        return style.accent("[" + (done + 1) + "/" + size + "] " + bar) + "\n" + question(topic, q, "");
    }

    String report(TopicTest.Report report) {
        TopicTest.Paper paper = report.paper();
        StringBuilder text = new StringBuilder(style.accent("── Test report: " + paper.topicTitle() + " ──")).append('\n');
        TopicTest.Tally all = report.overall();
        String verdict = report.verdict().label();
        String coloured = switch (report.verdict()) {
            case STRONG -> style.good(verdict);
            case GETTING_THERE -> style.note(verdict);
            case NEEDS_PRACTICE -> style.bad(verdict);
        };
        text.append("Score: ").append(style.bold(all.right() + " of " + all.total() + " right (" + all.percent() + "%)"))
                .append(" · verdict: ").append(coloured).append('\n');
        text.append(report.verdict().advice()).append('\n');
        for (Difficulty d : Difficulty.values()) {
            TopicTest.Tally tally = report.byDifficulty().get(d);
            if (tally != null) {
                text.append(String.format(Locale.ROOT, "  %-7s %d/%d%n", d.label(), tally.right(), tally.total()));
            }
        }
        if (report.missed().isEmpty()) {
            text.append(style.good("No question missed.")).append('\n');
            return text.toString();
        }
        text.append('\n').append(style.bold("Missed questions")).append('\n');
        for (TopicTest.Missed missed : report.missed()) {
            Question q = missed.question();
            String given = missed.given().map(Response::toString).map(r -> "you answered " + r)
                    .orElse("not answered");
            String grade = missed.grade().filter(g -> g.of() > 1 && missed.given().isPresent())
                    .map(g -> ", " + Feedback.wrongSummary(q, g, missed.given().get()).toLowerCase(Locale.ROOT)).orElse("");
            // The whole prompt: a question that quotes a statement needs the statement to make sense.
            String number = missed.number() + ". ";
            text.append(style.bold(number)).append(indent(prose(q.prompt()), " ".repeat(number.length())).substring(number.length()))
                    .append('\n');
            text.append("   ").append(style.bad(given + grade)).append('\n');
            text.append(indent(solution(q), "   ")).append('\n');
        }
        return text.toString();
    }

    /** Each line after {@code prefix}; blank lines stay empty, with no trailing blanks. */
    static String indent(String text, String prefix) {
        return (prefix + text.stripTrailing().replace("\n", "\n" + prefix)).replaceAll("(?m)^[ \t]+$", "");
    }
}
