package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.chart.StatsChart;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionOption;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import dev.quiztutor.tutor.stats.StatsCsv;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /stats through the real JDA against the fake Discord: a moderator sees the flagged questions with the
 * chart and the CSV attached, privately; a member who is not one is refused, and does not even see the
 * command by default.
 */
class DiscordStatsTest {
    @Test
    void aModeratorSeesTheFlaggedQuestionWithTheChartAndTheTableAndOthersAreRefused(@TempDir Path dir) throws Exception {
        try (BotHarness bot = new BotHarness(dir)) {
            FakeDiscord discord = bot.discord;
            JsonNode command = discord.awaitCommand(StatsFeature.NAME, WAIT);
            assertEquals(Long.toString(Permission.MANAGE_SERVER.getRawValue()),
                    command.path("default_member_permissions").asText(), "hidden from members by default");
            FakeGuild home = discord.guild();
            FakeChannel general = home.textChannel("general");
            Topic topic = bot.bank().topics().get(0);
            Question question = topic.questions().stream().filter(q -> q.kind() == QuestionKind.CHOICE).findFirst()
                    .orElseThrow();
            String right = ((QuestionType.Choice) question.type()).answer();
            String wrong = right.equals("A") ? "B" : "A";
            // Six members in this server answer it right at once, one wrong first: 7 attempts, 6 right on the
            // first try (0.857), facility (6 + 2/3) / 7 = 0.952 > 0.9, too easy. Another server's wrong
            // answer is not this server's figure.
            Tutor tutor = new Tutor(bot.bank(), new LiveAttempts(bot.storage().journal(), LiveAttempts.Settings.DEFAULT),
                    new InMemoryHistory(), ScoringPolicy.DEFAULT, java.time.Clock.systemUTC(),
                    RandomGenerator.of("L64X128MixRandom"));
            Place post = new Place(home.id(), 424242);
            for (long user = 1; user <= 6; user++) {
                tutor.answer(post, user, question, Response.of(right));
            }
            tutor.answer(post, 7, question, Response.of(wrong));
            tutor.answer(post, 7, question, Response.of(right));
            tutor.answer(new Place(home.id() + 1, 1), 8, question, Response.of(wrong));

            FakeUser mod = discord.user("mod");
            home.member(mod).addRole(home.createRole("Stats keepers", Permission.MANAGE_SERVER.getRawValue()));
            FakeMessage shown = discord.slashCommand(mod, general, StatsFeature.NAME,
                    InteractionOption.string("topic", topic.id())).awaitResponseMessage(WAIT);
            assertTrue(shown.isEphemeral(), "only the moderator sees it");
            JsonNode embed = shown.embeds().get(0);
            assertEquals("Question statistics: " + topic.title(), embed.path("title").asText());
            String description = embed.path("description").asText();
            assertTrue(description.startsWith("7 attempts in this server, 0 topic tests."), description);
            assertTrue(description.contains("• `" + question.id() + "` too easy (facility 0.95 over 7 attempts)"), description);
            assertEquals("attachment://" + StatsFeature.chartName(topic.id()), embed.path("image").path("url").asText());

            String csv = new String(attachment(discord, shown, StatsFeature.csvName(topic.id())), StandardCharsets.UTF_8);
            List<String> rows = List.of(csv.split("\r\n"));
            assertEquals(String.join(",", StatsCsv.HEADER), rows.get(0));
            assertEquals(1 + topic.questions().size(), rows.size());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(question.id() + ",")
                    && r.contains(",7,6,0.857,0.952,0,,") && r.contains(",too easy,")), csv);
            byte[] png = attachment(discord, shown, StatsFeature.chartName(topic.id()));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(StatsChart.WIDTH, image.getWidth());
            assertEquals(StatsChart.HEIGHT, image.getHeight());

            FakeUser member = discord.user("member");
            home.member(member);
            FakeMessage refused = discord.slashCommand(member, general, StatsFeature.NAME,
                    InteractionOption.string("topic", topic.id())).awaitResponseMessage(WAIT);
            assertTrue(refused.isEphemeral());
            assertTrue(refused.content().startsWith("Only moderators can see question statistics"), refused.content());
            assertEquals(0, refused.json().path("attachments").size());
            assertEquals(0, refused.embeds().size());
            discord.assertNoProtocolViolations();
        }
    }

    static byte[] attachment(FakeDiscord discord, FakeMessage message, String filename) {
        for (JsonNode a : message.json().path("attachments")) {
            if (a.path("filename").asText().equals(filename)) {
                byte[] content = discord.cdn().content(a.path("url").asText());
                assertNotNull(content, "the fake's CDN hosts what the bot sent");
                return content;
            }
        }
        throw new AssertionError("no " + filename + " on " + message.json());
    }
}
