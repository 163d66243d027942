package dev.quiztutor.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one quiz file into a {@link Topic}, checking everything on the way and collecting every
 * problem rather than stopping at the first. The limits mirror {@code quizzes/quiz.schema.json};
 * the rules that span fields (answers, blanks, references, rendered sizes) live only here.
 */
final class TopicReader {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /**
     * Whether {@code text} matches {@link #ID}, without the regex: its repeated group allocates on
     * every match, and a large bank checks an id per question.
     */
    static boolean isId(String text) {
        if (text.isEmpty() || text.charAt(0) == '-' || text.charAt(text.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (c != '-' || text.charAt(i - 1) == '-')) {
                return false;
            }
        }
        return true;
    }

    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9+#._-]{1,20}");
    /** A numbered blank such as {@code [2]}; {@code \[2]} is a literal bracket in code. */
    static final Pattern BLANK = Pattern.compile("(?<!\\\\)\\[(\\d{1,2})]");
    static final int DEFAULT_ATTEMPTS = 3;
    static final int MAX_ATTEMPTS = 10;

    private static final List<String> TOPIC_FIELDS =
            List.of("$schema", "id", "title", "category", "summary", "minutes", "lesson", "questions");
    private static final List<String> LESSON_FIELDS =
            List.of("flow", "sample", "tables", "insights", "quiz", "snapshot", "transcript");
    private static final List<String> FLOW_FIELDS = List.of("title", "steps", "note");
    private static final List<String> STEP_FIELDS = List.of("title", "text");
    private static final List<String> SAMPLE_FIELDS = List.of("title", "language", "code", "note");
    private static final List<String> TABLE_FIELDS = List.of("title", "columns", "rows", "note");
    private static final List<String> INSIGHT_FIELDS = List.of("question", "answer");
    private static final List<String> SOLUTION_FIELDS = List.of("steps", "answer", "quickCheck");
    private static final List<String> COMMON_QUESTION_FIELDS = List.of(
            "id", "type", "difficulty", "prompt", "hints", "attempts", "solution", "mistakes", "feedback", "material");
    /** Fields a question of an unknown type may have: any type's, so only true typos are reported. */
    private static final List<String> ALL_QUESTION_FIELDS = List.of(
            "id", "type", "difficulty", "prompt", "language", "code", "items", "options", "answer", "accept",
            "typos", "unit", "hints", "attempts", "solution", "mistakes", "feedback", "material");

    private final Path file;
    private final LocatedJson json;
    private final List<Problem> problems = new ArrayList<>();
    /** Each question's "material" as written, by question id, resolved once the lesson is read. */
    private final Map<String, MaterialName> materialNames = new HashMap<>();

    private TopicReader(Path file, LocatedJson json) {
        this.file = file;
        this.json = json;
    }

    /** The topic of one file, present only when the file has no problem at all. */
    record Result(Optional<Topic> topic, List<Problem> problems) {
    }

