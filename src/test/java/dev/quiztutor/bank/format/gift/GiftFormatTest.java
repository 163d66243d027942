package dev.quiztutor.bank.format.gift;

import static dev.quiztutor.bank.format.Imported.fixture;
import static dev.quiztutor.bank.format.Imported.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Imported;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIFT files: Moodle's own fixtures (question/format/gift/tests/fixtures), asserting what Moodle's
 * giftformat_test.php asserts where our format holds it, and our own files for the rest.
 */
class GiftFormatTest {
    @TempDir
    Path dir;

    private Imported moodle() {
        return Imported.run(dir.resolve("out"), fixture("gift", "moodle-questions.gift.txt"));
    }

    @Test
    void moodlesFixtureImportsEverythingButTheEssay() {
        Imported run = moodle();
        assertEquals(Importer.SOME_SKIPPED, run.outcome().exit());
        assertEquals("imported 8 questions into 1 topic; skipped 1", run.outcome().summary());
        assertTrue(run.notices().contains(fixture("gift", "moodle-questions.gift.txt")
                + ":2: Q8: an essay question (no answer to grade); skipped"), run.notices().toString());
    }

    @Test
    void matchingKeepsItemsAnswersAndTheExtraAnswer() {
        // test_import_match: four subquestions, the fifth "= -> Chat" is only an answer.
        JsonNode q = moodle().question("moodle-activities");
        assertEquals("matching", q.get("type").asText());
        assertEquals("Match the **activity** to the description.", q.get("prompt").asText());
        assertEquals("[\"An activity supporting asynchronous discussions.\","
                + "\"A teacher asks a question and specifies a choice of multiple responses.\","
                + "\"A bank of record entries which participants can add to.\","
                + "\"A collection of web pages that anyone can add to or edit.\"]", json(q.get("items")));
        assertEquals("{\"A\":\"Forum\",\"B\":\"Choice\",\"C\":\"Database\",\"D\":\"Wiki\",\"E\":\"Chat\"}", json(q.get("options")));
        assertEquals("[\"A\",\"B\",\"C\",\"D\"]", json(q.get("answer")));
    }

    @Test
    void multipleChoiceKeepsEachOptionsFeedback() {
        // test_import_multichoice: fractions 1, 0, 0 and a feedback per answer, [html] and [plain] read.
        JsonNode q = moodle().question("q2");
        assertEquals("choice", q.get("type").asText());
        assertEquals("What's between orange and green in the spectrum?", q.get("prompt").asText());
        assertEquals("{\"A\":\"yellow\",\"B\":\"red\",\"C\":\"blue\"}", json(q.get("options")));
        assertEquals("A", q.get("answer").asText());
        assertEquals("{\"A\":\"right; good!\",\"B\":\"wrong, it's yellow\",\"C\":\"wrong, it's yellow\"}",
                json(q.get("feedback")));
        assertEquals("yellow", q.get("solution").get("answer").asText());
    }

    @Test
    void weightsMakeAMultipleResponseQuestion() {
        // test_import_multichoice_multi: fractions 0.5, -1, 0.5, -1 -> right set {yellow, off-beige}.
        JsonNode q = moodle().question("colours");
        assertEquals("multi", q.get("type").asText());
        assertEquals("{\"A\":\"yellow\",\"B\":\"red\",\"C\":\"off-beige\",\"D\":\"blue\"}", json(q.get("options")));
        assertEquals("[\"A\",\"C\"]", json(q.get("answer")));
        assertEquals("{\"A\":\"right; good!\",\"B\":\"wrong\",\"C\":\"right; good!\",\"D\":\"wrong\"}", json(q.get("feedback")));
    }

    @Test
    void numberWithToleranceAndTheCatchAllReported() {
        // test_import_numerical: answer 3 with tolerance 2; "~#Completely wrong" is any other answer.
        Imported run = moodle();
        JsonNode q = run.question("q5");
        assertEquals("numeric", q.get("type").asText());
        assertEquals("[{\"value\":3,\"tolerance\":2}]", json(q.get("accept")));
        assertTrue(run.notices().stream().anyMatch(n -> n.contains(":31: Q5: the feedback for any other answer")
                && n.contains("Completely wrong")), run.notices().toString());
    }

    @Test
    void shortAnswerAcceptsTheFullMarkAnswerAndKeepsFeedback() {
        // test_import_shortanswer: Frog 100%, Cat 50%, * 0%.
        Imported run = moodle();
        JsonNode q = run.question("shortanswer");
        assertEquals("short", q.get("type").asText());
        assertEquals("[\"Frog\"]", json(q.get("accept")));
        assertEquals("{\"Frog\":\"Good!\",\"Cat\":\"What is it with Moodlers and cats?\"}", json(q.get("feedback")));
        assertTrue(run.notices().contains(fixture("gift", "moodle-questions.gift.txt")
                + ":34: Shortanswer: partial credit is not supported; \"Cat\" counts as wrong"), run.notices().toString());
    }

    @Test
    void trueFalseKeepsBothFeedbacksAndTheGeneralFeedbackBecomesTheSolution() {
        // test_import_truefalse: {FALSE#feedback for true#feedback for false}.
        JsonNode q = moodle().question("q1");
        assertEquals("truefalse", q.get("type").asText());
        assertTrue(q.get("prompt").asText().startsWith("42 is the Absolute Answer to everything."));
        assertEquals(false, q.get("answer").asBoolean(true));
        assertEquals("{\"true\":\"42 is the Ultimate Answer.\",\"false\":\"You gave the right answer.\"}", json(q.get("feedback")));
        assertEquals("False", q.get("solution").get("answer").asText());
        assertTrue(q.get("solution").get("steps").get(0).get("text").asText()
                .contains("This is, of course, a Hitchiker's Guide to the Galaxy reference."));
    }

