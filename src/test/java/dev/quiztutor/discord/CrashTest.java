package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeChannel;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import dev.quiztutor.discord.fake.RecordedRequest;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Place;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 loses nothing acknowledged: the bot runs as a child process ({@code quiztutor run}) against
 * the fake Discord, members click wrong answers as fast as they can, the process is killed with
 * SIGKILL in the middle, and restarted. Every answer a member was told about is in the store, and no
 * member got a try back.
 */
class CrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * A child JVM needs some 5 s of CPU to reach Discord (class loading, the JIT, migrations, JDA);
     * on a machine loaded twenty times over that is well past a minute of wall time.
     */
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Pattern TRIES_LEFT = Pattern.compile("(\\d) tr(?:y|ies) left");

    @Test
    void aKilledBotLosesNoAcknowledgedAnswerAndGivesNoTryBack(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("quiztutor.db");
        try (FakeDiscord discord = FakeDiscord.start()) {
            Process bot = startBot(discord, database, dir.resolve("bot-1.log"), 1);
            try {
                discord.awaitCommand(SlashCommands.PRACTICE, WAIT);
                FakeChannel channel = discord.channel("practice");
                FakeUser poster = discord.user("poster");
                InteractionHandle posted = discord.slashCommand(poster, channel, "practice");
                posted.awaitCallback(WAIT);
                FakeMessage post = posted.awaitResponseMessage(WAIT);
                Question q = questionOf(post);
                String wrong = new CustomId.Answer(q.ref(), q.answerLetters().get(0).equals("A") ? "B" : "A").encode();

                List<FakeUser> members = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    members.add(discord.user("member" + i));
                }
                // Rounds of clicks from every member; the process dies during the third round.
                List<InteractionHandle> clicks = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (FakeUser member : members) {
                        clicks.add(discord.clickButton(member, post, wrong));
                    }
                    if (round == 1) {
                        for (InteractionHandle click : clicks) {
                            click.awaitCallback(WAIT);
                        }
                    }
                }
                bot.destroyForcibly();
                assertTrue(bot.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, bot.exitValue(), "killed with SIGKILL");

                // What each member was told before the crash: the fewest tries left they saw.
                Map<Long, Integer> told = new HashMap<>();
                int acknowledged = 0;
                for (InteractionHandle click : clicks) {
                    Optional<Callback> callback = click.callback();
                    if (callback.isEmpty() || callback.get().status() >= 300) {
                        continue;
                    }
                    acknowledged++;
                    Optional<String> seen = toldBeforeTheKill(click, callback.get());
                    if (seen.isPresent()) {
                        told.merge(click.user().id(), triesLeft(seen.get()), Math::min);
                    }
                }
                assertTrue(acknowledged >= 80, "the first two rounds were acknowledged: " + acknowledged);
                System.out.println("crash test: " + acknowledged + " of " + clicks.size() + " clicks acknowledged before the kill");

                Place place = new Place(discord.guild().id(), post.id());
                try (Storage store = Storage.open(StorageSettings.sqlite(database.toString()), Clock.systemUTC())) {
                    for (Map.Entry<Long, Integer> member : told.entrySet()) {
                        List<AttemptEvent> events = store.journal().load(new AttemptKey(place, member.getKey(), q.ref()));
                        int triesStored = (int) events.stream().filter(e -> e instanceof AttemptEvent.Answered).count();
                        assertTrue(triesStored >= q.attempts() - member.getValue(), "member " + member.getKey()
                                + " was told " + member.getValue() + " tries left, the store has " + triesStored + " tries");
                    }
                }

                Process again = startBot(discord, database, dir.resolve("bot-2.log"), 2);
                try {
                    for (FakeUser member : members) {
                        // A deferred click's answer comes in the edit of the "thinking" message.
                        String content = discord.clickButton(member, post, wrong).awaitResponseMessage(WAIT).content();
                        Integer before = told.get(member.id());
                        if (before == null) {
                            continue;
                        }
                        if (content.contains("tries left") || content.contains("try left")) {
                            int left = triesLeft(content);
                            assertTrue(left < before, member + " got a try back: told " + before + ", now " + left);
                        } else {
                            assertTrue(content.contains("last try") || content.startsWith("You have finished this question"),
                                    content);
                        }
                    }
                    discord.assertNoProtocolViolations();
                } finally {
                    again.destroy();
                    again.waitFor(30, TimeUnit.SECONDS);
                }
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    /**
     * What a click told its member before the bot died: the reply itself, or, when the bot deferred
     * it (slow under load), the edit that followed, if that reached Discord before the kill.
     */
    private static Optional<String> toldBeforeTheKill(InteractionHandle click, Callback callback) {
        if (!callback.isDeferred()) {
            return Optional.ofNullable(callback.content());
        }
        List<RecordedRequest> edits = click.originalEdits();
        return edits.isEmpty() ? Optional.empty() : Optional.ofNullable(edits.get(edits.size() - 1).content());
    }

    private static int triesLeft(String content) {
        Matcher m = TRIES_LEFT.matcher(content);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Question questionOf(FakeMessage post) {
        for (String id : post.customIds()) {
            Optional<CustomId> parsed = CustomId.parse(id);
            if (parsed.isPresent() && parsed.get() instanceof CustomId.Answer answer) {
                QuestionRef ref = answer.question();
                return Fixtures.shippedBank().question(ref).orElseThrow();
            }
        }
        throw new AssertionError("no question on " + post);
    }

    /** {@code quiztutor run} in a child JVM, configured through the environment as an operator would. */
    private static Process startBot(FakeDiscord discord, Path database, Path log, int sessions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.quiztutor.Main", "run", "--quizzes", "quizzes/mlops-maturity-levels.json");
        builder.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
        builder.environment().put("QUIZTUTOR_DISCORD_API_BASE_URL", discord.restBaseUrl());
        builder.environment().put("QUIZTUTOR_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        builder.environment().put("QUIZTUTOR_STORAGE_URL", "jdbc:sqlite:" + database);
        builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
        Process process = builder.start();
        try {
            discord.awaitGatewaySessions(sessions, STARTUP);
        } catch (AssertionError notConnected) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            notConnected.addSuppressed(new AssertionError("the bot's log:\n" + Files.readString(log)));
            throw notConnected;
        }
        return process;
    }
}