    static Result read(Path file, String text) {
        return read(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Result read(Path file, byte[] utf8) {
        // Most files are valid: read in one pass without a tree; any problem is found and placed below.
        Optional<Topic> streamed = StreamingTopicReader.read(file, utf8);
        if (streamed.isPresent()) {
            return new Result(streamed, List.of());
        }
        return readLocated(file, utf8);
    }

    /** The authority on every file: the tree read with places kept for problems, every problem reported. */
    static Result readLocated(Path file, byte[] utf8) {
        LocatedJson json;
        try {
            json = LocatedJson.parse(utf8);
        } catch (LocatedJson.SyntaxError e) {
            Problem problem = new Problem(file, e.position().line(), e.position().column(), "", e.getMessage());
            return new Result(Optional.empty(), List.of(problem));
        }
        TopicReader reader = new TopicReader(file, json);
        for (LocatedJson.Duplicate duplicate : json.duplicates()) {
            reader.problems.add(new Problem(file, duplicate.position().line(), duplicate.position().column(),
                    LocatedJson.fieldPath(duplicate.pointer()),
                    "appears twice in the same object; keep one (JSON would silently use the last)"));
        }
        Topic topic = reader.topic();
        List<Problem> sorted = reader.problems.stream().sorted().toList();
        return new Result(sorted.isEmpty() ? Optional.ofNullable(topic) : Optional.empty(), sorted);
    }

    /** Where the value at {@code pointer} is in a file; (1, 1) when the file cannot be read. */
    static LocatedJson.Position locate(Path file, String pointer) {
        try {
            return LocatedJson.parse(java.nio.file.Files.readAllBytes(file)).at(pointer);
        } catch (java.io.IOException | LocatedJson.SyntaxError e) {
            return new LocatedJson.Position(1, 1);
        }
    }

    // ---------------------------------------------------------------- topic

    private Topic topic() {
        Obj o = object(json.root(), "", "a topic", TOPIC_FIELDS, List.of("id", "title", "questions"));
        if (o == null) {
            return null;
        }
        String id = o.id("id");
        String title = o.text("title", DisplayLimits.CHOICE_NAME, true);
        String category = o.text("category", 50, false);
        String summary = o.text("summary", 300, false);
        int minutes = o.integer("minutes", 1, 600, 0);
        if (o.has("$schema")) {
            o.text("$schema", 500, false);
        }
        List<Question> questions = new ArrayList<>();
        // Every question with a readable id, valid or not: a question with a problem is still a question
        // for duplicates and lesson.quiz, so one mistake is reported once, where it is.
        Map<String, String> firstPointerOfId = new LinkedHashMap<>();
        List<Element> items = o.array("questions", 1, Integer.MAX_VALUE, true);
        for (Element item : items) {
            Question q = question(item, id == null ? "?" : id);
            String questionId = q != null ? q.id() : readableId(item.node);
            if (questionId == null) {
                continue;
            }
            String earlier = firstPointerOfId.putIfAbsent(questionId, item.pointer);
            if (earlier != null) {
                problem(item.pointer + "/id", "duplicate question id '" + questionId + "' (first used at line "
                        + json.at(earlier).line() + "); question ids must be unique within a topic");
            } else if (q != null) {
                questions.add(q);
            }
        }
        Lesson lesson = null;
        if (o.has("lesson")) {
            lesson = lesson(o.node.get("lesson"), o.pointer + "/lesson", questions, firstPointerOfId.keySet());
        }
        if (!materialNames.isEmpty() && (lesson != null || !o.has("lesson"))) {
            questions = withMaterial(questions, lesson);
            lesson = lesson == null ? null : withQuiz(lesson, questions);
        }
        if (!problems.isEmpty() || items.isEmpty()) {
            return null;
        }
        return new Topic(id, title, category, summary, minutes, Optional.ofNullable(lesson), questions, file);
    }

    // ---------------------------------------------------------------- lesson

    private Lesson lesson(JsonNode node, String pointer, List<Question> questions, Set<String> questionIds) {
        int before = problems.size();
        Obj o = object(node, pointer, "a lesson", LESSON_FIELDS, List.of("flow"));
        if (o == null) {
            return null;
        }
        Lesson.Flow flow = null;
        Obj f = o.object("flow", "the lesson's flow", FLOW_FIELDS, List.of("steps"));
        if (f != null) {
            List<Step> steps = f.array("steps", 1, 25, true).stream()
                    .map(e -> step(e, 1024)).toList();
            String title = orElse(f.text("title", DisplayLimits.EMBED_TITLE, false), "Process flow");
            String note = f.text("note", 1024, false);
            flow = steps.isEmpty() || hasNull(steps) || note == null ? null : new Lesson.Flow(title, steps, note);
        }
        Lesson.Sample sample = null;
        Obj s = o.object("sample", "a sample", SAMPLE_FIELDS, List.of("code"));
        if (s != null) {
            sample = new Lesson.Sample(orElse(s.text("title", DisplayLimits.EMBED_TITLE, false), "Sample"),
                    language(s), s.text("code", 3500, true), s.text("note", 1024, false));
        }
        List<Lesson.Table> tables = new ArrayList<>();
        for (Element e : o.array("tables", 0, 10, false)) {
            Lesson.Table table = table(e);
            if (table != null) {
                tables.add(table);
            }
        }
        List<Lesson.Insight> insights = new ArrayList<>();
        for (Element e : o.array("insights", 0, 10, false)) {
            Obj i = object(e.node, e.pointer, "a key moment", INSIGHT_FIELDS, INSIGHT_FIELDS);
            if (i != null) {
                insights.add(new Lesson.Insight(i.text("question", DisplayLimits.EMBED_TITLE, true),
                        i.text("answer", DisplayLimits.EMBED_FIELD_VALUE, true)));
            }
        }
        List<Question> quiz = new ArrayList<>();
        for (Element e : o.array("quiz", 0, 10, false)) {
            String questionId = idValue(e.node, e.pointer);
            if (questionId == null) {
                continue;
            }
            Optional<Question> found = questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
            if (found.isPresent() && DisplayLimits.rows(DisplayLimits.Screen.LESSON_QUIZ_PAGE, found.get())
                    > DisplayLimits.ACTION_ROWS) {
                problem(e.pointer, DisplayLimits.Screen.LESSON_QUIZ_PAGE.problem(found.get()));
            } else if (found.isPresent()) {
                quiz.add(found.get());
            } else if (!questionIds.contains(questionId)) {
                problem(e.pointer, "no question '" + questionId + "' in this topic; the lesson quiz lists ids of "
                        + "the topic's questions" + suggestion(questionId, List.copyOf(questionIds)));
            }
        }
        List<String> snapshot = o.array("snapshot", 1, 20, false).stream()
                .map(e -> textValue(e.node, e.pointer, 300)).toList();
        String transcript = o.text("transcript", 4000, false);
        if (!clean(before) || flow == null) {
            return null;
        }
        checkLessonPages(pointer, sample, tables, insights, snapshot);
        return new Lesson(flow, Optional.ofNullable(sample), tables, insights, quiz, snapshot, transcript);
    }

    private Lesson.Table table(Element e) {
        int before = problems.size();
        Obj t = object(e.node, e.pointer, "a table", TABLE_FIELDS, List.of("title", "columns", "rows"));
        if (t == null) {
            return null;
        }
        String title = t.text("title", DisplayLimits.EMBED_TITLE, true);
        List<String> columns = t.array("columns", 1, 8, true).stream()
                .map(c -> textValue(c.node, c.pointer, 100)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Element row : t.array("rows", 1, 25, true)) {
            if (!row.node.isArray()) {
                problem(row.pointer, "a row must be a list of cells [\"...\", \"...\"], one per column");
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.node.size(); i++) {
                String cell = row.node.get(i).isTextual() ? row.node.get(i).asText() : null;
                if (cell == null) {
                    problem(row.pointer + "/" + i, "a cell must be text (a JSON string)");
                } else if (cell.length() > 100) {
                    problem(row.pointer + "/" + i, "is " + cell.length() + " characters; a cell holds at most 100");
                }
                cells.add(cell == null ? "" : cell);
            }
            if (!columns.isEmpty() && cells.size() != columns.size()) {
                problem(row.pointer, "has " + cells.size() + (cells.size() == 1 ? " cell" : " cells")
                        + " but the table has " + columns.size() + " columns; give every row one cell per column");
            }
            rows.add(cells);
        }
        String note = t.text("note", 1024, false);
        if (!clean(before) || columns.isEmpty() || rows.isEmpty()) {
            return null;
        }
        return new Lesson.Table(title, columns, rows, note);
    }

    /** Each lesson page is one Discord embed: its text must fit 4,096 characters, and all its fields 6,000. */
    private void checkLessonPages(String pointer, Lesson.Sample sample, List<Lesson.Table> tables,
                                  List<Lesson.Insight> insights, List<String> snapshot) {
        int page = DisplayLimits.EMBED_DESCRIPTION - 100;
        if (sample != null) {
            int length = sample.code().length() + sample.language().length() + QuestionText.CODE_FENCE + sample.note().length();
            if (length > page) {
                problem(pointer + "/sample", "the sample page (code and note) is " + length + " characters; a Discord embed "
                        + "holds " + DisplayLimits.EMBED_DESCRIPTION + ": keep it under " + page);
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            Lesson.Table table = tables.get(i);
            int length = TableText.render(table).length() + QuestionText.CODE_FENCE + table.note().length();
            if (length > page) {
                problem(pointer + "/tables/" + i, "renders as a text table of " + length + " characters; a Discord embed "
                        + "holds " + DisplayLimits.EMBED_DESCRIPTION + ": use fewer rows or shorter cells, or split it");
            }
        }
        int moments = insights.stream().mapToInt(i -> i.question().length() + i.answer().length()).sum();
        if (moments > DisplayLimits.EMBEDS_TOTAL - 500) {
            problem(pointer + "/insights", "the key moments are " + moments + " characters together; one Discord message "
                    + "holds " + DisplayLimits.EMBEDS_TOTAL + ": keep them under " + (DisplayLimits.EMBEDS_TOTAL - 500));
        }
        int lines = snapshot.stream().mapToInt(l -> l.length() + 3).sum();
        if (lines > page) {
            problem(pointer + "/snapshot", "the snapshot is " + lines + " characters; a Discord embed holds "
                    + DisplayLimits.EMBED_DESCRIPTION + ": keep it under " + page);
        }
    }

    private Step step(Element e, int maxText) {
        Obj o = object(e.node, e.pointer, "a step", STEP_FIELDS, List.of("title"));
        if (o == null) {
            return null;
        }
        int before = problems.size();
        String title = o.text("title", DisplayLimits.EMBED_TITLE, true);
        String text = o.text("text", maxText, false);
        return clean(before) ? new Step(title, text) : null;
    }

    // ---------------------------------------------------------------- questions

    private Question question(Element e, String topicId) {
        JsonNode node = e.node;
        JsonNode typeNode = node.isObject() ? node.get("type") : null;
        Optional<QuestionKind> kind = typeNode != null && typeNode.isTextual()
                ? QuestionKind.parse(typeNode.asText()) : Optional.empty();
        List<String> allowed = kind.map(TopicReader::fields).orElse(ALL_QUESTION_FIELDS);
        List<String> required = new ArrayList<>(List.of("id", "type", "difficulty", "prompt", "solution"));
        kind.ifPresent(k -> required.addAll(requiredFields(k)));
        int before = problems.size();
        Obj o = object(node, e.pointer, "a " + kind.map(k -> k.label() + " ").orElse("") + "question", allowed, required);
        if (o == null) {
            return null;
        }
        if (typeNode != null && kind.isEmpty()) {
            problem(o.pointer + "/type", describe(typeNode) + " is not a question type; use " + QuestionKind.allowed());
            // Options are read the same way by every type that has them: check their shape all the same.
            options(o, QuestionKind.MULTI);
        }
        String id = o.id("id");
        Difficulty difficulty = null;
        if (o.has("difficulty")) {
            JsonNode d = o.node.get("difficulty");
            // Exactly as the schema has them: "Medium" would pass here but be underlined in editors.
            difficulty = d.isTextual() ? Arrays.stream(Difficulty.values())
                    .filter(x -> x.label().equals(d.asText())).findFirst().orElse(null) : null;
            if (difficulty == null) {
                Optional<Difficulty> meant = d.isTextual() ? Difficulty.parse(d.asText()) : Optional.empty();
                problem(o.pointer + "/difficulty", describe(d) + " is not a difficulty; "
                        + meant.map(x -> "did you mean \"" + x.label() + "\"? Difficulties are lower case: ").orElse("")
                        + "use " + Difficulty.allowed().replace("easy", "\"easy\"").replace("medium", "\"medium\"")
                        .replace("hard", "\"hard\""));
            }
        }
        String prompt = o.text("prompt", 3000, true);
        List<String> hints = o.array("hints", 0, 10, false).stream()
                .map(h -> textValue(h.node, h.pointer, 1000)).toList();
        int attempts = o.integer("attempts", 1, MAX_ATTEMPTS, DEFAULT_ATTEMPTS);
        Solution solution = solution(o);
        List<String> mistakes = o.array("mistakes", 0, 10, false).stream()
                .map(m -> textValue(m.node, m.pointer, 300)).toList();
        MaterialName material = materialName(o);
        // The type is read even when a common field is wrong, so one run shows every problem.
        QuestionType type = kind.map(k -> type(o, k)).orElse(null);
        if (type == null || id == null || difficulty == null || prompt == null || solution == null
                || hasNull(hints) || hasNull(mistakes) || !clean(before)) {
            return null;
        }
        Question question = new Question(new QuestionRef(topicId, id), difficulty, prompt, type, hints, attempts,
                solution, mistakes);
        checkRenderedSizes(o.pointer, question);
        for (DisplayLimits.Screen screen : List.of(DisplayLimits.Screen.PRACTICE_POST, DisplayLimits.Screen.TEST_PAGE)) {
            if (DisplayLimits.rows(screen, question) > DisplayLimits.ACTION_ROWS) {
                problem(o.pointer + "/options", screen.problem(question));
            }
        }
        if (material != null) {
            materialNames.put(question.id(), material);
        }
        return question;
    }

    // ---------------------------------------------------------------- lesson material of a question

    /** What a question's "material" names: the lesson's sample, its flow, or one of its tables by title. */
    private record MaterialName(String pointer, Part part, String tableTitle) {
        enum Part { SAMPLE, FLOW, TABLE }
    }

    private static final String MATERIAL_FORMS = "use \"sample\", \"flow\" or {\"table\": \"the title of a lesson table\"}";

    /** Reads "material": "sample", "flow" or {"table": "title"}; null when absent or wrong (reported). */
    private MaterialName materialName(Obj o) {
        if (!o.has("material")) {
            return null;
        }
        JsonNode node = o.node.get("material");
        String pointer = o.pointer + "/material";
        if (node.isTextual() && node.asText().equals("sample")) {
            return new MaterialName(pointer, MaterialName.Part.SAMPLE, "");
        }
        if (node.isTextual() && node.asText().equals("flow")) {
            return new MaterialName(pointer, MaterialName.Part.FLOW, "");
        }
        if (!node.isObject()) {
            problem(pointer, describe(node) + " is not lesson material; " + MATERIAL_FORMS);
            return null;
        }
        int before = problems.size();
        // "table" is required, but a misspelt one is reported once, as the unknown field it is.
        Obj m = object(node, pointer, "lesson material", List.of("table"), List.of());
        if (!m.has("table") && clean(before)) {
            problem(pointer, "missing required field \"table\" in lesson material; " + MATERIAL_FORMS);
        }
        String title = m.text("table", DisplayLimits.EMBED_TITLE, true);
        return clean(before) && title != null ? new MaterialName(pointer, MaterialName.Part.TABLE, title) : null;
    }

    /**
     * The questions with the lesson material they name; a name the lesson does not have, or a post
     * that no longer fits once the material is shown, is reported at the question's "material".
     */
    private List<Question> withMaterial(List<Question> questions, Lesson lesson) {
        List<Question> result = new ArrayList<>();
        for (Question q : questions) {
            MaterialName name = materialNames.get(q.id());
            Material material = name == null ? null : material(name, lesson);
            if (material == null) {
                result.add(q);
                continue;
            }
            Question shown = q.withMaterial(material);
            int post = QuestionText.postLength(shown);
            if (post > DisplayLimits.QUESTION_POST) {
                problem(name.pointer(), "the question's post with the " + material.title() + " is " + post
                        + " characters; a Discord embed holds " + DisplayLimits.EMBED_DESCRIPTION + " and the post keeps"
                        + " 200 for its live count: shorten the question or the material to "
                        + DisplayLimits.QUESTION_POST + " together");
            }
            result.add(shown);
        }
        return result;
    }

    private Material material(MaterialName name, Lesson lesson) {
        if (lesson == null) {
            problem(name.pointer(), "names lesson material but this topic has no lesson; add a \"lesson\" or remove"
                    + " \"material\"");
            return null;
        }
        return switch (name.part()) {
            case SAMPLE -> sample(name, lesson);
            case FLOW -> new Material.Flow(lesson.flow());
            case TABLE -> table(name, lesson);
        };
    }

    private Material sample(MaterialName name, Lesson lesson) {
        if (lesson.sample().isEmpty()) {
            problem(name.pointer(), "names the lesson's sample but the lesson has none; add \"sample\" to"
                    + " the lesson or name a table or the flow");
            return null;
        }
        return new Material.Sample(lesson.sample().get());
    }

    private Material table(MaterialName name, Lesson lesson) {
        List<String> titles = lesson.tables().stream().map(Lesson.Table::title).toList();
        List<Lesson.Table> named = lesson.tables().stream().filter(t -> t.title().equals(name.tableTitle())).toList();
        if (named.isEmpty()) {
            problem(name.pointer() + "/table", "the lesson has no table titled \"" + name.tableTitle() + "\""
                    + suggestion(name.tableTitle(), titles) + "; its tables are "
                    + (titles.isEmpty() ? "none" : "\"" + String.join("\", \"", titles) + "\""));
            return null;
        }
        if (named.size() > 1) {
            problem(name.pointer() + "/table", "the lesson has " + named.size() + " tables titled \""
                    + name.tableTitle() + "\"; give them different titles so a question can name one");
            return null;
        }
        return new Material.Table(named.get(0));
    }

    /** The lesson with its quiz holding the questions as they are shown, material included. */
    private static Lesson withQuiz(Lesson lesson, List<Question> questions) {
        Map<String, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        List<Question> quiz = lesson.quiz().stream().map(q -> byId.getOrDefault(q.id(), q)).toList();
        return new Lesson(lesson.flow(), lesson.sample(), lesson.tables(), lesson.insights(), quiz, lesson.snapshot(),
                lesson.transcript());
    }

    private static List<String> fields(QuestionKind kind) {
        List<String> fields = new ArrayList<>(COMMON_QUESTION_FIELDS);
        fields.addAll(switch (kind) {
            case CHOICE, MULTI -> List.of("options", "answer");
            case BLANKS -> List.of("language", "code", "options", "answer");
            case TRUEFALSE -> List.of("answer");
            case SHORT -> List.of("accept", "typos");
            case NUMERIC -> List.of("accept", "unit");
            case MATCHING -> List.of("items", "options", "answer");
        });
        return fields;
    }

    private static List<String> requiredFields(QuestionKind kind) {
        return switch (kind) {
            case CHOICE, MULTI -> List.of("options", "answer");
            case BLANKS -> List.of("code", "options", "answer");
            case TRUEFALSE -> List.of("answer");
            case SHORT, NUMERIC -> List.of("accept");
            case MATCHING -> List.of("items", "options", "answer");
        };
    }

    /** The type-specific part of a question, or null after reporting why it is wrong. */
    private QuestionType type(Obj o, QuestionKind kind) {
        int before = problems.size();
        QuestionType type = switch (kind) {
            case CHOICE -> {
                List<Option> options = options(o, kind);
                List<String> answer = options == null ? null : answerLetters(o, kind, options, 1);
                yield options == null || answer == null ? null : new QuestionType.Choice(options, answer.get(0));
            }
            case BLANKS -> {
                String language = language(o);
                String code = o.text("code", 3000, true);
                List<Option> options = options(o, kind);
                int blanks = code == null ? -1 : blanks(o.pointer + "/code", code);
                List<String> answer = options == null ? null : answerLetters(o, kind, options, blanks);
                yield code == null || options == null || answer == null || blanks < 0 ? null
                        : new QuestionType.Blanks(language, code, options, answer);
            }
            case MULTI -> {
                List<Option> options = options(o, kind);
                List<String> answer = options == null ? null : answerLetters(o, kind, options, -1);
                yield options == null || answer == null ? null : new QuestionType.MultipleResponse(options, answer);
            }
            case MATCHING -> {
                List<String> items = o.array("items", 1, DisplayLimits.MATCHING_ITEMS, true).stream()
                        .map(i -> textValue(i.node, i.pointer, DisplayLimits.MATCHING_ITEM)).toList();
                List<Option> options = options(o, kind);
                List<String> answer = options == null ? null : answerLetters(o, kind, options, items.size());
                yield items.isEmpty() || hasNull(items) || options == null || answer == null ? null
                        : new QuestionType.Matching(items, options, answer);
            }
            case TRUEFALSE -> {
                JsonNode answer = o.node.get("answer");
                if (answer != null && !answer.isBoolean()) {
                    problem(o.pointer + "/answer", "must be true or false (without quotes), not " + describe(answer));
                }
                Map<String, String> said = feedback(o, List.of("true", "false"), "\"true\" or \"false\"");
                yield answer == null || !answer.isBoolean() || said == null ? null
                        : new QuestionType.TrueFalse(answer.asBoolean(), said.getOrDefault("true", ""),
                        said.getOrDefault("false", ""));
            }
            case SHORT -> {
                List<String> accepted = o.array("accept", 1, 20, true).stream()
                        .map(a -> typedAnswer(a.node, a.pointer)).toList();
                int typos = o.integer("typos", 0, 3, 0);
                Map<String, String> said = feedback(o, null, null);
                List<QuestionType.KnownAnswer> known = said == null ? null : said.entrySet().stream()
                        .map(k -> new QuestionType.KnownAnswer(k.getKey(), k.getValue())).toList();
                yield accepted.isEmpty() || hasNull(accepted) || known == null ? null
                        : new QuestionType.ShortAnswer(accepted, typos, known);
            }
            case NUMERIC -> {
                List<QuestionType.NumberRange> accepted = o.array("accept", 1, 20, true).stream()
                        .map(a -> numberRange(a.node, a.pointer)).toList();
                String unit = o.text("unit", 20, false);
                Map<String, String> said = feedback(o, null, null);
                List<QuestionType.KnownNumber> known = new ArrayList<>();
                if (said != null) {
                    for (Map.Entry<String, String> k : said.entrySet()) {
                        Optional<TypedText.TypedNumber> n = TypedText.number(k.getKey());
                        if (n.isEmpty() || !n.get().rest().isEmpty()) {
                            problem(o.pointer + "/feedback/" + LocatedJson.escape(k.getKey()), "\"" + k.getKey()
                                    + "\" is not a number; feedback of a numeric question is keyed by the number"
                                    + " it answers, such as \"42\"");
                        } else {
                            known.add(new QuestionType.KnownNumber(n.get().value(), k.getValue()));
                        }
                    }
                }
                yield accepted.isEmpty() || hasNull(accepted) || unit == null || said == null ? null
                        : new QuestionType.Numeric(accepted, unit, known);
            }
        };
        return clean(before) ? type : null;
    }

    /**
     * The options, each with its feedback from the question's {@code feedback} object (keyed by letter);
     * null after reporting what is wrong.
     */
    private List<Option> options(Obj o, QuestionKind kind) {
        if (!o.has("options")) {
            return null;
        }
        JsonNode node = o.node.get("options");
        String pointer = o.pointer + "/options";
        if (!node.isObject()) {
            problem(pointer, "must be an object of lettered options {\"A\": \"...\", \"B\": \"...\"}");
            return null;
        }
        boolean buttons = kind == QuestionKind.CHOICE;
        int max = buttons ? DisplayLimits.CHOICE_BUTTONS : DisplayLimits.SELECT_OPTIONS;
        if (node.size() < 2 || node.size() > max) {
            problem(pointer, "has " + node.size() + " options; a " + kind.label()
                    + " question has 2 to " + max + (buttons
                    ? " (Discord shows at most 4 rows of 5 answer buttons)"
                    : " (a Discord select menu holds at most 25 options)"));
        }
        int labelLimit = buttons ? DisplayLimits.BUTTON_LABEL : DisplayLimits.SELECT_OPTION_LABEL;
        String where = buttons ? "a button label" : "a select-menu entry";
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            letters.add(String.valueOf((char) ('A' + i)));
        }
        Map<String, String> said = feedback(o, letters, "an option letter (" + (letters.isEmpty() ? "A"
                : String.join(", ", letters)) + ")");
        List<Option> options = new ArrayList<>();
        boolean ok = said != null;
        boolean inOrder = true;
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); index++) {
            Map.Entry<String, JsonNode> entry = it.next();
            String letter = entry.getKey();
            String child = pointer + "/" + LocatedJson.escape(letter);
            String expected = String.valueOf((char) ('A' + index));
            if (!letter.equals(expected) && inOrder) {
                // Only the first: after one letter out of place, every later one is too.
                problem(child, "options are lettered A, B, C... in order; expected \"" + expected + "\" here, not \""
                        + letter + "\"");
                inOrder = false;
                ok = false;
            }
            String text = textValue(entry.getValue(), child, 500);
            if (text == null) {
                ok = false;
                continue;
            }
            Option option = new Option(letter, text, said == null ? "" : said.getOrDefault(letter, ""));
            if (option.label().length() > labelLimit) {
                problem(child, "is " + option.label().length() + " characters as " + where + " \"" + letter
                        + ". ...\"; Discord allows " + labelLimit + ": shorten it to " + (labelLimit - 3)
                        + " characters");
                ok = false;
            }
            options.add(option);
        }
        return ok && options.size() >= 2 && options.size() <= max ? options : null;
    }

