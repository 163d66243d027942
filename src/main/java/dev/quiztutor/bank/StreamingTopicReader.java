package dev.quiztutor.bank;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of reading a quiz file: builds the {@link Topic} straight from the parser's tokens,
 * with no tree and no positions, and gives up at the first thing that is not a clean, valid topic.
 * {@link TopicReader} then reads that file again and reports every problem with its place, so what
 * an author is told is exactly what it always was; this class only says "valid, here is the topic"
 * or "ask the located reader".
 *
 * <p>Why: a cold {@code quiztutor validate} of a large bank spent most of its time building Jackson's
 * tree and then walking it with a JSON pointer per value (BENCHMARKS.md, "Cold start"). Valid files
 * are the common case, so they are read once, in one pass.
 *
 * <p>Every rule here mirrors one of {@link TopicReader}'s: a file accepted here must be one the
 * located reader finds valid, with an equal topic ({@code StreamingTopicReaderTest} reads every
 * fixture both ways). What this reader does not handle (a lesson, lesson material) it leaves to the
 * located reader too.
 */
final class StreamingTopicReader {
    /** Thrown to leave the fast path; carries nothing, since the located reader says what and where. */
    private static final class NotClean extends RuntimeException {
        NotClean() {
            super(null, null, false, false);
        }
    }

    private static final NotClean NOT_CLEAN = new NotClean();

    /**
     * The same limits as the located reader's. A member that appears twice is found by each object's
     * reader below, not by the parser: its check keeps a hash set of every object's names, which cost
     * a tenth of a large bank's reading.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(LocatedJson.LIMITS)
            .build();

    /**
     * Reads one number as the located reader's tree holds it (a double, an int, a long or a big
     * integer, by how it is written), so that a number range is the same {@link BigDecimal} either way.
     * Made on first use: most banks have no number question, and an ObjectMapper costs a cold start.
     */
    private static final class Numbers {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();
    }

    /** The fields a question of each type may have (as {@link TopicReader} lists them). */
    private enum Field {
        ID, TYPE, DIFFICULTY, PROMPT, LANGUAGE, CODE, ITEMS, OPTIONS, ANSWER, ACCEPT, TYPOS, UNIT, HINTS, ATTEMPTS,
        SOLUTION, MISTAKES, FEEDBACK;

        static final Set<Field> COMMON = EnumSet.of(ID, TYPE, DIFFICULTY, PROMPT, HINTS, ATTEMPTS, SOLUTION, MISTAKES,
                FEEDBACK);
        static final Set<Field> REQUIRED = EnumSet.of(ID, TYPE, DIFFICULTY, PROMPT, SOLUTION);

        static Set<Field> allowed(QuestionKind kind) {
            EnumSet<Field> fields = EnumSet.copyOf(COMMON);
            fields.addAll(switch (kind) {
                case CHOICE, MULTI -> EnumSet.of(OPTIONS, ANSWER);
                case BLANKS -> EnumSet.of(LANGUAGE, CODE, OPTIONS, ANSWER);
                case TRUEFALSE -> EnumSet.of(ANSWER);
                case SHORT -> EnumSet.of(ACCEPT, TYPOS);
                case NUMERIC -> EnumSet.of(ACCEPT, UNIT);
                case MATCHING -> EnumSet.of(ITEMS, OPTIONS, ANSWER);
            });
            return fields;
        }

        static Set<Field> required(QuestionKind kind) {
            EnumSet<Field> fields = EnumSet.copyOf(REQUIRED);
            fields.addAll(switch (kind) {
                case CHOICE, MULTI -> EnumSet.of(OPTIONS, ANSWER);
                case BLANKS -> EnumSet.of(CODE, OPTIONS, ANSWER);
                case TRUEFALSE -> EnumSet.of(ANSWER);
                case SHORT, NUMERIC -> EnumSet.of(ACCEPT);
                case MATCHING -> EnumSet.of(ITEMS, OPTIONS, ANSWER);
            });
            return fields;
        }
    }

