package dev.quiztutor.bank;

import java.util.List;
import java.util.Optional;

/**
 * A topic walked through step by step: the flow, then the sample, the tables, the key moments, the
 * lesson's own quiz and the snapshot. Quiz questions are questions of the topic, asked along the way.
 */
public record Lesson(
        Flow flow,
        Optional<Sample> sample,
        List<Table> tables,
        List<Insight> insights,
        List<Question> quiz,
        List<String> snapshot,
        String transcript) {

    public Lesson {
        tables = List.copyOf(tables);
        insights = List.copyOf(insights);
        quiz = List.copyOf(quiz);
        snapshot = List.copyOf(snapshot);
    }

    /** The process flow: one step a page. */
    public record Flow(String title, List<Step> steps, String note) {
        public Flow {
            steps = List.copyOf(steps);
        }
    }

    /** A worked sample (code or an outline) shown after the flow. */
    public record Sample(String title, String language, String code, String note) {
    }

    /** A table such as the process table or the status tracker; every row has one cell per column. */
    public record Table(String title, List<String> columns, List<List<String>> rows, String note) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A key moment: a question a learner typically asks, and its answer. */
    public record Insight(String question, String answer) {
    }
}