    /**
     * The question's {@code feedback} object: what to tell a learner who gives each answer. Keys must be
     * among {@code keys} when that is given (option letters, true/false); any text otherwise. Empty when
     * absent, null after reporting a problem.
     */
    private Map<String, String> feedback(Obj o, List<String> keys, String keysDescription) {
        if (!o.has("feedback")) {
            return Map.of();
        }
        JsonNode node = o.node.get("feedback");
        String pointer = o.pointer + "/feedback";
        if (!node.isObject()) {
            problem(pointer, "must be an object {\"answer\": \"what to tell a learner who gives it\", ...}, not "
                    + kindOf(node));
            return null;
        }
        Map<String, String> said = new java.util.LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String child = pointer + "/" + LocatedJson.escape(entry.getKey());
            if (keys != null && !keys.contains(entry.getKey())) {
                problem(child, "\"" + entry.getKey() + "\" is not an answer of this question; feedback is keyed by "
                        + keysDescription);
                ok = false;
                continue;
            }
            if (keys == null && entry.getKey().isBlank()) {
                problem(child, "an empty answer can't have feedback; key it by the answer it is about");
                ok = false;
                continue;
            }
            String text = textValue(entry.getValue(), child, DisplayLimits.ANSWER_FEEDBACK);
            if (text == null) {
                ok = false;
            } else {
                said.put(entry.getKey(), text);
            }
        }
        return ok ? said : null;
    }

    private String typedAnswer(JsonNode node, String pointer) {
        String text = textValue(node, pointer, TypedText.MAX_TYPED);
        if (text != null && TypedText.normalise(text).isEmpty()) {
            problem(pointer, "\"" + text + "\" is only spaces and punctuation, which answers are compared without;"
                    + " accept words or numbers");
            return null;
        }
        return text;
    }

    /** {"value": 3.14, "tolerance": 0.01} or {"min": 1, "max": 2}; null after reporting. */
    private QuestionType.NumberRange numberRange(JsonNode node, String pointer) {
        Obj r = object(node, pointer, "an accepted number", List.of("value", "tolerance", "min", "max"), List.of());
        if (r == null) {
            return null;
        }
        if (r.has("value") == (r.has("min") || r.has("max"))) {
            problem(pointer, "give either \"value\" (with an optional \"tolerance\") or \"min\" and \"max\"");
            return null;
        }
        if (r.has("value")) {
            java.math.BigDecimal value = number(r, "value");
            java.math.BigDecimal tolerance = r.has("tolerance") ? number(r, "tolerance") : java.math.BigDecimal.ZERO;
            if (tolerance != null && tolerance.signum() < 0) {
                problem(pointer + "/tolerance", "must not be negative");
                return null;
            }
            return value == null || tolerance == null ? null : QuestionType.NumberRange.around(value, tolerance);
        }
        if (!r.has("min") || !r.has("max") || r.has("tolerance")) {
            problem(pointer, "a range needs both \"min\" and \"max\" (and no \"tolerance\")");
            return null;
        }
        java.math.BigDecimal min = number(r, "min");
        java.math.BigDecimal max = number(r, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            problem(pointer + "/max", "is below \"min\"; a range goes from min up to max");
            return null;
        }
        return min == null || max == null ? null : QuestionType.NumberRange.between(min, max);
    }

    private java.math.BigDecimal number(Obj o, String field) {
        JsonNode value = o.node.get(field);
        if (!value.isNumber()) {
            problem(o.pointer + "/" + field, "must be a number (without quotes), not " + describe(value));
            return null;
        }
        return value.decimalValue();
    }

    /**
     * Checks the answer: one option letter for a choice question; a list with one letter per blank or
     * item ({@code parts} &lt; 0 when the count is unknown); the set of right letters of a multi.
     */
    private List<String> answerLetters(Obj o, QuestionKind kind, List<Option> options, int parts) {
        if (!o.has("answer")) {
            return null;
        }
        JsonNode node = o.node.get("answer");
        String pointer = o.pointer + "/answer";
        Set<String> letters = options.stream().map(Option::letter).collect(Collectors.toCollection(LinkedHashSet::new));
        String allowed = String.join(", ", letters);
        if (kind == QuestionKind.CHOICE) {
            if (!node.isTextual()) {
                problem(pointer, "must be one option letter such as \"A\"; options are " + allowed);
                return null;
            }
            if (!letters.contains(node.asText())) {
                problem(pointer, describe(node) + " is not an option of this question; options are " + allowed
                        + capital(node.asText(), letters));
                return null;
            }
            return List.of(node.asText());
        }
        String each = switch (kind) {
            case MULTI -> "the right options, such as [\"A\", \"C\"]";
            case MATCHING -> "one option letter per item, such as [\"B\", \"A\"]";
            default -> "one option letter per blank, such as [\"A\", \"C\"]";
        };
        if (!node.isArray()) {
            problem(pointer, "must be a list with " + each);
            return null;
        }
        List<String> answer = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode letter = node.get(i);
            if (!letter.isTextual() || !letters.contains(letter.asText())) {
                problem(pointer + "/" + i, describe(letter) + " is not an option of this "
                        + (kind == QuestionKind.BLANKS ? "task" : kind.label() + " question") + "; options are " + allowed
                        + capital(letter.asText(), letters));
                ok = false;
            } else if (kind == QuestionKind.MULTI && answer.contains(letter.asText())) {
                problem(pointer + "/" + i, "\"" + letter.asText() + "\" is listed twice; list each right option once");
                ok = false;
            }
            answer.add(letter.asText());
        }
        if (kind == QuestionKind.MULTI) {
            if (node.isEmpty()) {
                problem(pointer, "must list at least one right option");
                ok = false;
            }
            return ok ? answer.stream().sorted().toList() : null;
        }
        String part = kind == QuestionKind.MATCHING ? "item" : "blank";
        String where = kind == QuestionKind.MATCHING ? "the question has " : "the code has ";
        if (parts >= 0 && node.size() != parts) {
            if (node.size() > parts) {
                problem(pointer + "/" + parts, "answer [" + (parts + 1) + "] has no " + part + ": " + where
                        + parts + " " + part + (parts == 1 ? "" : "s") + "; give exactly one letter per " + part);
            } else {
                problem(pointer, part + " [" + (node.size() + 1) + "] has no answer: " + where + parts + " "
                        + part + "s but the answer has " + node.size() + " letter" + (node.size() == 1 ? "" : "s")
                        + "; give exactly one letter per " + part + (kind == QuestionKind.BLANKS
                        ? " (if [" + (node.size() + 1) + "] is code, such as list indexing, write \\\\["
                        + (node.size() + 1) + "] in the JSON string)" : ""));
            }
            ok = false;
        }
        return ok ? answer : null;
    }

    /** " (did you mean \"B\"? Option letters are capitals)" for an answer letter written in lower case. */
    private static String capital(String letter, Set<String> letters) {
        String upper = letter.toUpperCase(java.util.Locale.ROOT);
        return !upper.equals(letter) && letters.contains(upper)
                ? " (did you mean \"" + upper + "\"? Option letters are capitals)" : "";
    }

    /** A {@code [digit]} marker in a task's code: its number as written, and where it starts in the code. */
    record Marker(String digits, int start) {
        int number() {
            return Integer.parseInt(digits);
        }

        /** "[0]" as written. */
        String text() {
            return "[" + digits + "]";
        }

        /** "line 2, column 9 of the code": where an author finds it when the code is shown as code. */
        String where(String code) {
            int lineStart = code.lastIndexOf('\n', start - 1) + 1;
            long line = code.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            return "line " + line + ", column " + (start - lineStart + 1) + " of the code";
        }
    }

    /**
     * The markers of {@code code} as {@link #BLANK} finds them, without the regex (its look-behind made
     * a tenth of reading a large bank of tasks): "[" not after a backslash, one or two digits, "]".
     */
    static List<Marker> markers(String code) {
        List<Marker> markers = new ArrayList<>();
        int i = code.indexOf('[');
        while (i >= 0 && i + 2 < code.length()) {
            int digits = 0;
            while (digits < 2 && i + 1 + digits < code.length() && isDigit(code.charAt(i + 1 + digits))) {
                digits++;
            }
            int close = i + 1 + digits;
            boolean marker = digits > 0 && close < code.length() && code.charAt(close) == ']'
                    && (i == 0 || code.charAt(i - 1) != '\\');
            if (marker) {
                markers.add(new Marker(code.substring(i + 1, close), i));
            }
            i = code.indexOf('[', marker ? close + 1 : i + 1);
        }
        return markers;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Counts the blanks [1]..[n] of a task's code, or returns -1 when their count is unknown. A marker
     * that is not one of [1]..[n] (list indexing such as {@code files[0]}, or a gap) is reported at its
     * own place in the file, with the escape that makes it literal.
     */
    private int blanks(String pointer, String code) {
        List<Marker> markers = markers(code);
        Set<Integer> numbers = markers.stream().filter(k -> !k.digits().startsWith("0")).map(Marker::number)
                .collect(Collectors.toSet());
        int n = 0;
        while (numbers.contains(n + 1)) {
            n++;
        }
        if (n == 0 && numbers.isEmpty()) {
            problem(pointer, "has no blanks; mark them [1], [2], ... in the code (write \\\\[1] for a literal [1])");
        }
        boolean countKnown = n > 0;
        Map<Integer, Marker> first = new HashMap<>();
        for (Marker marker : markers) {
            // Only a marker that is reported needs its place: asking for one re-reads the file with
            // positions, which for every blank of a valid bank made most of an upload's time.
            Supplier<LocatedJson.Position> at = () -> json.inString(pointer, marker.start());
            String literal = "write \\\\[" + marker.digits() + "] in the JSON string for a literal " + marker.text();
            if (marker.digits().startsWith("0")) {
                problem(at.get(), pointer, marker.text() + " at " + marker.where(code) + " is not a blank: blanks are"
                        + " numbered from [1]; if it is code (list indexing, for example), " + literal);
            } else if (marker.number() > n) {
                problem(at.get(), pointer, marker.text() + " at " + marker.where(code) + " is not a blank: blanks are"
                        + " numbered [1], [2], ... without gaps and [" + (n + 1) + "] is missing; renumber it, or "
                        + literal);
                countKnown = false;
            } else if (first.putIfAbsent(marker.number(), marker) != null) {
                problem(at.get(), pointer, "blank " + marker.text() + " appears again at " + marker.where(code)
                        + " (first at " + first.get(marker.number()).where(code) + "); each blank appears once"
                        + " (an option may still fill several blanks), or " + literal);
                countKnown = false;
            }
        }
        if (n > DisplayLimits.BLANKS) {
            problem(pointer, "has " + n + " blanks; a task has at most " + DisplayLimits.BLANKS
                    + " (Discord shows 5 rows of components: one select menu per blank and one row of buttons)."
                    + " Split it into two tasks");
            countKnown = false;
        }
        return countKnown ? n : -1;
    }

    private Solution solution(Obj o) {
        int before = problems.size();
        Obj s = o.object("solution", "a solution", SOLUTION_FIELDS, List.of("steps", "answer"));
        if (s == null) {
            return null;
        }
        List<Step> steps = s.array("steps", 1, 10, true).stream().map(e -> step(e, 1024)).toList();
        String answer = s.text("answer", 500, true);
        String quickCheck = s.text("quickCheck", 300, false);
        return clean(before) && !steps.isEmpty() ? new Solution(steps, answer, quickCheck) : null;
    }

    private void checkRenderedSizes(String pointer, Question q) {
        int post = QuestionText.postLength(q);
        if (post > DisplayLimits.QUESTION_POST) {
            problem(pointer + "/prompt", "the question's post (prompt, code and options) is " + post
                    + " characters; a Discord embed holds " + DisplayLimits.EMBED_DESCRIPTION
                    + " and the post keeps 200 for its live count: shorten it to " + DisplayLimits.QUESTION_POST);
        }
        int solution = QuestionText.solutionLength(q);
        if (solution > DisplayLimits.SOLUTION) {
            problem(pointer + "/solution", "the revealed solution (steps, answer, quick check, mistakes) is "
                    + solution + " characters; it must fit one Discord embed with its feedback: at most "
                    + DisplayLimits.SOLUTION);
        }
    }

    private String language(Obj o) {
        String language = o.text("language", 20, false);
        if (language == null) {
            return "text";
        }
        if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            problem(o.pointer + "/language", "\"" + language + "\" is not a code-block language name; use letters,"
                    + " digits and + # . _ - such as \"python\" or \"text\"");
        }
        return language.isEmpty() ? "text" : language;
    }

    // ---------------------------------------------------------------- generic checks

    private record Element(JsonNode node, String pointer) {
    }

    /** A JSON object being read; {@code pointer} is its JSON pointer. */
    private final class Obj {
        final JsonNode node;
        final String pointer;

        Obj(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        /** A text field; "" when optional and absent, null when it is wrong (and reported). */
        String text(String field, int max, boolean required) {
            if (!has(field)) {
                return required ? null : "";
            }
            return textValue(node.get(field), pointer + "/" + field, max);
        }

        String id(String field) {
            return has(field) ? idValue(node.get(field), pointer + "/" + field) : null;
        }

        int integer(String field, int min, int max, int absent) {
            if (!has(field)) {
                return absent;
            }
            JsonNode value = node.get(field);
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
                problem(pointer + "/" + field, describe(value) + " is not allowed; use a whole number from "
                        + min + " to " + max);
                return absent;
            }
            return value.asInt();
        }

        List<Element> array(String field, int min, int max, boolean required) {
            if (!has(field)) {
                return List.of();
            }
            JsonNode value = node.get(field);
            String child = pointer + "/" + field;
            if (!value.isArray()) {
                problem(child, "must be a list [ ... ], not " + kindOf(value));
                return List.of();
            }
            if (value.size() < min) {
                problem(child, required || min > 0 ? "must have at least " + min + " item" + (min == 1 ? "" : "s")
                        : "is empty");
            }
            if (value.size() > max) {
                problem(child, "has " + value.size() + " items; at most " + max + " are allowed");
            }
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                elements.add(new Element(value.get(i), child + "/" + i));
            }
            return elements;
        }

        Obj object(String field, String what, List<String> allowed, List<String> required) {
            return has(field) ? TopicReader.this.object(node.get(field), pointer + "/" + field, what, allowed, required)
                    : null;
        }
    }

    private Obj object(JsonNode node, String pointer, String what, List<String> allowed, List<String> required) {
        if (!node.isObject()) {
            problem(pointer, "must be " + what + " { ... }, not " + kindOf(node));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(pointer + "/" + LocatedJson.escape(name), "unknown field" + suggestion(name, allowed)
                        + "; fields of " + what + ": " + String.join(", ", allowed));
            } else if (node.get(name).isNull()) {
                // Read as absent everywhere else, but the schema (and so every editor) rejects it.
                problem(pointer + "/" + LocatedJson.escape(name), "is null; give it a value, or leave the field out");
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                problem(pointer, "missing required field \"" + name + "\" in " + what);
            }
        }
        return new Obj(node, pointer);
    }

    private String textValue(JsonNode value, String pointer, int max) {
        if (!value.isTextual()) {
            problem(pointer, "must be text (a JSON string), not " + kindOf(value));
            return null;
        }
        String text = value.asText();
        if (text.isBlank()) {
            problem(pointer, "must not be empty");
            return null;
        }
        if (text.length() > max) {
            problem(pointer, "is " + text.length() + " characters; at most " + max + " are allowed");
            return null;
        }
        return text;
    }

    private String idValue(JsonNode value, String pointer) {
        if (!value.isTextual()) {
            problem(pointer, "must be an id (a JSON string such as \"first-level\"), not " + kindOf(value));
            return null;
        }
        String id = value.asText();
        if (id.length() > DisplayLimits.ID) {
            problem(pointer, "\"" + id + "\" is " + id.length() + " characters; an id has at most " + DisplayLimits.ID
                    + " so that it fits Discord's 100-character component ids");
            return null;
        }
        if (!isId(id)) {
            problem(pointer, "\"" + id + "\" is not a valid id; use lower-case letters, digits and single dashes,"
                    + " such as \"first-level\"");
            return null;
        }
        return id;
    }

    /** The id of a question that may have problems, without reporting anything (its own reading does). */
    private static String readableId(JsonNode question) {
        JsonNode id = question.isObject() ? question.get("id") : null;
        return id != null && id.isTextual() && id.asText().length() <= DisplayLimits.ID
                && isId(id.asText()) ? id.asText() : null;
    }

    private void problem(String pointer, String message) {
        problem(json.at(pointer), pointer, message);
    }

    /** A problem at a place inside the value at {@code pointer}. */
    private void problem(LocatedJson.Position at, String pointer, String message) {
        problems.add(new Problem(file, at.line(), at.column(), LocatedJson.fieldPath(pointer), message));
    }

    /** True when nothing was reported since {@code before}: the object read is whole. */
    private boolean clean(int before) {
        return problems.size() == before;
    }

    /** Lists built from elements that failed to read hold nulls. */
    private static boolean hasNull(List<?> list) {
        return list.stream().anyMatch(java.util.Objects::isNull);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String kindOf(JsonNode node) {
        if (node.isTextual()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "\"" + node.asText() + "\"" : kindOf(node);
    }

    /** "; did you mean \"hints\"?" when {@code name} is a likely typo of one of {@code known}. */
    static String suggestion(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 4))
                ? " (did you mean \"" + best + "\"?)" : "";
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit, the commonest typo. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