    private static final Map<QuestionKind, Set<Field>> ALLOWED = new java.util.EnumMap<>(QuestionKind.class);
    private static final Map<QuestionKind, Set<Field>> REQUIRED = new java.util.EnumMap<>(QuestionKind.class);

    static {
        for (QuestionKind kind : QuestionKind.values()) {
            ALLOWED.put(kind, Field.allowed(kind));
            REQUIRED.put(kind, Field.required(kind));
        }
    }

    private final Path file;
    private final JsonParser parser;

    private StreamingTopicReader(Path file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * The topic of a file that is valid and has nothing this reader leaves to the located one; empty
     * otherwise (the file may still be valid: {@link TopicReader} decides).
     */
    static Optional<Topic> read(Path file, byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Topic topic = new StreamingTopicReader(file, parser).topic();
            return parser.nextToken() == null ? Optional.of(topic) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Not clean, not JSON, or anything unforeseen: the located reader, the authority on every
            // file, decides and says what and where.
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- topic

    private Topic topic() throws IOException {
        String id = null;
        String title = null;
        String category = "";
        String summary = "";
        int minutes = 0;
        List<Question> questions = null;
        // The topic id is part of every question's ref; a file may name it after the questions.
        String refTopic = null;
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            nonNullValue();
            if (!names.add(name)) {
                throw NOT_CLEAN;
            }
            switch (name) {
                case "id" -> id = id();
                case "title" -> title = text(DisplayLimits.CHOICE_NAME);
                case "category" -> category = text(50);
                case "summary" -> summary = text(300);
                case "minutes" -> minutes = integer(1, 600);
                case "$schema" -> text(500);
                case "questions" -> {
                    refTopic = id;
                    questions = questions(id == null ? "?" : id);
                }
                // "lesson" too: a lesson, and the material questions show from it, are the located reader's.
                default -> throw NOT_CLEAN;
            }
        }
        if (id == null || title == null || questions == null || questions.isEmpty()) {
            throw NOT_CLEAN;
        }
        if (refTopic == null) {
            List<Question> named = new ArrayList<>(questions.size());
            for (Question q : questions) {
                named.add(new Question(new QuestionRef(id, q.id()), q.difficulty(), q.prompt(), q.type(), q.hints(),
                        q.attempts(), q.solution(), q.mistakes()));
            }
            questions = named;
        }
        return new Topic(id, title, category, summary, minutes, Optional.empty(), questions, file);
    }

    private List<Question> questions(String topicId) throws IOException {
        expect(JsonToken.START_ARRAY);
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Question q = question(topicId);
            if (!ids.add(q.id())) {
                throw NOT_CLEAN;
            }
            questions.add(q);
        }
        return questions;
    }

    // ---------------------------------------------------------------- questions

    /** An option as written: its letter and its text. */
    private record Written(String letter, String text) {
    }

    /** An answer as written, before the question's type says which form it must take. */
    private sealed interface Answer {
        record Letter(String letter) implements Answer {
        }

        record Truth(boolean value) implements Answer {
        }

        record Letters(List<String> letters) implements Answer {
        }
    }

    /** A question's fields as read, in any order; its type decides how they make a question. */
    private static final class Fields {
        final EnumSet<Field> seen = EnumSet.noneOf(Field.class);
        String id;
        QuestionKind kind;
        Difficulty difficulty;
        String prompt;
        String language = "text";
        String code;
        List<String> items;
        /** In the file's order. */
        List<Written> options;
        Answer answer;
        /** What "accept" held: typed answers (a short answer's) or numbers (a numeric question's). */
        List<String> acceptTyped = List.of();
        List<QuestionType.NumberRange> acceptNumbers = List.of();
        int typos;
        String unit = "";
        List<String> hints = List.of();
        int attempts = TopicReader.DEFAULT_ATTEMPTS;
        Solution solution;
        List<String> mistakes = List.of();
        Map<String, String> feedback = Map.of();
    }

