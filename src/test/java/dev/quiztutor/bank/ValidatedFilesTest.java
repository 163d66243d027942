package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `quiztutor validate` of files unchanged since they were found valid: the same verdict, without reading them again. */
class ValidatedFilesTest {
    @TempDir
    Path dir;

    private Path quizzes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("quizzes"));
        for (String name : List.of("mlops-maturity-levels.json", "model-monitoring-drift.json")) {
            Files.copy(Path.of("quizzes", name), folder.resolve(name));
        }
        return folder;
    }

    @Test
    void unchangedValidFilesGetTheSameSummaryFromTheRecord() throws Exception {
        Path folder = quizzes();
        ValidatedFiles record = new ValidatedFiles(dir.resolve("cache/validated.txt"), "build 1");
        ValidatedFiles.Summary first = record.validate(List.of(folder));
        ValidatedFiles.Summary loaded = ValidatedFiles.Summary.of(BankLoader.load(folder));
        assertEquals(loaded, first);
        assertEquals(2, record.read().size(), "both valid files recorded");
        assertEquals(loaded, record.validate(List.of(folder)), "answered from the record: the same summary");
    }

    @Test
    void aChangedFileIsCheckedAgainAndItsProblemsReported() throws Exception {
        Path folder = quizzes();
        ValidatedFiles record = new ValidatedFiles(dir.resolve("cache/validated.txt"), "build 1");
        record.validate(List.of(folder));
        Path file = folder.resolve("mlops-maturity-levels.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"difficulty\": \"[a-z]+\"", "\"difficulty\": \"extreme\""));
        ValidatedFiles.Summary after = record.validate(List.of(folder));
        assertEquals(1, after.invalidFiles());
        assertEquals(ValidatedFiles.Summary.of(BankLoader.load(folder)), after);
    }

    @Test
    void anotherBuildDoesNotTrustTheRecord() throws Exception {
        Path folder = quizzes();
        Path cache = dir.resolve("cache/validated.txt");
        new ValidatedFiles(cache, "build 1").validate(List.of(folder));
        assertEquals(0, new ValidatedFiles(cache, "build 2").read().size());
    }

    @Test
    void twoFilesWithTheSameTopicIdAreStillReported() throws Exception {
        Path folder = quizzes();
        ValidatedFiles record = new ValidatedFiles(dir.resolve("cache/validated.txt"), "build 1");
        record.validate(List.of(folder));
        Files.copy(folder.resolve("mlops-maturity-levels.json"), folder.resolve("zz-copy.json"));
        ValidatedFiles.Summary after = record.validate(List.of(folder));
        assertEquals(1, after.problems().size(), after.problems().toString());
        assertTrue(after.problems().get(0).toString().contains("already used"));
    }

    @Test
    void checkingWithoutKeepingTheTopicsReportsWhatLoadingReports() throws Exception {
        Path folder = quizzes();
        Files.copy(folder.resolve("mlops-maturity-levels.json"), folder.resolve("zz-copy.json"));
        Files.copy(dev.quiztutor.Fixtures.BROKEN.resolve("bad-answer-letter.json"), folder.resolve("b-bad.json"));
        Files.writeString(folder.resolve("notes.txt"), "not a quiz");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<Path> paths = List.of(folder, empty, dir.resolve("missing.json"),
                dev.quiztutor.Fixtures.BROKEN.resolve("wrong-types.json"));
        ValidatedFiles.Summary loaded = ValidatedFiles.Summary.of(BankLoader.load(paths));
        assertEquals(loaded, ValidatedFiles.Summary.of(BankLoader.check(paths)));
        assertEquals(2, loaded.topics());
        assertEquals(7, loaded.files(), "four quiz files of the folder, the empty folder, the missing file, one more");
        assertEquals(5, loaded.invalidFiles(), loaded.problems().toString());
    }
}
