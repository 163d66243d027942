package dev.quiztutor.bank.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    // An emoji is written as its UTF-8 bytes, as a String's encoding writes it, not as two \\u escapes.
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    /** A topic ready to write: its questions have their final ids and difficulties. */
    public record Topic(String id, String title, List<Question> questions) {
    }

    public record Question(String id, String difficulty, Draft draft) {
    }

    private DraftWriter() {
    }

    public static String write(Topic topic, String schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            write(json, topic, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out + "\n";
    }

    /**
     * The text {@link #write} gives, as UTF-8 bytes, the form a file is checked and written in; empty
     * when a text holds a lone surrogate, which has no UTF-8 form (the caller then goes the way of
     * {@link #write}, where writing the file reports it).
     */
    public static Optional<byte[]> utf8(Topic topic, String schema) {
        // Segments, not one array doubled and copied as it grows: a topic of 500 questions is half a megabyte.
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator json = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
            write(json, topic, schema);
        } catch (IOException e) {
            return Optional.empty();
        }
        out.write('\n');
        byte[] bytes = out.toByteArray();
        return escapedSurrogate(bytes) ? Optional.empty() : Optional.of(bytes);
    }

    /**
     * Whether Jackson wrote a lone surrogate as an escape ({@code \\uD800}), which it does rather than
     * fail; a backslash of the text itself is written doubled, so only an odd run of them escapes.
     */
    private static boolean escapedSurrogate(byte[] json) {
        for (int i = 0; i + 3 < json.length; i++) {
            if (json[i] == 'u' && i > 0 && json[i - 1] == '\\' && (json[i + 1] == 'D' || json[i + 1] == 'd')
                    && "89ABCDEFabcdef".indexOf(json[i + 2]) >= 0) {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && json[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Written token by token, not built as a tree first: the same text, and half the time of building a tree. */
    private static void write(JsonGenerator json, Topic topic, String schema) throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", schema);
        json.writeStringField("id", topic.id());
        json.writeStringField("title", topic.title());
        json.writeArrayFieldStart("questions");
        for (Question q : topic.questions()) {
            question(json, q);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void question(JsonGenerator json, Question q) throws IOException {
        Draft d = q.draft();
        json.writeStartObject();
        json.writeStringField("id", q.id());
        json.writeStringField("type", type(d));
        json.writeStringField("difficulty", q.difficulty());
        json.writeStringField("prompt", d.common().prompt());
        Map<String, String> feedback;
        // Java 17 has no pattern switch: each type is one branch, and type() fails loudly on a new one.
        if (d instanceof Draft.Choice c) {
            options(json, c.options());
            json.writeStringField("answer", letter(c.right()));
            feedback = optionFeedback(c.options());
        } else if (d instanceof Draft.Multi m) {
            options(json, m.options());
            json.writeArrayFieldStart("answer");
            for (int i : m.right()) {
                json.writeString(letter(i));
            }
            json.writeEndArray();
            feedback = optionFeedback(m.options());
        } else if (d instanceof Draft.TrueFalse t) {
            json.writeBooleanField("answer", t.answer());
            feedback = new LinkedHashMap<>();
            if (!t.feedbackTrue().isBlank()) {
                feedback.put("true", t.feedbackTrue());
            }
            if (!t.feedbackFalse().isBlank()) {
                feedback.put("false", t.feedbackFalse());
            }
        } else if (d instanceof Draft.Short s) {
            strings(json, "accept", s.accept());
            if (s.typos() > 0) {
                json.writeNumberField("typos", s.typos());
            }
            feedback = s.feedback();
        } else if (d instanceof Draft.Numeric n) {
            json.writeArrayFieldStart("accept");
            for (NumericAnswer a : n.accept()) {
                json.writeStartObject();
                if (a instanceof NumericAnswer.Value v) {
                    number(json, "value", v.value());
                    number(json, "tolerance", v.tolerance());
                } else if (a instanceof NumericAnswer.Range r) {
                    number(json, "min", r.min());
                    number(json, "max", r.max());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!n.unit().isBlank()) {
                json.writeStringField("unit", n.unit());
            }
            feedback = n.feedback();
        } else {
            Draft.Matching m = (Draft.Matching) d;
            strings(json, "items", m.items());
            json.writeObjectFieldStart("options");
            for (int i = 0; i < m.pool().size(); i++) {
                json.writeStringField(letter(i), m.pool().get(i));
            }
            json.writeEndObject();
            json.writeArrayFieldStart("answer");
            for (int i : m.answer()) {
                json.writeString(letter(i));
            }
            json.writeEndArray();
            feedback = Map.of();
        }
        if (!feedback.isEmpty()) {
            json.writeObjectFieldStart("feedback");
            for (Map.Entry<String, String> f : feedback.entrySet()) {
                json.writeStringField(f.getKey(), f.getValue());
            }
            json.writeEndObject();
        }
        Draft.Common common = d.common();
        if (!common.hints().isEmpty()) {
            strings(json, "hints", common.hints());
        }
        if (common.attempts().isPresent()) {
            json.writeNumberField("attempts", common.attempts().getAsInt());
        }
        json.writeObjectFieldStart("solution");
        Optional<WorkedSolution> worked = WorkedSolution.parse(common.generalFeedback());
        if (worked.isPresent()) {
            // quiztutor's own export: the steps, answer, quick check and mistakes it was written from.
            json.writeArrayFieldStart("steps");
            for (dev.quiztutor.bank.Step s : worked.get().steps()) {
                json.writeStartObject();
                json.writeStringField("title", s.title());
                if (s.hasText()) {
                    json.writeStringField("text", s.text());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("answer", worked.get().answer());
            if (!worked.get().quickCheck().isEmpty()) {
                json.writeStringField("quickCheck", worked.get().quickCheck());
            }
            json.writeEndObject();
            if (!worked.get().mistakes().isEmpty()) {
                strings(json, "mistakes", worked.get().mistakes());
            }
            json.writeEndObject();
            return;
        }
        String answer = answerInWords(d);
        json.writeArrayFieldStart("steps");
        json.writeStartObject();
        json.writeStringField("title", "The answer");
        json.writeStringField("text", "The right answer is: " + answer
                + (common.generalFeedback().isBlank() ? "" : "\n\n" + common.generalFeedback()));
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("answer", answer);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
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

    private static void options(JsonGenerator json, List<Draft.Option> options) throws IOException {
        json.writeObjectFieldStart("options");
        for (int i = 0; i < options.size(); i++) {
            json.writeStringField(letter(i), options.get(i).text());
        }
        json.writeEndObject();
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
    private static void number(JsonGenerator json, String field, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumberField(field, (long) value);
        } else {
            json.writeNumberField(field, value);
        }
    }

    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
