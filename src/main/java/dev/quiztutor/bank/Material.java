package dev.quiztutor.bank;

import java.util.List;

/**
 * Lesson material a question cannot be answered without ("look at the process table..."). The
 * question names it in its file; the loader finds it in the topic's lesson, so every front end can
 * show it next to the question wherever the question is asked: a practice post, a scheduled post, a
 * test, the console.
 */
public sealed interface Material permits Material.Table, Material.Sample, Material.Flow {
    /** The heading shown above the material. */
    String title();

    /** The material as plain text: a table padded to its columns, the sample's code, the flow one step a line. */
    String text();

    /** True when the text must keep its layout (a code block on Discord): tables and samples, not the flow. */
    boolean monospace();

    /** Code-block language for the text; empty for a table, which is no language. */
    String language();

    record Table(Lesson.Table table) implements Material {
        @Override
        public String title() {
            return table.title();
        }

        @Override
        public String text() {
            return TableText.render(table).stripTrailing();
        }

        @Override
        public boolean monospace() {
            return true;
        }

        @Override
        public String language() {
            return "";
        }
    }

    record Sample(Lesson.Sample sample) implements Material {
        @Override
        public String title() {
            return sample.title();
        }

        @Override
        public String text() {
            return sample.code().stripTrailing();
        }

        @Override
        public boolean monospace() {
            return true;
        }

        @Override
        public String language() {
            return sample.language();
        }
    }

    record Flow(Lesson.Flow flow) implements Material {
        @Override
        public String title() {
            return flow.title();
        }

        @Override
        public String text() {
            List<Step> steps = flow.steps();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(steps.get(i).title());
            }
            return text.toString();
        }

        @Override
        public boolean monospace() {
            return false;
        }

        @Override
        public String language() {
            return "";
        }
    }
}
