package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Discord cannot show: a question that does not fit is skipped and named with the limit it
 * breaks, one just inside the limit is imported, and what is written loads ({@link Imported} checks).
 */
class ImportLimitsTest {
    @TempDir
    Path dir;

    private Imported gift(String text) throws IOException {
        Path file = dir.resolve("limits.gift");
        Files.writeString(file, text);
        return Imported.run(dir.resolve("out"), file);
    }

    private String skipped(int line, String name, String why) {
        return dir.resolve("limits.gift") + ":" + line + ": " + name + ": " + why + "; skipped";
    }

    @Test
    void aChoiceOptionIsAButtonLabelOfAtMost80Characters() throws IOException {
        String fits = "f".repeat(77);
        String tooLong = "t".repeat(78);
        Imported run = gift("::Fits::Pick.{=" + fits + " ~short}\n\n::Too long::Pick.{=short ~" + tooLong + "}\n");
        assertEquals(List.of(skipped(3, "Too long", "option B: is 81 characters as a button label \"B. ...\"; Discord"
                + " allows 80: shorten it to 77 characters")), run.notices());
        assertEquals(fits, run.question("fits").get("options").get("A").asText());
        assertEquals(Importer.SOME_SKIPPED, run.outcome().exit());
    }

    @Test
    void multipleResponseAndMatchingEntriesAreSelectOptionsOfAtMost100Characters() throws IOException {
        String fits = "f".repeat(97);
        String tooLong = "t".repeat(98);
        Imported run = gift("::Multi fits::Pick.{~%50%" + fits + " ~%50%b ~c}\n\n"
                + "::Multi too long::Pick.{~%50%a ~%50%" + tooLong + " ~c}\n\n"
                + "::Pool too long::Match.{=x -> " + tooLong + " =y -> b}\n");
        assertEquals(List.of(
                skipped(3, "Multi too long", "option B: is 101 characters as a select-menu entry \"B. ...\"; Discord"
                        + " allows 100: shorten it to 97 characters"),
                skipped(5, "Pool too long", "option A: is 101 characters as a select-menu entry \"A. ...\"; Discord"
                        + " allows 100: shorten it to 97 characters")), run.notices());
        assertEquals("multi", run.question("multi-fits").get("type").asText());
    }

    @Test
    void matchingHasAtMostFourItemsOfAtMost100Characters() throws IOException {
        Imported run = gift("::Four::Match.{=a -> 1 =b -> 2 =c -> 3 =d -> 4 = -> 5}\n\n"
                + "::Five::Match.{=a -> 1 =b -> 2 =c -> 3 =d -> 4 =e -> 5}\n\n"
                + "::Long item::Match.{=" + "i".repeat(101) + " -> 1 =b -> 2}\n");
        assertEquals(List.of(
                skipped(3, "Five", "5 items to match; a matching question has at most 4 (one select menu per item and"
                        + " a row of buttons fill a Discord message): split it into questions of 4 items"),
                skipped(5, "Long item", "item 1: is 101 characters; at most 100 are allowed")), run.notices());
        assertEquals(4, run.question("four").get("items").size());
        assertEquals(5, run.question("four").get("options").size());
    }

    @Test
    void aTypedAnswerFitsTheAnswerBox() throws IOException {
        Imported run = gift("::Long answer::Type it.{=" + "w".repeat(201) + "}\n\n::Fits::Type it.{=" + "w".repeat(200) + "}\n");
        assertEquals(List.of(skipped(1, "Long answer", "accepted answer 1: is 201 characters; at most 200 are allowed")),
                run.notices());
        assertEquals(200, run.question("fits").get("accept").get(0).asText().length());
    }

    @Test
    void feedbackAndTheGeneralFeedbackFitTheirReplies() throws IOException {
        Imported run = gift("::Long feedback::Pick.{=a ~b#" + "f".repeat(1001) + "}\n\n"
                + "::Long explanation::Pick.{=a ~b####" + "g".repeat(1010) + "}\n");
        assertEquals(List.of(
                skipped(1, "Long feedback", "the feedback on \"B\": is 1001 characters; at most 1000 are allowed"),
                skipped(3, "Long explanation", "the solution (the answer and the general feedback): is 1034"
                        + " characters; at most 1024 are allowed")), run.notices());
        assertEquals(Importer.NOTHING, run.outcome().exit());
    }

    @Test
    void hintsAfterTheTenthAreDroppedAndReported() throws IOException {
        StringBuilder header = new StringBuilder("id,question,answer");
        StringBuilder row = new StringBuilder("eleven,Is it?,true");
        for (int i = 1; i <= 11; i++) {
            header.append(",hint").append(i == 1 ? "" : i);
            row.append(",Hint ").append(i);
        }
        Path sheet = dir.resolve("hints.csv");
        Files.writeString(sheet, header + "\n" + row + "\n");
        Imported run = Imported.run(dir.resolve("out"), sheet);
        assertEquals(List.of(sheet + ":2: eleven: 1 hint after the first 10 dropped (a question has at most 10)"), run.notices());
        assertEquals(Importer.ALL, run.outcome().exit());
        assertEquals("Hint 10", run.question("eleven").get("hints").get(9).asText());
        assertEquals(10, run.question("eleven").get("hints").size());
    }

    @Test
    void aLongCategoryNameIsCutToATitle() throws IOException {
        String category = "Category " + "c".repeat(120);
        Imported run = gift("$CATEGORY: " + category + "\n\n::Q::Pick.{=a ~b}\n");
        String title = run.topics().values().iterator().next().get("title").asText();
        assertEquals(100, title.length());
        assertEquals(category.substring(0, 99) + "…", title);
    }
}
