package dev.quiztutor.bank;

/**
 * The size budget of a question's two big texts, the post and the revealed solution, counted the
 * way the front ends lay them out: a fixed allowance per line of markup on top of the author's text.
 * Front-end tests check that the real rendering never exceeds these figures.
 */
public final class QuestionText {
    /** Markup around a code block: the fences, the language name and line breaks. */
    static final int CODE_FENCE = 12;
    /** Markup per option line, such as "**A.** " and a line break. */
    static final int PER_OPTION = 10;
    /** Markup per solution step ("**1. title**", line breaks) and per mistake bullet. */
    static final int PER_LINE = 12;
    /** Headings of the solution: "Final answer", "Quick check", "Common mistakes". */
    static final int SOLUTION_HEADINGS = 80;

    private QuestionText() {
    }

    public static int postLength(Question q) {
        int length = q.prompt().length() + 2 + q.material().map(QuestionText::materialLength).orElse(0);
        switch (q.kind()) {
            case BLANKS -> {
                QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                length += b.code().length() + b.language().length() + CODE_FENCE;
            }
            case MATCHING -> {
                for (String item : ((QuestionType.Matching) q.type()).items()) {
                    length += item.length() + PER_OPTION;
                }
            }
            case NUMERIC -> length += ((QuestionType.Numeric) q.type()).unit().length() + PER_LINE;
            case CHOICE, MULTI, TRUEFALSE, SHORT -> {
            }
        }
        for (Option option : q.options()) {
            length += option.labelLength() + PER_OPTION;
        }
        return length;
    }

    /** Lesson material shown in a post: its heading, its text, and a code block around a table or a sample. */
    static int materialLength(Material material) {
        return material.title().length() + material.text().length() + material.language().length() + CODE_FENCE + PER_LINE;
    }

    /**
     * The revealed solution, with a blanks task's code filled in, and the author's feedback on the
     * options, which the reveal of a several-part task lists.
     */
    public static int solutionLength(Question q) {
        Solution s = q.solution();
        int length = SOLUTION_HEADINGS + s.answer().length() + s.quickCheck().length();
        for (Step step : s.steps()) {
            length += step.title().length() + step.text().length() + PER_LINE;
        }
        for (String mistake : q.mistakes()) {
            length += mistake.length() + PER_LINE;
        }
        if (q.type() instanceof QuestionType.Blanks b) {
            length += b.filledCode(b.answer()).length() + b.language().length() + CODE_FENCE;
        }
        return length;
    }

    /** The longest private reply to one try: its verdict line and the author's feedback on the answer. */
    public static int longestFeedback(Question q) {
        int longest = 0;
        for (Option option : q.options()) {
            longest = Math.max(longest, option.feedback().length());
        }
        if (q.type() instanceof QuestionType.TrueFalse tf) {
            longest = Math.max(tf.feedbackTrue().length(), tf.feedbackFalse().length());
        }
        if (q.type() instanceof QuestionType.ShortAnswer sa) {
            longest = sa.known().stream().mapToInt(k -> k.feedback().length()).max().orElse(0);
        }
        if (q.type() instanceof QuestionType.Numeric n) {
            longest = n.known().stream().mapToInt(k -> k.feedback().length()).max().orElse(0);
        }
        return longest;
    }
}
