package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.quiztutor.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema authors' editors use agrees with {@code validate}: a file one rejects, the other
 * rejects too, except for the rules in {@link #VALIDATOR_ONLY}, which a JSON Schema cannot express
 * (quizzes/README.md lists them as the rules only {@code validate} checks). Checked on every broken
 * file and on every single mutation of the shipped topic.
 */
class QuizSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    /** A rule only the validator checks: the words of its problems, and why the schema cannot. */
    record ValidatorOnly(Pattern says, String why) {
        ValidatorOnly(String says, String why) {
            this(Pattern.compile(says), why);
        }

        boolean covers(Problem problem) {
            return says.matcher(problem.message()).find();
        }
    }

    static final List<ValidatorOnly> VALIDATOR_ONLY = List.of(
            new ValidatorOnly("is not an option of this ",
                    "an answer letter must be a key of options: a schema cannot compare a value with another field's keys"),
            new ValidatorOnly("has no answer: |has no blank: ",
                    "one answer letter per blank: the length of answer depends on the markers in code"),
            new ValidatorOnly("no question '.*' in this topic",
                    "lesson.quiz names questions of the same file: a schema cannot look a value up elsewhere"),
            new ValidatorOnly("duplicate question id",
                    "uniqueItems compares whole questions, not one field of each"),
            new ValidatorOnly("but the table has \\d+ columns",
                    "a row has one cell per column: the count depends on another field"),
            new ValidatorOnly("options are lettered A, B, C\\.\\.\\. in order",
                    "a schema sees an object's members unordered; a missing letter it does catch (dependentRequired)"),
            new ValidatorOnly("appears twice in the same object",
                    "a parsed document keeps one of the two members: the schema never sees the other"),
            new ValidatorOnly("names lesson material but this topic has no lesson|the lesson has no table titled"
                    + "|names the lesson's sample but the lesson has none|tables titled",
                    "a question's material names a part of the lesson, elsewhere in the file"),
            new ValidatorOnly("rows of components on its lesson quiz page",
                    "a lesson quiz page's rows depend on the named question's options and hints, in another part of the file"),
            new ValidatorOnly("a Discord embed holds|one Discord message holds|must fit one Discord embed",
                    "a rendered size adds up several fields (prompt, code and options; a lesson page; a solution)"));

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.SHIPPED.resolve("quiz.schema.json"))) {
            // errorMessage is VS Code's message for a failed rule: an annotation, not a check.
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new AnnotationKeyword("errorMessage")).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, factory -> factory.metaSchema(meta))
                    .getSchema(in);
        }
    }

    /** What the schema says of a file; a file that is not JSON at all fails before any schema (editors say so). */
    private static Set<ValidationMessage> check(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || json.isMissingNode()) {
                return Set.of(ValidationMessage.builder().message("empty").build());
            }
            return schema.validate(json);
        } catch (IOException e) {
            return Set.of(ValidationMessage.builder().message("not JSON: " + e.getMessage()).build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quizzes/mlops-maturity-levels.json", "src/test/resources/quizzes-foreign/git-basics.json"})
    void validFilesPassTheSchema(String file) throws IOException {
        assertEquals(Set.of(), check(Path.of(file)));
    }

    static Stream<String> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.BROKEN)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileFailsTheSchemaUnlessOnlyValidateCanSee(String name) {
        Path file = Fixtures.BROKEN.resolve(name);
        List<Problem> problems = BankLoader.load(file).problems();
        assertFalse(problems.isEmpty(), name + " is valid");
        if (check(file).isEmpty()) {
            List<Problem> unlisted = problems.stream().filter(p -> VALIDATOR_ONLY.stream().noneMatch(r -> r.covers(p))).toList();
            assertEquals(List.of(), unlisted, name + " passes the schema, but these rules are not validator-only");
        }
    }

    /** Each validator-only rule is shown by a broken file that the schema lets through, so the list cannot go stale. */
    @Test
    void everyValidatorOnlyRuleIsOneTheSchemaMisses() throws IOException {
        List<Problem> missedBySchema = brokenFiles().map(Fixtures.BROKEN::resolve).filter(f -> check(f).isEmpty())
                .flatMap(f -> BankLoader.load(f).problems().stream()).toList();
        for (ValidatorOnly rule : VALIDATOR_ONLY) {
            assertTrue(missedBySchema.stream().anyMatch(rule::covers), "no broken file shows: " + rule);
        }
    }

    @Test
    void everyMutationOfTheShippedTopicGetsTheSameVerdict() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int[] mutations = {0};
        Path file = Path.of("mutated.json");
        MutatedQuizFilesTest.forEachMutant((change, mutated) -> {
            mutations[0]++;
            String text;
            try {
                text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mutated);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<Problem> problems = TopicReader.read(file, text).problems();
            // Yes or no is all the verdict needs, and much cheaper than collecting every message.
            boolean schemaAccepts = schema.validate(mutated, OutputFormat.BOOLEAN);
            if (problems.isEmpty() && !schemaAccepts) {
                disagreements.add(change + ": the schema rejects it (" + schema.validate(mutated) + "), validate accepts it");
            }
            if (!problems.isEmpty() && schemaAccepts
                    && !problems.stream().allMatch(p -> VALIDATOR_ONLY.stream().anyMatch(r -> r.covers(p)))) {
                disagreements.add(change + ": validate rejects it (" + problems + "), the schema accepts it");
            }
        });
        assertTrue(mutations[0] > 2000, "mutations: " + mutations[0]);
        assertEquals(List.of(), disagreements.stream().limit(20).toList(),
                disagreements.size() + " of " + mutations[0] + " mutations get different verdicts");
    }
}
