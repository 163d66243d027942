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

    public void add(Draft question) {
        questions.add(question);
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
