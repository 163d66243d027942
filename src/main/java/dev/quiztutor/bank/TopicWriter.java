package dev.quiztutor.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a topic back as a quiz file in our JSON format, fields in the order the authoring guide
 * lists them and optional ones only when they hold something, so that reading the file again gives
 * the same topic. Used to hand a server's topic back (/bank download) and by the importers' tests.
 */
public final class TopicWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicWriter() {
    }

    /** The topic as a quiz file; {@code schema} is the "$schema" path to write first ("" for none). */
    public static String write(Topic topic, String schema) {
        ObjectNode root = JSON.createObjectNode();
        if (!schema.isEmpty()) {
            root.put("$schema", schema);
        }
        root.put("id", topic.id());
        root.put("title", topic.title());
        text(root, "category", topic.category());
        if (topic.minutes() > 0) {
            root.put("minutes", topic.minutes());
        }
        text(root, "summary", topic.summary());
        topic.lesson().ifPresent(lesson -> root.set("lesson", lesson(lesson)));
        ArrayNode questions = root.putArray("questions");
        topic.questions().forEach(q -> questions.add(question(q)));
        // "id": "x", as people write JSON, rather than Jackson's default "id" : "x".
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a topic tree always serialises", e);
        }
    }

    private static ObjectNode lesson(Lesson lesson) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode flow = node.putObject("flow");
        text(flow, "title", lesson.flow().title());
        flow.set("steps", steps(lesson.flow().steps()));
        text(flow, "note", lesson.flow().note());
        lesson.sample().ifPresent(s -> {
            ObjectNode sample = node.putObject("sample");
            text(sample, "title", s.title());
            text(sample, "language", s.language());
            sample.put("code", s.code());
            text(sample, "note", s.note());
        });
        if (!lesson.tables().isEmpty()) {
            ArrayNode tables = node.putArray("tables");
            for (Lesson.Table t : lesson.tables()) {
                ObjectNode table = tables.addObject();
                table.put("title", t.title());
                table.set("columns", strings(t.columns()));
                ArrayNode rows = table.putArray("rows");
                t.rows().forEach(r -> rows.add(strings(r)));
                text(table, "note", t.note());
            }
        }
        if (!lesson.insights().isEmpty()) {
            ArrayNode insights = node.putArray("insights");
            lesson.insights().forEach(i -> insights.addObject().put("question", i.question()).put("answer", i.answer()));
        }
        if (!lesson.quiz().isEmpty()) {
            node.set("quiz", strings(lesson.quiz().stream().map(Question::id).toList()));
        }
        if (!lesson.snapshot().isEmpty()) {
            node.set("snapshot", strings(lesson.snapshot()));
        }
        text(node, "transcript", lesson.transcript());
        return node;
    }

    static ObjectNode question(Question q) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", q.id());
        node.put("type", q.kind().label());
        node.put("difficulty", q.difficulty().label());
        node.put("prompt", q.prompt());
        ObjectNode feedback = JSON.createObjectNode();
        switch (q.kind()) {
            case CHOICE -> {
                QuestionType.Choice c = (QuestionType.Choice) q.type();
                options(node, feedback, c.options());
                node.put("answer", c.answer());
            }
            case BLANKS -> {
                QuestionType.Blanks b = (QuestionType.Blanks) q.type();
                if (!b.language().equals("text")) {
                    node.put("language", b.language());
                }
                node.put("code", b.code());
                options(node, feedback, b.options());
                node.set("answer", strings(b.answer()));
            }
            case TRUEFALSE -> {
                QuestionType.TrueFalse tf = (QuestionType.TrueFalse) q.type();
                node.put("answer", tf.answer());
                text(feedback, "true", tf.feedbackTrue());
                text(feedback, "false", tf.feedbackFalse());
            }
            case MULTI -> {
                QuestionType.MultipleResponse m = (QuestionType.MultipleResponse) q.type();
                options(node, feedback, m.options());
                node.set("answer", strings(m.answer()));
            }
            case SHORT -> {
                QuestionType.ShortAnswer s = (QuestionType.ShortAnswer) q.type();
                node.set("accept", strings(s.accepted()));
                if (s.typos() > 0) {
                    node.put("typos", s.typos());
                }
                s.known().forEach(k -> feedback.put(k.answer(), k.feedback()));
            }
            case NUMERIC -> {
                QuestionType.Numeric n = (QuestionType.Numeric) q.type();
                ArrayNode accept = node.putArray("accept");
                for (QuestionType.NumberRange r : n.accepted()) {
                    ObjectNode range = accept.addObject();
                    if (r.isRange()) {
                        range.put("min", r.min()).put("max", r.max());
                    } else {
                        range.put("value", r.middle());
                        if (r.tolerance().signum() != 0) {
                            range.put("tolerance", r.tolerance());
                        }
                    }
                }
                text(node, "unit", n.unit());
                n.known().forEach(k -> feedback.put(QuestionType.NumberRange.plain(k.value()), k.feedback()));
            }
            case MATCHING -> {
                QuestionType.Matching m = (QuestionType.Matching) q.type();
                node.set("items", strings(m.items()));
                options(node, feedback, m.options());
                node.set("answer", strings(m.answer()));
            }
        }
        if (!feedback.isEmpty()) {
            node.set("feedback", feedback);
        }
        if (!q.hints().isEmpty()) {
            node.set("hints", strings(q.hints()));
        }
        if (q.attempts() != TopicReader.DEFAULT_ATTEMPTS) {
            node.put("attempts", q.attempts());
        }
        ObjectNode solution = node.putObject("solution");
        solution.set("steps", steps(q.solution().steps()));
        solution.put("answer", q.solution().answer());
        text(solution, "quickCheck", q.solution().quickCheck());
        if (!q.mistakes().isEmpty()) {
            node.set("mistakes", strings(q.mistakes()));
        }
        q.material().ifPresent(m -> {
            if (m instanceof Material.Table t) {
                node.putObject("material").put("table", t.table().title());
            } else {
                node.put("material", m instanceof Material.Sample ? "sample" : "flow");
            }
        });
        return node;
    }

    private static void options(ObjectNode node, ObjectNode feedback, List<Option> options) {
        ObjectNode out = node.putObject("options");
        for (Option o : options) {
            out.put(o.letter(), o.text());
            text(feedback, o.letter(), o.feedback());
        }
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode array = JSON.createArrayNode();
        for (Step step : steps) {
            ObjectNode s = array.addObject().put("title", step.title());
            text(s, "text", step.text());
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