    @Test
    void tAndTrueAreTrueAndTwoQuestionsWithOneNameGetTwoIds() {
        // test_import_truefalse_true_answer1 and 2: {T} and {TRUE}.
        Imported run = moodle();
        for (String id : List.of("2-08-tsl", "2-08-tsl-2")) {
            JsonNode q = run.question(id);
            assertEquals("TSL is blablabla.", q.get("prompt").asText());
            assertTrue(q.get("answer").asBoolean(false), id);
        }
    }

    @Test
    void moodlesCategoryFixtureMakesATopicOfItsCategory() {
        Imported run = Imported.run(dir.resolve("out"), fixture("gift", "moodle-questions-in-category.gift.txt"));
        assertEquals(Importer.ALL, run.outcome().exit());
        JsonNode topic = run.topic("default-for-new-features");
        assertEquals("Default for New Features", topic.get("title").asText());
        JsonNode greeting = run.question("greeting");
        // \= and \: inside the [html] text are escapes; the link survives as a markdown link.
        assertEquals("[Listen to this greeting:](http://demo.moodle.net/file.php/5/media/bonjour.mp3)\n\n"
                + "What language is being spoken?", greeting.get("prompt").asText());
        assertEquals("B", greeting.get("answer").asText());
        assertEquals("Yes, well done!", greeting.get("feedback").get("B").asText());
        assertEquals("[\"Moodler\"]", json(run.question("moodle-user").get("accept")));
        assertEquals("Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.",
                run.question("moodle-acronym").get("prompt").asText());
    }

    @Test
    void everyFormOfOurOwnFile() {
        Imported run = Imported.run(dir.resolve("out"), fixture("gift", "features.gift"));
        assertEquals(Importer.ALL, run.outcome().exit(), run.notices().toString());
        JsonNode topic = run.topic("modeles-et-donnees");
        assertEquals("Modèles et données", topic.get("title").asText());

        JsonNode registry = run.question("registry-purpose");
        assertEquals("A", registry.get("answer").asText());
        assertEquals("That is a data lake or a feature store.", registry.get("feedback").get("B").asText());
        assertEquals("The right answer is: Model versions and their stages\n\nA registry is the catalogue of trained models.",
                registry.get("solution").get("steps").get(0).get("text").asText());

        assertEquals("A change in the input distribution is called _____ drift.", run.question("drift-kind").get("prompt").asText());

        JsonNode escapes = run.question("escapes");
        assertEquals("Which one is the C comment { } block, with 1 = 1 and #tags: a\nb?", escapes.get("prompt").asText());
        assertEquals("/* ~ = # { } : */", escapes.get("options").get("A").asText());

        JsonNode nameless = run.question("which-metric-tracks-how-many");
        assertEquals("[\"accuracy\",\"acc\"]", json(nameless.get("accept")));
        assertEquals("Loss is minimised, not a rate.", nameless.get("feedback").get("loss").asText());

        JsonNode threshold = run.question("retrain-threshold");
        assertEquals("At what **accuracy** (in %) should retraining start?", threshold.get("prompt").asText());
        assertEquals("[{\"value\":80,\"tolerance\":5}]", json(threshold.get("accept")));
        assertEquals("{\"80\":\"Anywhere between 75 and 85.\",\"70\":\"Too late, but close.\",\"50\":\"Far too late.\"}",
                json(threshold.get("feedback")));

        assertEquals("[{\"min\":1,\"max\":2}]", json(run.question("latency-band").get("accept")));

        JsonNode offline = run.question("offline-means-batch");
        assertEquals("Offline evaluation uses *held-out* data.", offline.get("prompt").asText());
        assertEquals(false, offline.get("answer").asBoolean(true));
        assertEquals("{\"true\":\"It uses held-out data, so it is true.\",\"false\":\"Right, it is false here.\"}",
                json(offline.get("feedback")));

        // A category with no Latin letters keeps its title; its id comes from the file's name.
        JsonNode kanji = run.topic("features");
        assertEquals("日本語 カテゴリ", kanji.get("title").asText());
        assertEquals("The <b> stays literal in plain text.", run.question("kanji").get("prompt").asText());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsReadLikeAnyFile() {
        Imported run = Imported.run(dir.resolve("out"), fixture("gift", "crlf-bom.gift"));
        assertEquals("imported 2 questions into 1 topic; skipped 0", run.outcome().summary());
        JsonNode q = run.question("windows-line-endings");
        assertEquals("Which line ending does Windows use?", q.get("prompt").asText());
        assertEquals("{\"A\":\"CRLF\",\"B\":\"LF\",\"C\":\"CR\"}", json(q.get("options")));
        assertTrue(run.question("second-one").get("answer").asBoolean(false));
    }

    @Test
    void choiceOnlyFile() {
        Imported run = Imported.run(dir.resolve("out"), fixture("gift", "choices-only.gift"));
        assertEquals(Importer.ALL, run.outcome().exit());
        assertEquals("B", run.question("amend").get("answer").asText());
    }
}