    private Question question(String topicId) throws IOException {
        expect(JsonToken.START_OBJECT);
        Fields f = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            nonNullValue();
            Field field = switch (name) {
                case "id" -> {
                    f.id = id();
                    yield Field.ID;
                }
                case "type" -> {
                    f.kind = kind(text(Integer.MAX_VALUE));
                    yield Field.TYPE;
                }
                case "difficulty" -> {
                    f.difficulty = difficulty(parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null);
                    yield Field.DIFFICULTY;
                }
                case "prompt" -> {
                    f.prompt = text(3000);
                    yield Field.PROMPT;
                }
                case "language" -> {
                    f.language = text(20);
                    if (!TopicReader.LANGUAGE.matcher(f.language).matches()) {
                        throw NOT_CLEAN;
                    }
                    yield Field.LANGUAGE;
                }
                case "code" -> {
                    f.code = text(3000);
                    yield Field.CODE;
                }
                case "items" -> {
                    f.items = texts(1, DisplayLimits.MATCHING_ITEMS, DisplayLimits.MATCHING_ITEM);
                    yield Field.ITEMS;
                }
                case "options" -> {
                    f.options = options();
                    yield Field.OPTIONS;
                }
                case "answer" -> {
                    f.answer = answer();
                    yield Field.ANSWER;
                }
                case "accept" -> {
                    accepted(f);
                    yield Field.ACCEPT;
                }
                case "typos" -> {
                    f.typos = integer(0, 3);
                    yield Field.TYPOS;
                }
                case "unit" -> {
                    f.unit = text(20);
                    yield Field.UNIT;
                }
                case "hints" -> {
                    f.hints = texts(0, 10, 1000);
                    yield Field.HINTS;
                }
                case "attempts" -> {
                    f.attempts = integer(1, TopicReader.MAX_ATTEMPTS);
                    yield Field.ATTEMPTS;
                }
                case "solution" -> {
                    f.solution = solution();
                    yield Field.SOLUTION;
                }
                case "mistakes" -> {
                    f.mistakes = texts(0, 10, 300);
                    yield Field.MISTAKES;
                }
                case "feedback" -> {
                    f.feedback = feedback();
                    yield Field.FEEDBACK;
                }
                // "material" too: it names part of the lesson, which is the located reader's.
                default -> throw NOT_CLEAN;
            };
            if (!f.seen.add(field)) {
                throw NOT_CLEAN;
            }
        }
        if (f.kind == null || !ALLOWED.get(f.kind).containsAll(f.seen) || !f.seen.containsAll(REQUIRED.get(f.kind))) {
            throw NOT_CLEAN;
        }
        Question question = new Question(new QuestionRef(topicId, f.id), f.difficulty, f.prompt, type(f), f.hints,
                f.attempts, f.solution, f.mistakes);
        if (QuestionText.postLength(question) > DisplayLimits.QUESTION_POST
                || QuestionText.solutionLength(question) > DisplayLimits.SOLUTION
                || DisplayLimits.rows(DisplayLimits.Screen.PRACTICE_POST, question) > DisplayLimits.ACTION_ROWS
                || DisplayLimits.rows(DisplayLimits.Screen.TEST_PAGE, question) > DisplayLimits.ACTION_ROWS) {
            throw NOT_CLEAN;
        }
        return question;
    }

    private static QuestionKind kind(String label) {
        for (QuestionKind kind : QuestionKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw NOT_CLEAN;
    }

    /** Exactly as the schema spells them, as the located reader wants them. */
    private static Difficulty difficulty(String label) {
        if (label != null) {
            for (Labelled difficulty : DIFFICULTIES) {
                if (difficulty.label().equals(label)) {
                    return difficulty.value();
                }
            }
        }
        throw NOT_CLEAN;
    }

    /** Each difficulty with its label, made once ({@link Difficulty#label} makes it on every call). */
    private record Labelled(Difficulty value, String label) {
    }

    private static final List<Labelled> DIFFICULTIES = java.util.Arrays.stream(Difficulty.values())
            .map(d -> new Labelled(d, d.label())).toList();

    private QuestionType type(Fields f) {
        return switch (f.kind) {
            case CHOICE -> {
                List<Option> options = options(f);
                if (!(f.answer instanceof Answer.Letter letter) || !hasLetter(options, letter.letter())) {
                    throw NOT_CLEAN;
                }
                yield new QuestionType.Choice(options, letter.letter());
            }
            case BLANKS -> {
                List<Option> options = options(f);
                yield new QuestionType.Blanks(f.language, f.code, options, parts(f, options, blanks(f.code)));
            }
            case MULTI -> {
                List<Option> options = options(f);
                List<String> answer = letters(f, options);
                if (answer.isEmpty() || new HashSet<>(answer).size() != answer.size()) {
                    throw NOT_CLEAN;
                }
                yield new QuestionType.MultipleResponse(options, answer.stream().sorted().toList());
            }
            case MATCHING -> {
                List<Option> options = options(f);
                yield new QuestionType.Matching(f.items, options, parts(f, options, f.items.size()));
            }
            case TRUEFALSE -> {
                for (String key : f.feedback.keySet()) {
                    if (!key.equals("true") && !key.equals("false")) {
                        throw NOT_CLEAN;
                    }
                }
                if (!(f.answer instanceof Answer.Truth answer)) {
                    throw NOT_CLEAN;
                }
                yield new QuestionType.TrueFalse(answer.value(), f.feedback.getOrDefault("true", ""),
                        f.feedback.getOrDefault("false", ""));
            }
            case SHORT -> {
                if (!f.acceptNumbers.isEmpty()) {
                    throw NOT_CLEAN;
                }
                for (String text : f.acceptTyped) {
                    if (text.length() > TypedText.MAX_TYPED || TypedText.normalise(text).isEmpty()) {
                        throw NOT_CLEAN;
                    }
                }
                List<QuestionType.KnownAnswer> known = new ArrayList<>();
                for (Map.Entry<String, String> k : f.feedback.entrySet()) {
                    known.add(new QuestionType.KnownAnswer(requireAnswerKey(k.getKey()), k.getValue()));
                }
                yield new QuestionType.ShortAnswer(f.acceptTyped, f.typos, known);
            }
            case NUMERIC -> {
                if (!f.acceptTyped.isEmpty()) {
                    throw NOT_CLEAN;
                }
                List<QuestionType.KnownNumber> known = new ArrayList<>();
                for (Map.Entry<String, String> k : f.feedback.entrySet()) {
                    Optional<TypedText.TypedNumber> n = TypedText.number(requireAnswerKey(k.getKey()));
                    if (n.isEmpty() || !n.get().rest().isEmpty()) {
                        throw NOT_CLEAN;
                    }
                    known.add(new QuestionType.KnownNumber(n.get().value(), k.getValue()));
                }
                yield new QuestionType.Numeric(f.acceptNumbers, f.unit, known);
            }
        };
    }

    private static String requireAnswerKey(String key) {
        if (key.isBlank()) {
            throw NOT_CLEAN;
        }
        return key;
    }

    /**
     * The options lettered A, B, C... in order, each with its feedback; the feedback's keys must be
     * letters of these options, and each label must fit a button or a select-menu entry.
     */
    private static List<Option> options(Fields f) {
        boolean buttons = f.kind == QuestionKind.CHOICE;
        int max = buttons ? DisplayLimits.CHOICE_BUTTONS : DisplayLimits.SELECT_OPTIONS;
        int labelLimit = buttons ? DisplayLimits.BUTTON_LABEL : DisplayLimits.SELECT_OPTION_LABEL;
        if (f.options.size() < 2 || f.options.size() > max) {
            throw NOT_CLEAN;
        }
        for (String key : f.feedback.keySet()) {
            if (key.length() != 1 || key.charAt(0) < 'A' || key.charAt(0) >= 'A' + f.options.size()) {
                throw NOT_CLEAN;
            }
        }
        List<Option> options = new ArrayList<>(f.options.size());
        for (int i = 0; i < f.options.size(); i++) {
            Written written = f.options.get(i);
            String letter = written.letter();
            if (letter.length() != 1 || letter.charAt(0) != 'A' + i) {
                throw NOT_CLEAN;
            }
            Option option = new Option(letter, written.text(), f.feedback.getOrDefault(letter, ""));
            if (option.labelLength() > labelLimit) {
                throw NOT_CLEAN;
            }
            options.add(option);
        }
        return options;
    }

    private static boolean hasLetter(List<Option> options, String letter) {
        for (Option option : options) {
            if (option.letter().equals(letter)) {
                return true;
            }
        }
        return false;
    }

    /** The answer as a list of letters of the options. */
    private static List<String> letters(Fields f, List<Option> options) {
        if (!(f.answer instanceof Answer.Letters list)) {
            throw NOT_CLEAN;
        }
        for (String letter : list.letters()) {
            if (!hasLetter(options, letter)) {
                throw NOT_CLEAN;
            }
        }
        return list.letters();
    }

    /** One letter per blank or item. */
    private static List<String> parts(Fields f, List<Option> options, int parts) {
        List<String> answer = letters(f, options);
        if (answer.size() != parts) {
            throw NOT_CLEAN;
        }
        return answer;
    }

    /**
     * The number of blanks of a task's code when they are exactly [1]..[n], each once, n from 1 to
     * {@link DisplayLimits#BLANKS}: what {@code TopicReader.blanks} accepts without a problem.
     */
    private static int blanks(String code) {
        long seen = 0;
        int count = 0;
        for (TopicReader.Marker marker : TopicReader.markers(code)) {
            String digits = marker.digits();
            if (digits.charAt(0) == '0') {
                throw NOT_CLEAN;
            }
            int number = Integer.parseInt(digits);
            if (number > DisplayLimits.BLANKS) {
                throw NOT_CLEAN;
            }
            long bit = 1L << number;
            if ((seen & bit) != 0) {
                throw NOT_CLEAN;
            }
            seen |= bit;
            count++;
        }
        // [1]..[count] each once: the bits 1..count and nothing else.
        if (count == 0 || count > DisplayLimits.BLANKS || seen != ((1L << (count + 1)) - 2)) {
            throw NOT_CLEAN;
        }
        return count;
    }

    private Solution solution() throws IOException {
        expect(JsonToken.START_OBJECT);
        List<Step> steps = null;
        String answer = null;
        String quickCheck = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            nonNullValue();
            switch (name) {
                case "steps" -> steps = once(steps, steps());
                case "answer" -> answer = once(answer, text(500));
                case "quickCheck" -> quickCheck = once(quickCheck, text(300));
                default -> throw NOT_CLEAN;
            }
        }
        if (steps == null || answer == null) {
            throw NOT_CLEAN;
        }
        return new Solution(steps, answer, quickCheck == null ? "" : quickCheck);
    }

    private List<Step> steps() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<Step> steps = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT);
            String title = null;
            String text = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                nonNullValue();
                switch (name) {
                    case "title" -> title = once(title, text(DisplayLimits.EMBED_TITLE));
                    case "text" -> text = once(text, text(1024));
                    default -> throw NOT_CLEAN;
                }
            }
            if (title == null) {
                throw NOT_CLEAN;
            }
            steps.add(new Step(title, text == null ? "" : text));
        }
        if (steps.isEmpty() || steps.size() > 10) {
            throw NOT_CLEAN;
        }
        return steps;
    }

    /** Options lettered twice are out of order too: {@link #options(Fields)} rejects them. */
    private List<Written> options() throws IOException {
        expect(JsonToken.START_OBJECT);
        List<Written> options = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String letter = parser.currentName();
            nonNullValue();
            options.add(new Written(letter, text(500)));
        }
        return options;
    }

    private Map<String, String> feedback() throws IOException {
        expect(JsonToken.START_OBJECT);
        Map<String, String> said = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            nonNullValue();
            if (said.put(key, text(DisplayLimits.ANSWER_FEEDBACK)) != null) {
                throw NOT_CLEAN;
            }
        }
        return said;
    }

    /** A letter, true or false, or a list of letters: which one fits is the question type's to say. */
    private Answer answer() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> new Answer.Letter(parser.getText());
            case VALUE_TRUE -> new Answer.Truth(true);
            case VALUE_FALSE -> new Answer.Truth(false);
            case START_ARRAY -> {
                List<String> letters = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.VALUE_STRING) {
                        throw NOT_CLEAN;
                    }
                    letters.add(parser.getText());
                }
                yield new Answer.Letters(letters);
            }
            default -> throw NOT_CLEAN;
        };
    }

    /** Typed answers (text) or accepted numbers (objects), 1 to 20 in all. */
    private void accepted(Fields f) throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> typed = new ArrayList<>();
        List<QuestionType.NumberRange> numbers = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                numbers.add(numberRange());
            } else {
                typed.add(text(Integer.MAX_VALUE));
            }
        }
        if (typed.size() + numbers.size() < 1 || typed.size() + numbers.size() > 20) {
            throw NOT_CLEAN;
        }
        f.acceptTyped = typed;
        f.acceptNumbers = numbers;
    }

    /** {"value": 3.14, "tolerance": 0.01} or {"min": 1, "max": 2}. */
    private QuestionType.NumberRange numberRange() throws IOException {
        BigDecimal value = null;
        BigDecimal tolerance = null;
        BigDecimal min = null;
        BigDecimal max = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            nonNullValue();
            BigDecimal number = number();
            switch (name) {
                case "value" -> value = once(value, number);
                case "tolerance" -> tolerance = once(tolerance, number);
                case "min" -> min = once(min, number);
                case "max" -> max = once(max, number);
                default -> throw NOT_CLEAN;
            }
        }
        if (value != null && min == null && max == null) {
            BigDecimal t = tolerance == null ? BigDecimal.ZERO : tolerance;
            if (t.signum() < 0) {
                throw NOT_CLEAN;
            }
            return QuestionType.NumberRange.around(value, t);
        }
        if (value == null && min != null && max != null && tolerance == null && min.compareTo(max) <= 0) {
            return QuestionType.NumberRange.between(min, max);
        }
        throw NOT_CLEAN;
    }

    private BigDecimal number() throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw NOT_CLEAN;
        }
        JsonNode node = Numbers.MAPPER.readTree(parser);
        return node.decimalValue();
    }

    // ---------------------------------------------------------------- values

    /** Moves to a member's value; a null member is a problem (the schema rejects it). */
    private void nonNullValue() throws IOException {
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
            throw NOT_CLEAN;
        }
    }

    /** The value of a member read for the first time in its object; a second time is a problem. */
    private static <T> T once(T before, T value) {
        if (before != null) {
            throw NOT_CLEAN;
        }
        return value;
    }

    private void expect(JsonToken token) {
        if (parser.currentToken() != token) {
            throw NOT_CLEAN;
        }
    }

    /** Text that is not blank and at most {@code max} characters. */
    private String text(int max) throws IOException {
        expect(JsonToken.VALUE_STRING);
        String text = parser.getText();
        if (text.length() > max || text.isBlank()) {
            throw NOT_CLEAN;
        }
        return text;
    }

    private List<String> texts(int min, int max, int maxLength) throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            texts.add(text(maxLength));
        }
        if (texts.size() < min || texts.size() > max) {
            throw NOT_CLEAN;
        }
        return texts;
    }

    private String id() throws IOException {
        expect(JsonToken.VALUE_STRING);
        String id = parser.getText();
        if (id.length() > DisplayLimits.ID || !TopicReader.isId(id)) {
            throw NOT_CLEAN;
        }
        return id;
    }

    /** A whole number in an int, from {@code min} to {@code max}. */
    private int integer(int min, int max) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_CLEAN;
        }
        int value = parser.getIntValue();
        if (value < min || value > max) {
            throw NOT_CLEAN;
        }
        return value;
    }
}
