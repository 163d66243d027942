package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadTest {
    @Test
    void aFileNestedBeyondTheBoundIsAProblemWithItsPlaceNotADeepParse() {
        String deep = "{\"id\": \"deep\", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";
        Upload.Invalid invalid = assertInstanceOf(Upload.Invalid.class,
                Upload.read("deep.json", deep.getBytes(StandardCharsets.UTF_8)));
        assertTrue(invalid.problems().get(0).matches("deep\\.json:1:\\d+: .*[Nn]esting.*"), invalid.problems().toString());
    }

    @Test
    void anUploadedNameOnlyLabelsProblemsAndIsNeverAPath() {
        assertEquals(".._etc_passwd.json".replaceAll("^\\.+", ""), Upload.safeName("../etc/passwd.json"));
        assertEquals("upload", Upload.safeName(""));
        Upload.Invalid invalid = assertInstanceOf(Upload.Invalid.class,
                Upload.read("../x.json", "{".getBytes(StandardCharsets.UTF_8)));
        assertTrue(invalid.problems().get(0).startsWith("_x.json:"), invalid.problems().toString());
    }
}
