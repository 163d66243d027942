package dev.quiztutor.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multiple-choice question a member suggested (/suggest): the prompt, 2 to 4 options, the right
 * one, an explanation and a difficulty. It becomes a {@link Question} of a server topic only once a
 * moderator approves it; before that it is checked exactly as a quiz file is, so an approved
 * suggestion never breaks a post.
 */
public record SuggestedQuestion(String prompt, List<String> options, String answer, String explanation,
                                Difficulty difficulty) {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 4;
    /** Where the question stands in while it is checked: it names problems, never a real file. */
    private static final Path CHECKED_AS = Path.of("suggestion.json");
    private static final Pattern LETTER_LABEL = Pattern.compile("^([A-Da-d])\\s*[.)]\\s+(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public SuggestedQuestion {
        options = List.copyOf(options);
    }

    /**
     * The form's fields as typed, kept whole so that a form opened again shows them unchanged;
     * {@code difficulty} is blank where the form does not ask for it (medium then).
     */
    public record Typed(String prompt, String options, String answer, String explanation, String difficulty) {
        public Typed {
            prompt = prompt == null ? "" : prompt;
            options = options == null ? "" : options;
            answer = answer == null ? "" : answer;
            explanation = explanation == null ? "" : explanation;
            difficulty = difficulty == null ? "" : difficulty;
        }
    }

    /** What reading a form gave: a question that passes the quiz file's checks, or each problem as one line. */
    public sealed interface Read permits Ok, Problems {
    }

    public record Ok(SuggestedQuestion question) implements Read {
    }

    public record Problems(List<String> lines) implements Read {
        public Problems {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Reads a form: the options one per line ("A. " in front is allowed), the right option by letter
     * or by its text. The result is then checked by the quiz file's validator, {@code credit} (the
     * line that names the author in the solution) included, so the approved question is the checked one.
     */
    public static Read read(Typed typed, String credit) {
        List<String> problems = new ArrayList<>();
        String prompt = typed.prompt().strip();
        if (prompt.isEmpty()) {
            problems.add("Question: write the question.");
        }
        List<String> options = new ArrayList<>();
        for (String line : typed.options().split("\\R")) {
            String option = line.strip();
            if (option.isEmpty()) {
                continue;
            }
            Matcher labelled = LETTER_LABEL.matcher(option);
            if (labelled.matches() && labelled.group(1).toUpperCase(Locale.ROOT).charAt(0) == 'A' + options.size()) {
                option = labelled.group(2).strip();
            }
            options.add(option);
        }
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            problems.add("Options: give " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options, one per line (A to D); you gave "
                    + options.size() + ".");
        }
        Optional<String> answer = answerLetter(typed.answer(), options);
        if (answer.isEmpty() && options.size() >= MIN_OPTIONS && options.size() <= MAX_OPTIONS) {
            problems.add("Right option: give its letter (A to " + (char) ('A' + options.size() - 1)
                    + ") or its text as written in the options.");
        }
        String explanation = typed.explanation().strip();
        if (explanation.isEmpty()) {
            problems.add("Explanation: say why the right option is right.");
        }
        Optional<Difficulty> difficulty = typed.difficulty().isBlank() ? Optional.of(Difficulty.MEDIUM)
                : Difficulty.parse(typed.difficulty());
        if (difficulty.isEmpty()) {
            problems.add("Difficulty: " + Difficulty.allowed() + ".");
        }
        if (!problems.isEmpty()) {
            return new Problems(problems);
        }
        SuggestedQuestion question = new SuggestedQuestion(prompt, options, answer.get(), explanation, difficulty.get());
        List<String> invalid = question.check(credit);
        return invalid.isEmpty() ? new Ok(question) : new Problems(invalid);
    }

    private static Optional<String> answerLetter(String typed, List<String> options) {
        String wanted = typed.strip();
        String letter = wanted.replaceFirst("[.)]$", "").strip().toUpperCase(Locale.ROOT);
        if (letter.length() == 1 && letter.charAt(0) >= 'A' && letter.charAt(0) < 'A' + options.size()) {
            return Optional.of(letter);
        }
        for (int i = 0; i < options.size(); i++) {
            if (!wanted.isEmpty() && options.get(i).equalsIgnoreCase(wanted)) {
                return Optional.of(String.valueOf((char) ('A' + i)));
            }
        }
        return Optional.empty();
    }

    /** The problems the quiz file's validator finds in this question, each named by the form's field. */
    public List<String> check(String credit) {
        Topic alone = new Topic("suggestion", "Suggestion", "", "", 0, Optional.empty(),
                List.of(question(new QuestionRef("suggestion", "suggestion"), credit)), CHECKED_AS);
        BankLoader.FileResult read = BankLoader.read(CHECKED_AS,
                TopicWriter.write(alone, "").getBytes(StandardCharsets.UTF_8));
        return read.problems().stream().sorted().map(p -> field(p.field()) + ": " + p.message()).distinct().toList();
    }

    /** The field of the form a validator's field path is about. */
    private static String field(String path) {
        if (path.contains("options")) {
            return "Options";
        }
        if (path.contains("solution.answer") || path.endsWith(".answer")) {
            return "Right option";
        }
        if (path.contains("solution")) {
            return "Explanation";
        }
        if (path.contains("difficulty")) {
            return "Difficulty";
        }
        return "Question";
    }

    /**
     * The question as a topic holds it: the explanation as the solution's step, and {@code credit}
     * (who suggested it, by name) as its last step, which every front end shows on reveal and which a
     * download and re-upload of the topic keep.
     */
    public Question question(QuestionRef ref, String credit) {
        List<Option> lettered = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            lettered.add(new Option(String.valueOf((char) ('A' + i)), options.get(i)));
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Why", explanation));
        if (!credit.isBlank()) {
            steps.add(new Step(credit, ""));
        }
        String right = options.get(answer.charAt(0) - 'A');
        return new Question(ref, difficulty, prompt, new QuestionType.Choice(lettered, answer), List.of(), 3,
                new Solution(steps, right, ""), List.of());
    }

    /** The form's fields for this question, to open the form again pre-filled. */
    public Typed typed() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            lines.append(i == 0 ? "" : "\n").append(options.get(i));
        }
        return new Typed(prompt, lines.toString(), answer, explanation, difficulty.label());
    }

    public SuggestedQuestion withDifficulty(Difficulty chosen) {
        return new SuggestedQuestion(prompt, options, answer, explanation, chosen);
    }

    /** As stored: a small JSON object of the form's fields. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("prompt", prompt);
        options.forEach(node.putArray("options")::add);
        node.put("answer", answer);
        node.put("explanation", explanation);
        node.put("difficulty", difficulty.label());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a suggestion always serialises", e);
        }
    }

    public static SuggestedQuestion fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> options = new ArrayList<>();
            node.path("options").forEach(o -> options.add(o.asText()));
            return new SuggestedQuestion(node.path("prompt").asText(), options, node.path("answer").asText(),
                    node.path("explanation").asText(),
                    Difficulty.parse(node.path("difficulty").asText()).orElse(Difficulty.MEDIUM));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored suggestion: " + e.getOriginalMessage(), e);
        }
    }
}
