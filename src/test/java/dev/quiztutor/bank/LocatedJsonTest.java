package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Positions inside string values, where a blank marker of a task's code is reported. */
class LocatedJsonTest {

    @Test
    void aCharacterOfAStringIsFoundPastEveryKindOfEscape() throws LocatedJson.SyntaxError {
        // In the file, the code escapes a quote, an e-acute, a newline and the bracket of its [0].
        String file = "{\n  \"code\":   \"a\\\"\\u00e9\\n\\u005B0]\",\n  \"list\": [\"xy[0]\"]\n}";
        LocatedJson json = LocatedJson.parse(file);
        assertEquals("a\"é\n[0]", json.root().get("code").asText());
        assertEquals(new LocatedJson.Position(2, 14), json.inString("/code", 0), "just after the opening quote");
        assertEquals(new LocatedJson.Position(2, 25), json.inString("/code", 4), "past \\\", \\u00e9 and \\n");
        assertEquals(new LocatedJson.Position(3, 15), json.inString("/list/0", 2), "an array element has no name");
    }

    @Test
    void columnsCountCharactersNotBytes() throws LocatedJson.SyntaxError {
        String file = "{\"titre\": \"é\", \"n\": 1, \"bad\": true}";
        LocatedJson json = LocatedJson.parse(file);
        assertEquals(new LocatedJson.Position(1, 24), json.at("/bad"), "é is one column, though two bytes");
    }
}
