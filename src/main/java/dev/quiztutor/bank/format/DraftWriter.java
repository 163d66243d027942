package dev.quiztutor.bank.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes imported drafts as topics in our JSON quiz format (quizzes/README.md); a topic loaded from
 * our format is written back by {@link dev.quiztutor.bank.TopicWriter} instead. {@code $schema} comes
 * first, then the fields in the order the README lists them, pretty-printed like the shipped topics,
 * so an imported file reads like a hand-written one and diffs stay small when it is imported again.
 */
public final class DraftWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** A topic ready to write: its questions have their final ids and difficulties. */
    public record Topic(String id, String title, List<Question> questions) {
    }

    public record Question(String id, String difficulty, Draft draft) {
    }

    private DraftWriter() {
    }

    public static String write(Topic topic, String schema) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", schema);
        root.put("id", topic.id());
        root.put("title", topic.title());
        ArrayNode questions = root.putArray("questions");
        topic.questions().forEach(q -> questions.add(question(q)));
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    static ObjectNode question(Question q) {
        Draft d = q.draft();
        ObjectNode node = JSON.objectNode();
        node.put("id", q.id());
        node.put("type", type(d));
        node.put("difficulty", q.difficulty());
        node.put("prompt", d.common().prompt());
        Map<String, String> feedback;
        // Java 17 has no pattern switch: each type is one branch, and type() fails loudly on a new one.
        if (d instanceof Draft.Choice c) {
            options(node, c.options());
            node.put("answer", letter(c.right()));
            feedback = optionFeedback(c.options());
        } else if (d instanceof Draft.Multi m) {
            options(node, m.options());
            ArrayNode answer = node.putArray("answer");
            m.right().forEach(i -> answer.add(letter(i)));
            feedback = optionFeedback(m.options());
        } else if (d instanceof Draft.TrueFalse t) {
            node.put("answer", t.answer());
            feedback = new LinkedHashMap<>();
            if (!t.feedbackTrue().isBlank()) {
                feedback.put("true", t.feedbackTrue());
            }
            if (!t.feedbackFalse().isBlank()) {
                feedback.put("false", t.feedbackFalse());
            }
        } else if (d instanceof Draft.Short s) {
            ArrayNode accept = node.putArray("accept");
            s.accept().forEach(accept::add);
            if (s.typos() > 0) {
                node.put("typos", s.typos());
            }
            feedback = s.feedback();
        } else if (d instanceof Draft.Numeric n) {
            ArrayNode accept = node.putArray("accept");
            for (NumericAnswer a : n.accept()) {
                ObjectNode one = accept.addObject();
                if (a instanceof NumericAnswer.Value v) {
                    number(one, "value", v.value());
                    number(one, "tolerance", v.tolerance());
                } else if (a instanceof NumericAnswer.Range r) {
                    number(one, "min", r.min());
                    number(one, "max", r.max());
                }
            }
            if (!n.unit().isBlank()) {
                node.put("unit", n.unit());
            }
            feedback = n.feedback();
        } else {
            Draft.Matching m = (Draft.Matching) d;
            ArrayNode items = node.putArray("items");
            m.items().forEach(items::add);
            ObjectNode options = node.putObject("options");
            IntStream.range(0, m.pool().size()).forEach(i -> options.put(letter(i), m.pool().get(i)));
            ArrayNode answer = node.putArray("answer");
            m.answer().forEach(i -> answer.add(letter(i)));
            feedback = Map.of();
        }
        if (!feedback.isEmpty()) {
            ObjectNode fb = node.putObject("feedback");
            feedback.forEach(fb::put);
        }
        Draft.Common common = d.common();
        if (!common.hints().isEmpty()) {
            ArrayNode hints = node.putArray("hints");
            common.hints().forEach(hints::add);
        }
        common.attempts().ifPresent(a -> node.put("attempts", a));
        ObjectNode solution = node.putObject("solution");
        Optional<WorkedSolution> worked = WorkedSolution.parse(common.generalFeedback());
        if (worked.isPresent()) {
            // quiztutor's own export: the steps, answer, quick check and mistakes it was written from.
            ArrayNode steps = solution.putArray("steps");
            worked.get().steps().forEach(s -> {
                ObjectNode one = steps.addObject().put("title", s.title());
                if (s.hasText()) {
                    one.put("text", s.text());
                }
            });
            solution.put("answer", worked.get().answer());
            if (!worked.get().quickCheck().isEmpty()) {
                solution.put("quickCheck", worked.get().quickCheck());
            }
            if (!worked.get().mistakes().isEmpty()) {
                ArrayNode mistakes = node.putArray("mistakes");
                worked.get().mistakes().forEach(mistakes::add);
            }
            return node;
        }
        ObjectNode step = solution.putArray("steps").addObject();
        String answer = answerInWords(d);
        step.put("title", "The answer");
        step.put("text", "The right answer is: " + answer
                + (common.generalFeedback().isBlank() ? "" : "\n\n" + common.generalFeedback()));
        solution.put("answer", answer);
        return node;
    }

    /** The right answer in words, for the solution (not just a letter). */
    public static String answerInWords(Draft d) {
        if (d instanceof Draft.Choice c) {
            return c.options().get(c.right()).text();
        } else if (d instanceof Draft.Multi m) {
            return m.right().stream().map(i -> m.options().get(i).text()).collect(Collectors.joining("; "));
        } else if (d instanceof Draft.TrueFalse t) {
            return t.answer() ? "True" : "False";
        } else if (d instanceof Draft.Short s) {
            return s.accept().get(0);
        } else if (d instanceof Draft.Numeric n) {
            return n.accept().stream().map(NumericAnswer::words).collect(Collectors.joining(" or "))
                    + (n.unit().isBlank() ? "" : " " + n.unit());
        }
        Draft.Matching m = (Draft.Matching) d;
        return IntStream.range(0, m.items().size())
                .mapToObj(i -> m.items().get(i) + " → " + m.pool().get(m.answer().get(i)))
                .collect(Collectors.joining("; "));
    }

    /** The {@code type} field of each kind of draft. */
    public static String type(Draft d) {
        if (d instanceof Draft.Choice) {
            return "choice";
        } else if (d instanceof Draft.Multi) {
            return "multi";
        } else if (d instanceof Draft.TrueFalse) {
            return "truefalse";
        } else if (d instanceof Draft.Short) {
            return "short";
        } else if (d instanceof Draft.Numeric) {
            return "numeric";
        } else if (d instanceof Draft.Matching) {
            return "matching";
        }
        throw new IllegalArgumentException("no JSON type for " + d.getClass());
    }

    private static void options(ObjectNode node, List<Draft.Option> options) {
        ObjectNode out = node.putObject("options");
        for (int i = 0; i < options.size(); i++) {
            out.put(letter(i), options.get(i).text());
        }
    }

    private static Map<String, String> optionFeedback(List<Draft.Option> options) {
        Map<String, String> feedback = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).feedback().isBlank()) {
                feedback.put(letter(i), options.get(i).feedback());
            }
        }
        return feedback;
    }

    /** Whole numbers as integers ({@code 42}, not {@code 42.0}), as an author would write them. */
    private static void number(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
