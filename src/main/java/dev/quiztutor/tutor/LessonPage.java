package dev.quiztutor.tutor;

import dev.quiztutor.bank.Lesson;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a lesson walked step by step. The order is the study page's: each flow step, the
 * sample, each table, the key moments, each quiz question, the snapshot, the transcript.
 */
public sealed interface LessonPage {
    /** A short heading for the page. */
    String heading();

    record FlowStep(String flowTitle, int number, int of, Step step, String note) implements LessonPage {
        @Override
        public String heading() {
            return flowTitle + " · step " + number + " of " + of;
        }

        public boolean last() {
            return number == of;
        }
    }

    record Sample(Lesson.Sample sample) implements LessonPage {
        @Override
        public String heading() {
            return sample.title();
        }
    }

    record Table(Lesson.Table table) implements LessonPage {
        @Override
        public String heading() {
            return table.title();
        }
    }

    record KeyMoments(List<Lesson.Insight> insights) implements LessonPage {
        @Override
        public String heading() {
            return "Key moments";
        }
    }

    record Quiz(int number, int of, Question question) implements LessonPage {
        @Override
        public String heading() {
            return "Quiz · question " + number + " of " + of;
        }
    }

    record Snapshot(List<String> lines) implements LessonPage {
        @Override
        public String heading() {
            return "Concept snapshot";
        }
    }

    record Transcript(String text) implements LessonPage {
        @Override
        public String heading() {
            return "Full transcript";
        }
    }

    static List<LessonPage> of(Lesson lesson) {
        List<LessonPage> pages = new ArrayList<>();
        Lesson.Flow flow = lesson.flow();
        for (int i = 0; i < flow.steps().size(); i++) {
            pages.add(new FlowStep(flow.title(), i + 1, flow.steps().size(), flow.steps().get(i),
                    i == flow.steps().size() - 1 ? flow.note() : ""));
        }
        lesson.sample().ifPresent(s -> pages.add(new Sample(s)));
        lesson.tables().forEach(t -> pages.add(new Table(t)));
        if (!lesson.insights().isEmpty()) {
            pages.add(new KeyMoments(lesson.insights()));
        }
        for (int i = 0; i < lesson.quiz().size(); i++) {
            pages.add(new Quiz(i + 1, lesson.quiz().size(), lesson.quiz().get(i)));
        }
        if (!lesson.snapshot().isEmpty()) {
            pages.add(new Snapshot(lesson.snapshot()));
        }
        if (!lesson.transcript().isEmpty()) {
            pages.add(new Transcript(lesson.transcript()));
        }
        return List.copyOf(pages);
    }
}
