package dev.quiztutor.bank.format;

import java.util.ArrayList;
import java.util.List;

/** What a format read from one file: its questions, in order, and the notices about them. */
public final class Batch {
    private final String file;
    private final List<Draft> questions = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();

    public Batch(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Adds a question, or skips it when it has more options than letters A to Z can name. */
    public void add(Draft question) {
        int options = question instanceof Draft.Choice c ? c.options().size()
                : question instanceof Draft.Multi m ? m.options().size()
                : question instanceof Draft.Matching m ? m.pool().size() : 0;
        if (options > 26) {
            Draft.Common common = question.common();
            skip(common.line(), common.name().isEmpty() ? shorten(common.prompt()) : common.name(),
                    options + " options; options are lettered A to Z");
            return;
        }
        questions.add(question);
    }

    private static String shorten(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }

    public void skip(int line, String name, String why) {
        notices.add(new Notice(file, line, name, why, true));
    }

    public void note(int line, String name, String what) {
        notices.add(new Notice(file, line, name, what, false));
    }

    public List<Draft> questions() {
        return List.copyOf(questions);
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public long skipped() {
        return notices.stream().filter(Notice::skipped).count();
    }
}
