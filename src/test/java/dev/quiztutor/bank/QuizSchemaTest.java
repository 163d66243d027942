package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.quiztutor.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema authors' editors use must agree with the validator: it accepts the shipped and the
 * foreign banks and rejects the structural mistakes the validator reports.
 */
class QuizSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.SHIPPED.resolve("quiz.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> check(Path file) throws IOException {
        JsonNode json = JSON.readTree(file.toFile());
        return schema.validate(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quizzes/mlops-maturity-levels.json", "src/test/resources/quizzes-foreign/git-basics.json"})
    void validFilesPassTheSchema(String file) throws IOException {
        assertEquals(Set.of(), check(Path.of(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-field.json", "missing-required.json", "bad-difficulty.json", "long-id.json",
            "long-button-label.json", "wrong-types.json", "too-many-options.json", "too-many-blanks.json"})
    void structuralMistakesFailTheSchemaToo(String file) throws IOException {
        assertFalse(check(Fixtures.BROKEN.resolve(file)).isEmpty(), file + " passes the schema");
    }
}
