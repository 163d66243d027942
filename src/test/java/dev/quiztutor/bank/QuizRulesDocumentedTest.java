package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiztutor.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The limits an author reads (the authoring guide, the schema's checks in their editor) are the ones
 * the code enforces, and the main README points to the guide instead of restating them, so that
 * changing a limit in {@link DisplayLimits} fails here until the documents say the same.
 */
class QuizRulesDocumentedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Fixtures.SHIPPED.resolve("quiz.schema.json").toFile());
    }

    private static String guide() throws IOException {
        return Files.readString(Fixtures.SHIPPED.resolve("README.md"));
    }

    /** The row of a field in one of the guide's tables: "| `options` | yes | ... |". */
    private static String guideRow(String field) throws IOException {
        return guide().lines().filter(l -> l.startsWith("| `" + field + "` |")).findFirst().orElseThrow();
    }

    /** "4,096" as the documents write numbers. */
    private static String written(int number) {
        return String.format(java.util.Locale.ROOT, "%,d", number);
    }

    @Test
    void theSchemaHasTheCodesLimits() throws IOException {
        JsonNode defs = schema().get("$defs");
        JsonNode question = defs.get("question");
        JsonNode choice = question.get("oneOf").get(0).get("properties");
        JsonNode blanks = question.get("oneOf").get(1).get("properties");
        Pattern strayMarker = Pattern.compile(blanks.at("/code/allOf/1/not/pattern").asText());
        assertAll(
                () -> assertEquals(DisplayLimits.SELECT_OPTIONS, question.at("/properties/options/maxProperties").asInt()),
                () -> assertEquals(DisplayLimits.CHOICE_BUTTONS, choice.at("/options/maxProperties").asInt()),
                () -> assertEquals(DisplayLimits.SELECT_OPTION_LABEL - "A. ".length(),
                        question.at("/properties/options/additionalProperties/maxLength").asInt()),
                () -> assertEquals(DisplayLimits.BUTTON_LABEL - "A. ".length(),
                        choice.at("/options/additionalProperties/maxLength").asInt()),
                () -> assertEquals(DisplayLimits.BLANKS, blanks.at("/answer/maxItems").asInt()),
                () -> assertTrue(strayMarker.matcher("x = [" + (DisplayLimits.BLANKS + 1) + "]").find(), "one blank too many"),
                () -> assertFalse(strayMarker.matcher("x = [" + DisplayLimits.BLANKS + "]").find(), "the last blank"),
                () -> assertEquals(DisplayLimits.ID, defs.at("/id/maxLength").asInt()),
                () -> assertEquals(DisplayLimits.CHOICE_NAME, schema().at("/properties/title/maxLength").asInt()),
                () -> assertEquals(TopicReader.MAX_ATTEMPTS, question.at("/properties/attempts/maximum").asInt()),
                () -> assertEquals(TopicReader.DEFAULT_ATTEMPTS, question.at("/properties/attempts/default").asInt()));
    }

    @Test
    void theGuideHasTheCodesLimits() throws IOException {
        String options = guideRow("options");
        String limits = guide().substring(guide().indexOf("## Discord's limits"), guide().indexOf("## Rules only"));
        assertAll(
                () -> assertTrue(options.contains("Choice: 2-" + DisplayLimits.CHOICE_BUTTONS + " options, each up to "
                        + (DisplayLimits.BUTTON_LABEL - 3) + " characters"), options),
                () -> assertTrue(options.contains("Blanks: 2-" + DisplayLimits.SELECT_OPTIONS + " options, each up to "
                        + (DisplayLimits.SELECT_OPTION_LABEL - 3)), options),
                () -> assertTrue(guideRow("answer").contains("1-" + DisplayLimits.BLANKS + " capital letters")),
                () -> assertTrue(guideRow("attempts").contains("1-" + TopicReader.MAX_ATTEMPTS + ". Default "
                        + TopicReader.DEFAULT_ATTEMPTS)),
                () -> assertTrue(guideRow("id").contains("at most " + DisplayLimits.ID + " characters")),
                () -> assertTrue(limits.contains("at most **" + DisplayLimits.CHOICE_BUTTONS + "** options")),
                () -> assertTrue(limits.contains("has at most **" + DisplayLimits.SELECT_OPTIONS + "**")),
                () -> assertTrue(limits.contains(DisplayLimits.BUTTON_LABEL + "-character label")),
                () -> assertTrue(limits.contains("At most " + DisplayLimits.BLANKS + " blanks")),
                () -> assertTrue(limits.contains("at most " + DisplayLimits.ID + " characters")),
                () -> assertTrue(limits.contains(written(DisplayLimits.EMBED_DESCRIPTION) + " characters")),
                () -> assertTrue(limits.contains("at most " + written(DisplayLimits.QUESTION_POST))),
                () -> assertTrue(limits.contains("at most " + written(DisplayLimits.SOLUTION))),
                () -> assertTrue(limits.contains("at most " + written(DisplayLimits.EMBED_DESCRIPTION - 100))),
                () -> assertTrue(limits.contains("at most " + written(DisplayLimits.EMBEDS_TOTAL - 500))));
    }

    /** The main README links to the guide's rules; a number restated there would drift. */
    @Test
    void theReadmeLinksToTheGuideInsteadOfRestatingLimits() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String writing = readme.substring(readme.indexOf("## Writing quizzes"), readme.indexOf("## Running the bot"));
        assertTrue(writing.contains("(quizzes/README.md#discords-limits)"), writing);
        assertTrue(writing.contains("(quizzes/README.md#rules-only-validate-checks)"), writing);
        for (int limit : List.of(DisplayLimits.SELECT_OPTIONS, DisplayLimits.CHOICE_BUTTONS, DisplayLimits.BUTTON_LABEL,
                DisplayLimits.SELECT_OPTION_LABEL, DisplayLimits.ID, DisplayLimits.BLANKS, DisplayLimits.EMBED_DESCRIPTION)) {
            assertFalse(Pattern.compile("\\b" + written(limit) + "\\b").matcher(writing).find(),
                    "the README restates " + limit + ": link to the guide instead");
        }
        assertTrue(guide().contains("(../README.md#scoring)"), "the guide links to the one statement of scoring");
        assertFalse(guide().contains("1/3"), "the guide restates a scoring default");
    }
}
