package dev.quiztutor.bank.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.BankLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What all formats share: ids, formats guessed, files never overwritten, and no input that throws. */
class ImporterTest {
    @TempDir
    Path dir;

    @Test
    void idsAreSlugsOfNamesAtMost32CharactersAndUnique() {
        assertEquals("registry-purpose", Slug.of("Registry purpose"));
        assertEquals("modeles-et-donnees", Slug.of("  Modèles et données! "));
        assertEquals("", Slug.of("日本語"));
        String longName = Slug.of("Which metric tracks how many predictions were right in the end?");
        assertEquals("which-metric-tracks-how-many", longName);
        Set<String> taken = new HashSet<>();
        String base = "a-very-long-question-name-of-32c";
        assertEquals(32, base.length());
        assertEquals(base, Slug.unique(base, taken));
        String second = Slug.unique(base, taken);
        assertEquals("a-very-long-question-name-of-2", second);
        assertTrue(second.length() <= Slug.MAX);
        assertEquals("a-very-long-question-name-of-3", Slug.unique(base, taken));
    }

    @Test
    void theFormatIsGuessedFromTheNameOrTheContent() throws Exception {
        Path gift = dir.resolve("bank.txt");
        Files.writeString(gift, "::Q::Is it GIFT?{T}\n");
        Path xml = dir.resolve("export");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<quiz><question type=\"truefalse\"><name><text>X</text></name>"
                + "<questiontext><text>Is it XML?</text></questiontext><answer fraction=\"100\"><text>true</text></answer>"
                + "</question></quiz>\n");
        Path csv = dir.resolve("sheet.txt");
        Files.writeString(csv, "question,answer\nIs it CSV?,true\n");
        assertEquals("gift", Importer.guess(gift.toString(), Files.readString(gift)).name());
        assertEquals("moodle-xml", Importer.guess(xml.toString(), Files.readString(xml)).name());
        assertEquals("csv", Importer.guess(csv.toString(), Files.readString(csv)).name());
        Importer.Outcome outcome = Importer.run(List.of(gift, xml, csv), Imported.options(dir.resolve("out")));
        assertEquals("imported 3 questions into 3 topics; skipped 0", outcome.summary());
    }

    @Test
    void anUnknownFormatOrUnreadableFileWritesNothing() throws Exception {
        Path prose = dir.resolve("notes.txt");
        Files.writeString(prose, "Just some notes.\n");
        Path notUtf8 = dir.resolve("latin1.csv");
        Files.write(notUtf8, new byte[] {'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '\n', (byte) 0xE9, '\n'});
        Path good = Imported.fixture("gift", "choices-only.gift");
        Importer.Outcome outcome = Importer.run(List.of(good, prose, notUtf8, dir.resolve("missing.gift")),
                Imported.options(dir.resolve("out")));
        assertEquals(Importer.NOTHING, outcome.exit());
        assertEquals(List.of(
                prose + ":1: cannot tell the format from the name or the content; give --format gift, moodle-xml, aiken, csv",
                notUtf8 + ":1: not UTF-8 text; save the file as UTF-8 and import it again"), outcome.errors().subList(0, 2));
        assertTrue(outcome.errors().get(2).startsWith(dir.resolve("missing.gift") + ":1: cannot read the file"));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void anExistingTopicFileIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("out");
        Path file = Imported.fixture("gift", "choices-only.gift");
        assertEquals(Importer.ALL, Importer.run(List.of(file), Imported.options(out)).exit());
        Path written = out.resolve("choices-only.json");
        Files.writeString(written, Files.readString(written) + " ");
        String before = Files.readString(written);
        Importer.Outcome again = Importer.run(List.of(file), Imported.options(out));
        assertEquals(Importer.NOTHING, again.exit());
        assertTrue(again.errors().get(0).startsWith(written + " already exists; not overwritten"), again.errors().toString());
        assertEquals(before, Files.readString(written));
    }

    @Test
    void aFileWithNothingImportableWritesNothing() throws Exception {
        Path essays = dir.resolve("essays.gift");
        Files.writeString(essays, "::E1::How are you?{}\n\n::D::Just a description.\n");
        Importer.Outcome outcome = Importer.run(List.of(essays), Imported.options(dir.resolve("out")));
        assertEquals(Importer.NOTHING, outcome.exit());
        assertEquals("imported 0 questions into 0 topics; skipped 2", outcome.summary());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void moreOptionsThanLettersIsSkipped() throws Exception {
        StringBuilder gift = new StringBuilder("::Many::Pick the first.{=o0");
        for (int i = 1; i < 27; i++) {
            gift.append(" ~o").append(i);
        }
        Path file = dir.resolve("many.gift");
        Files.writeString(file, gift.append("}\n\n::Few::Pick one.{=a ~b}\n").toString());
        Importer.Outcome outcome = Importer.run(List.of(file), Imported.options(dir.resolve("out")));
        assertEquals(List.of(file + ":1: Many: 27 options; options are lettered A to Z; skipped"),
                outcome.notices().stream().map(Notice::toString).toList());
        assertEquals(Importer.SOME_SKIPPED, outcome.exit());
    }

    @Test
    void aQuestionTheBankRefusesIsSkippedInItsPlaceAmongTheOtherNotices() throws Exception {
        // The questions are checked together once the file is read; a skip found then must still come
        // before the notices of the questions after it, as an author reads the file.
        Path file = dir.resolve("mixed.gift");
        Files.writeString(file, "::Long::" + "Why is that so? ".repeat(300) + "{=yes ~no}\n\n"
                + "::Pet::Name the pet.{=Dog =%50%Cat}\n\n::Fine::Pick one.{=a ~b}\n");
        Importer.Outcome outcome = Importer.run(List.of(file), Imported.options(dir.resolve("out")));
        List<String> notices = outcome.notices().stream().map(Notice::toString).toList();
        assertEquals(2, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith(file + ":1: Long: ") && notices.get(0).endsWith("; skipped"),
                notices.toString());
        assertEquals(file + ":3: Pet: partial credit is not supported; \"Cat\" counts as wrong", notices.get(1));
        assertEquals(Importer.SOME_SKIPPED, outcome.exit());
        assertEquals(2, outcome.imported());
    }

    @Test
    void theWrittenFileStartsWithSchemaAndKeepsTheReadmesFieldOrder() throws Exception {
        Path out = dir.resolve("out");
        Importer.run(List.of(Imported.fixture("moodlexml", "moodle-export.xml")), Imported.options(out));
        String text = Files.readString(out.resolve("multichoice.json"));
        assertTrue(text.startsWith("{\n  \"$schema\": \""), text);
        List<String> order = List.of("\"id\": \"multiple-choice-question\"", "\"type\": \"multi\"", "\"difficulty\"",
                "\"prompt\"", "\"options\"", "\"answer\"", "\"hints\"", "\"solution\"");
        int at = text.indexOf("\"id\": \"multiple-choice-question\"");
        for (String field : order) {
            int next = text.indexOf(field, at);
            assertTrue(next >= at, field + " after the previous field");
            at = next;
        }
    }

    /**
     * Every fixture of every format, mutated: random bytes, cuts, and structure characters in odd
     * places. Nothing throws, and whatever still imports loads in the bank.
     */
    @Test
    void noInputHoweverBrokenThrows() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Imported.FIXTURES)) {
            fixtures = files.filter(Files::isRegularFile).sorted().toList();
        }
        Random random = new Random(11);
        byte[] special = "{}=~#:\\<>\"&;%->\n\r,.)ABCDT[]/$!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int runs = 0;
        int topics = 0;
        for (Path fixture : fixtures) {
            byte[] original = Files.readAllBytes(fixture);
            List<byte[]> inputs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] cut = java.util.Arrays.copyOf(original, random.nextInt(original.length + 1));
                inputs.add(cut);
                byte[] flipped = original.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    int at = random.nextInt(flipped.length);
                    flipped[at] = random.nextBoolean() ? (byte) random.nextInt(256) : special[random.nextInt(special.length)];
                }
                inputs.add(flipped);
            }
            byte[] noise = new byte[200];
            random.nextBytes(noise);
            inputs.add(noise);
            for (byte[] input : inputs) {
                for (Optional<String> format : List.of(Optional.<String>empty(), Optional.of("gift"), Optional.of("moodle-xml"),
                        Optional.of("aiken"), Optional.of("csv"))) {
                    runs++;
                    try {
                        Batch batch = Importer.read(fixture.getFileName().toString(), input, format);
                        Importer.Options options = Imported.options(dir);
                        for (DraftWriter.Topic topic : Importer.topics(List.of(batch), options)) {
                            Path file = Path.of(topic.id() + ".json");
                            assertEquals(List.of(), BankLoader.check(file, DraftWriter.write(topic, "./quiz.schema.json")),
                                    "what is imported loads");
                            topics++;
                        }
                    } catch (FormatException expected) {
                        // unreadable as a whole: reported with a line, never thrown further
                    } catch (RuntimeException | AssertionError e) {
                        throw new AssertionError(fixture + " as " + format + " failed on: "
                                + new String(input, java.nio.charset.StandardCharsets.UTF_8), e);
                    }
                }
            }
        }
        assertTrue(runs > 2000, "ran " + runs);
        assertTrue(topics > 300, "checked " + topics + " imported topics");
    }
}
