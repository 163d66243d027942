package dev.quiztutor.bank.format;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Solution;
import dev.quiztutor.bank.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A worked solution and its common mistakes as one markdown text, the general feedback Moodle shows
 * after a question: numbered steps, the answer, the quick check, the mistakes. Moodle has no fields
 * for these, so the exporters write this text; the importers read a general feedback of exactly this
 * shape back into steps, answer, quick check and mistakes, so a topic's solutions survive a trip
 * through Moodle. Any other general feedback stays text.
 */
public record WorkedSolution(List<Step> steps, String answer, String quickCheck, List<String> mistakes) {
    private static final String ANSWER = "**Answer:** ";
    private static final String QUICK_CHECK = "\n\n**Quick check:** ";
    private static final String MISTAKES = "\n\n**Common mistakes:**";

    public WorkedSolution {
        steps = List.copyOf(steps);
        mistakes = List.copyOf(mistakes);
    }

    public static WorkedSolution of(Question q) {
        Solution s = q.solution();
        return new WorkedSolution(s.steps(), s.answer(), s.quickCheck(), q.mistakes());
    }

    /** {@code 1. **Title**: text}, one step a line, then the answer, the quick check and the mistakes. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". **").append(step.title()).append("**");
            if (step.hasText()) {
                text.append(": ").append(step.text());
            }
        }
        text.append(steps.isEmpty() ? "" : "\n\n").append(ANSWER).append(answer);
        if (!quickCheck.isEmpty()) {
            text.append(QUICK_CHECK).append(quickCheck);
        }
        if (!mistakes.isEmpty()) {
            text.append(MISTAKES);
            mistakes.forEach(m -> text.append("\n- ").append(m));
        }
        return text.toString();
    }

    /**
     * The solution a general feedback holds, when it has exactly the shape {@link #text()} writes:
     * what is read is written again and must give the same text, so a teacher's own feedback that
     * merely looks similar is never taken apart.
     */
    public static Optional<WorkedSolution> parse(String feedback) {
        int answerAt = feedback.indexOf("\n\n" + ANSWER);
        if (answerAt < 0) {
            return Optional.empty();
        }
        List<Step> steps = steps(feedback.substring(0, answerAt));
        if (steps.isEmpty()) {
            // A solution has at least one step; a feedback that starts with its answer is a teacher's own.
            return Optional.empty();
        }
        String rest = feedback.substring(answerAt + 2 + ANSWER.length());
        List<String> mistakes = new ArrayList<>();
        int mistakesAt = rest.indexOf(MISTAKES);
        if (mistakesAt >= 0) {
            for (String line : rest.substring(mistakesAt + MISTAKES.length()).split("\n- ", -1)) {
                if (!line.isEmpty()) {
                    mistakes.add(line);
                }
            }
            rest = rest.substring(0, mistakesAt);
        }
        String quickCheck = "";
        int checkAt = rest.indexOf(QUICK_CHECK);
        if (checkAt >= 0) {
            quickCheck = rest.substring(checkAt + QUICK_CHECK.length());
            rest = rest.substring(0, checkAt);
        }
        WorkedSolution read = new WorkedSolution(steps, rest, quickCheck, mistakes);
        return read.answer.isBlank() || !read.text().equals(feedback) ? Optional.empty() : Optional.of(read);
    }

    /** "1. **A**: x\n2. **B**" into steps; a step's text may hold line breaks, up to the next number. */
    private static List<Step> steps(String block) {
        List<Step> steps = new ArrayList<>();
        if (block.isEmpty()) {
            return steps;
        }
        int at = 0;
        for (int n = 1; at < block.length(); n++) {
            String head = n + ". **";
            if (!block.startsWith(head, at)) {
                return List.of();
            }
            int next = block.indexOf("\n" + (n + 1) + ". **", at);
            String one = block.substring(at + head.length(), next < 0 ? block.length() : next);
            int close = one.indexOf("**");
            if (close < 0) {
                return List.of();
            }
            String title = one.substring(0, close);
            String text = one.substring(close + 2);
            steps.add(new Step(title, text.startsWith(": ") ? text.substring(2) : text));
            at = next < 0 ? block.length() : next + 1;
        }
        return steps;
    }
}
