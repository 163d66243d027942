package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.stats.RecordedAttempt;
import dev.quiztutor.tutor.stats.Thresholds;
import dev.quiztutor.tutor.stats.TopicStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** /stats's embed and alt text stay within Discord's limits however many questions are flagged. */
class StatsViewTest {
    @Test
    void manyFlaggedQuestionsFitTheEmbedAndTheAltTextFitsTheAttachmentDescription() {
        // 200 questions with long ids, each answered right at once 6 times: every one is too easy.
        List<Question> questions = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> Fixtures.choice("a-rather-long-question-identifier-number-" + i, Difficulty.EASY, "A")).toList();
        Topic topic = Fixtures.topic("t", questions);
        List<RecordedAttempt> attempts = new ArrayList<>();
        Response right = new Response.Letters(List.of("A"));
        for (Question q : questions) {
            for (int i = 0; i < 6; i++) {
                attempts.add(new RecordedAttempt(q.ref(), Optional.empty(),
                        List.of(new AttemptEvent.Answered(Instant.EPOCH, right, Grade.of(q, right)))));
            }
        }
        TopicStats stats = TopicStats.of(topic, attempts, ScoringPolicy.DEFAULT, Thresholds.DEFAULT);
        assertEquals(200, stats.flagged().size());

        MessageEmbed embed = StatsFeature.embed(stats, true);
        assertTrue(embed.isSendable(), "within Discord's embed limits: " + embed.getLength());
        assertTrue(embed.getDescription().contains("… and 185 more in the CSV."), embed.getDescription());
        String alt = StatsFeature.altText(stats);
        assertTrue(alt.length() <= 1024, "an attachment's description holds 1024 characters: " + alt.length());
        assertTrue(alt.startsWith("Bar chart of facility and discrimination per question of Topic t. "
                + "a-rather-long-question-identifier-number-1: facility 1.00, discrimination too few (0 of 5)."), alt);
    }

    @Test
    void withoutEnoughAttemptsTheEmbedSaysSoAndShowsNoChart() {
        TopicStats none = TopicStats.of(Fixtures.topic("t", List.of(Fixtures.choice("A"))), List.of(),
                ScoringPolicy.DEFAULT, Thresholds.DEFAULT);
        MessageEmbed embed = StatsFeature.embed(none, false);
        assertTrue(embed.getDescription().contains("Too few attempts to say anything yet: a question needs 5"),
                embed.getDescription());
        assertEquals(null, embed.getImage());
    }
}
