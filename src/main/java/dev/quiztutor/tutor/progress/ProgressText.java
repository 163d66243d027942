package dev.quiztutor.tutor.progress;

import dev.quiztutor.bank.Difficulty;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ProgressPicture}'s figures in words: a short summary to read beside the chart, and the
 * chart's alt text, which says everything the chart shows, for whoever cannot see it. Plain text: the
 * front end escapes what its markup needs.
 */
public final class ProgressText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ProgressText() {}

    /** Week labels as the chart and the text write them: the week's Monday, "3 Nov". */
    public static String weekLabel(WeekOfRightAnswers week) {
        return DAY.format(week.monday());
    }

    /**
     * The summary beside the chart, one line each: right answers in the weeks shown (per difficulty),
     * this week and the best week; then the questions mastered over the topics met.
     */
    public static List<String> summary(ProgressPicture picture) {
        List<String> lines = new ArrayList<>();
        int weeks = picture.weeks().size();
        if (picture.totalRight() == 0) {
            lines.add("No right answer in the last " + weeks + " weeks.");
        } else {
            WeekOfRightAnswers best = best(picture);
            lines.add(picture.totalRight() + " right in the last " + weeks + " weeks (" + byDifficulty(picture.weeks())
                    + "); this week " + picture.thisWeek().total() + ", best week " + best.total() + " (from "
                    + weekLabel(best) + ").");
        }
        if (!picture.topics().isEmpty()) {
            int mastered = picture.topics().stream().mapToInt(TopicMastery::mastered).sum();
            int met = picture.topics().stream().mapToInt(TopicMastery::met).sum();
            int questions = picture.topics().stream().mapToInt(TopicMastery::questions).sum();
            int topics = picture.topics().size();
            lines.add("Mastered: " + mastered + " of the " + questions + " questions of your " + topics
                    + (topics == 1 ? " topic" : " topics") + " (" + met + " met), those you would still recall tomorrow"
                    + " with at least "
                    + picture.retentionPercent() + "% probability.");
        }
        return lines;
    }

    /**
     * The chart's alt text, at most {@code limit} characters: each week's right answers per difficulty,
     * then each drawn topic's mastery. Topics that do not fit are counted at the end rather than cut
     * mid-word.
     */
    public static String altText(ProgressPicture picture, int limit) {
        StringBuilder weeks = new StringBuilder("Bar chart of your right answers per week, the last ")
                .append(picture.weeks().size()).append(" weeks (week from Monday): ");
        List<String> perWeek = new ArrayList<>();
        for (WeekOfRightAnswers week : picture.weeks()) {
            perWeek.add(weekLabel(week) + ": " + week.total() + (week.total() == 0 ? "" : " (" + byDifficulty(List.of(week)) + ")"));
        }
        weeks.append(String.join("; ", perWeek)).append('.');
        List<TopicMastery> drawn = picture.chartTopics();
        if (drawn.isEmpty()) {
            return fit(weeks + " No topic met yet for mastery.", limit);
        }
        String masteryHead = " Mastery per topic, the share of its questions you would still recall tomorrow"
                + " with at least " + picture.retentionPercent() + "% probability: ";
        int notDrawn = picture.topics().size() - drawn.size();
        List<String> perTopic = new ArrayList<>();
        for (TopicMastery t : drawn) {
            perTopic.add(t.title() + " " + t.percent() + "% (" + t.mastered() + " of " + t.questions() + ")");
        }
        for (int shown = perTopic.size(); shown >= 0; shown--) {
            int left = perTopic.size() - shown + notDrawn;
            String text = weeks + masteryHead + String.join("; ", perTopic.subList(0, shown))
                    + (left == 0 ? "." : (shown == 0 ? "" : "; ") + "and " + left + (left == 1 ? " more topic." : " more topics."));
            if (text.length() <= limit) {
                return text;
            }
        }
        return fit(weeks.toString(), limit);
    }

    private static WeekOfRightAnswers best(ProgressPicture picture) {
        // The latest of equal bests: the one a member remembers.
        return picture.weeks().stream()
                .max(Comparator.comparingInt(WeekOfRightAnswers::total).thenComparing(WeekOfRightAnswers::monday))
                .orElseThrow();
    }

    private static String byDifficulty(List<WeekOfRightAnswers> weeks) {
        List<String> parts = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            parts.add(weeks.stream().mapToInt(w -> w.of(d)).sum() + " " + d.label());
        }
        return String.join(", ", parts);
    }

    /** The last resort, for a limit too small for the weeks alone: cut, and say so with an ellipsis. */
    private static String fit(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, Math.max(0, limit - 1)) + "…";
    }
}
