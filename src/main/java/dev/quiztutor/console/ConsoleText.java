package dev.quiztutor.console;

import dev.quiztutor.bank.BlanksQuestion;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Lesson;
import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.TableText;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import java.util.List;
import java.util.Locale;

/** How the console words and lays out questions, feedback, lessons and reports. */
final class ConsoleText {
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
            facts.append(t.count(QuestionKind.CHOICE)).append(" multiple choice, ")
                    .append(t.count(QuestionKind.BLANKS)).append(" fill in the blanks")
                    .append(t.lesson().isPresent() ? " · lesson" : "");
            text.append(facts).append('\n');
            if (!t.summary().isEmpty()) {
                text.append("     ").append(style.dim(t.summary())).append('\n');
            }
        }
        return text.toString();
    }

    String question(Topic topic, Question q, String counter) {
        StringBuilder text = new StringBuilder();
        text.append(style.accent("── " + (counter.isEmpty() ? "" : counter + " ") + topic.title() + " · "
                + q.difficulty().label() + " · " + q.kind().description() + " ──")).append('\n');
        text.append(q.prompt()).append("\n\n");
        q.material().ifPresent(material -> text.append(style.bold(material.title())).append('\n')
                .append(indent(material.text(), material.monospace() ? "    " : "  ")).append("\n\n"));
        if (q instanceof BlanksQuestion b) {
            text.append(indent(b.code().replace("\\[", "["), "    ")).append("\n\n");
            text.append(style.bold("Options")).append('\n');
        }
        for (Option option : q.options()) {
            text.append("  ").append(style.bold(option.letter() + ".")).append(' ').append(option.text()).append('\n');
        }
        return text.toString();
    }

    String practicePrompt(Question q, int tries) {
        String answer = q.kind() == QuestionKind.CHOICE
                ? "Answer with a letter (" + letters(q) + ")"
                : q.parts() == 1 ? "Answer with the letter for the blank (" + letters(q) + ")"
                : "Answer with " + q.parts() + " letters, one per blank in order (e.g. "
                + "A C B D".substring(0, 2 * q.parts() - 1) + ")";
        return style.dim(tries + (tries == 1 ? " try. " : " tries. ") + answer + ", or: hint, giveup, next.");
    }

    String testPrompt(Question q) {
        String answer = q.kind() == QuestionKind.CHOICE ? "a letter (" + letters(q) + ")"
                : q.parts() == 1 ? "the letter for the blank (" + letters(q) + ")"
                : q.parts() + " letters, one per blank";
        return style.dim("Answer with " + answer + ", or: skip, quit. Nothing is marked until the end.");
    }

    static String letters(Question q) {
        List<String> letters = q.options().stream().map(Option::letter).toList();
        return String.join(", ", letters.subList(0, letters.size() - 1)) + " or " + letters.get(letters.size() - 1);
    }

    String feedback(Question q, Feedback feedback) {
        Feedback.Progress p = feedback.progress();
        String line;
        if (feedback instanceof Feedback.Correct) {
            line = style.good("✓ Right!") + " " + scoreLine(p);
        } else if (feedback instanceof Feedback.Incorrect wrong) {
            String what = q.kind() == QuestionKind.BLANKS
                    ? wrong.grade().right() + " of " + wrong.grade().of() + " blanks right."
                    : "Not right.";
            line = style.bad("✗ " + what) + " " + tries(p.triesLeft()) + " left."
                    + (p.moreHints() ? style.dim(" Type hint for a hint.") : "");
        } else if (feedback instanceof Feedback.OutOfTries out) {
            String what = q.kind() == QuestionKind.BLANKS
                    ? out.grade().right() + " of " + out.grade().of() + " blanks right"
                    : "Not right";
            line = style.bad("✗ " + what + ", and that was your last try.") + " Here is the solution.";
        } else if (feedback instanceof Feedback.GaveUp) {
            line = style.note("Here is the solution.") + " No points this time.";
        } else if (feedback instanceof Feedback.Hint hint) {
            line = style.note("Hint " + hint.number() + " of " + p.hintsTotal() + ":") + " " + hint.text()
                    + style.dim(" (" + tries(p.triesLeft()) + " left)");
        } else if (feedback instanceof Feedback.NoMoreHints) {
            line = p.hintsTotal() == 0 ? "This question has no hints." : "No more hints: you have seen all "
                    + p.hintsTotal() + ". " + tries(p.triesLeft()) + " left.";
        } else if (feedback instanceof Feedback.AlreadyEnded) {
            line = style.note("You have finished this question") + " (" + ended(p) + "); nothing more is counted."
                    + " Type next for another.";
        } else {
            throw new IllegalStateException("unknown feedback " + feedback);
        }
        StringBuilder text = new StringBuilder(line).append('\n');
        if (feedback.revealsSolution()) {
            text.append('\n').append(solution(q));
        }
        return text.toString();
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
            text.append("  ").append(style.bold((i + 1) + ". " + steps.get(i).title())).append('\n');
            if (steps.get(i).hasText()) {
                text.append(indent(steps.get(i).text(), "     ")).append('\n');
            }
        }
        text.append("  ").append(style.bold("Final answer: ")).append(q.solution().answer())
                .append(style.dim(" (" + q.answerKey() + ")")).append('\n');
        if (q instanceof BlanksQuestion b) {
            text.append(indent(b.filledCode(b.answer()).replace("\\[", "["), "    ")).append('\n');
        }
        if (q.solution().hasQuickCheck()) {
            text.append("  ").append(style.bold("Quick check: ")).append(q.solution().quickCheck()).append('\n');
        }
        if (!q.mistakes().isEmpty()) {
            text.append(style.bold("Common mistakes")).append('\n');
            q.mistakes().forEach(m -> text.append("  - ").append(m).append('\n'));
        }
        return text.toString();
    }


    String lessonPage(Topic topic, LessonPage page, int index, int total) {
        StringBuilder text = new StringBuilder(style.accent("── Lesson: " + topic.title() + " · page " + (index + 1)
                + " of " + total + " ──")).append('\n');
        text.append(style.bold(page.heading())).append('\n');
        if (page instanceof LessonPage.FlowStep step) {
            text.append("  ").append(style.bold(step.step().title())).append('\n');
            if (step.step().hasText()) {
                text.append(indent(step.step().text(), "  ")).append('\n');
            }
            if (!step.note().isEmpty()) {
                text.append(style.dim(indent(step.note(), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.Sample sample) {
            text.append(indent(sample.sample().code(), "    ")).append('\n');
            if (!sample.sample().note().isEmpty()) {
                text.append(style.dim(indent(sample.sample().note(), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.Table table) {
            Lesson.Table t = table.table();
            text.append(indent(TableText.render(t).stripTrailing(), "  ")).append('\n');
            if (!t.note().isEmpty()) {
                text.append(style.dim(indent(t.note(), "  "))).append('\n');
            }
        } else if (page instanceof LessonPage.KeyMoments moments) {
            for (Lesson.Insight insight : moments.insights()) {
                text.append("  ").append(style.bold("Q: " + insight.question())).append('\n');
                text.append(indent("A: " + insight.answer(), "  ")).append('\n');
            }
        } else if (page instanceof LessonPage.Quiz quiz) {
            text.append(question(topic, quiz.question(), "")).append('\n');
        } else if (page instanceof LessonPage.Snapshot snapshot) {
            snapshot.lines().forEach(line -> text.append("  • ").append(line).append('\n'));
        } else if (page instanceof LessonPage.Transcript transcript) {
            text.append(indent(transcript.text(), "  ")).append('\n');
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
            String grade = missed.grade().filter(g -> g.of() > 1)
                    .map(g -> ", " + g.right() + " of " + g.of() + " blanks right").orElse("");
            text.append(style.bold(missed.number() + ". " + firstLine(q.prompt()))).append('\n');
            text.append("   ").append(style.bad(given + grade)).append('\n');
            text.append(indent(solution(q), "   ")).append('\n');
        }
        return text.toString();
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String indent(String text, String prefix) {
        return prefix + text.stripTrailing().replace("\n", "\n" + prefix);
    }
}
