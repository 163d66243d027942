package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopicWriterTest {
    @Test
    void everyShippedTopicReadsBackAsItWasWritten() {
        for (Topic topic : Fixtures.shippedBank().topics()) {
            String written = TopicWriter.write(topic, "./quiz.schema.json");
            TopicReader.Result again = TopicReader.read(Path.of(topic.id() + ".json"), written);
            assertEquals(java.util.List.of(), again.problems(), written);
            Topic read = again.topic().orElseThrow();
            assertEquals(topic.questions(), read.questions(), topic.id());
            assertEquals(topic.lesson(), read.lesson(), topic.id());
            assertEquals(topic.title(), read.title());
            assertEquals(topic.summary(), read.summary());
            assertEquals(topic.minutes(), read.minutes());
            assertTrue(written.startsWith("{\n  \"$schema\": \"./quiz.schema.json\",\n  \"id\""), written.substring(0, 80));
        }
    }
}
