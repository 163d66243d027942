package dev.quiztutor.bench.e2e;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.BenchAccess;
import dev.quiztutor.discord.Views;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * The floor bot under test, in a JVM of its own so that its CPU is not the load generator's: a bare
 * JDA bot, connected as quiztutor connects (DiscordBot's settings), that answers every click with a
 * constant ephemeral message. Prints {@code READY} when connected and stops when its standard input
 * closes. (Ours runs as {@code quiztutor run}; see {@link E2eBench}.)
 *
 * <p>Arguments: {@code floor|durable restBaseUrl gatewayUrl workDir}. {@code durable} is the same bot
 * that first commits one row per click to SQLite with quiztutor's durability ({@link DurableFloor}).
 */
public final class BotUnderTest {
    private BotUnderTest() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String rest = args[1];
        String gateway = args[2];
        Path work = Path.of(args[3]);
        Files.createDirectories(work);
        AutoCloseable running = switch (mode) {
            case "floor" -> floor(rest, gateway, Answer.BARE);
            case "durable" -> DurableFloor.start(work.resolve("durable.db"), d -> floor(rest, gateway, d));
            default -> throw new IllegalArgumentException("ours runs as `quiztutor run` (see E2eBench), not here");
        };
        System.out.println("READY");
        System.out.flush();
        // Runs until the driver closes our standard input (or dies).
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // nothing: commands are not needed
            }
        }
        running.close();
        System.exit(0);
    }

    /**
     * The floor: the least a JDA bot can do for a click. Same JDA, same gateway and REST settings,
     * same default mentions; /practice posts the very post ours makes (so clicks carry the same
     * payload), a click gets "Thanks!" ephemerally from JDA's event thread.
     */
    static AutoCloseable floor(String rest, String gateway, Answer answer) throws Exception {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        QuizBank bank = BankLoader.load(Path.of("quizzes/mlops-maturity-levels.json")).bank();
        Topic topic = bank.topics().get(0);
        List<Question> choices = topic.questions().stream().filter(q -> q.kind() == QuestionKind.CHOICE).toList();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(1);
        ShardManager shards = DefaultShardManagerBuilder.createLight(FakeToken.TOKEN, EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(1)
                .setEnableShutdownHook(false)
                .setRestConfig(new RestConfig().setBaseUrl(rest))
                .setSessionController(BenchAccess.fixedGateway(gateway))
                .setCompression(Compression.NONE)
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onReady(ReadyEvent event) {
                        event.getJDA().updateCommands().addCommands(Commands.slash("practice", "Post a question"))
                                .queue(c -> ready.countDown());
                    }

                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        Question q = choices.get(Math.floorMod(next.getAndIncrement(), choices.size()));
                        event.reply(Views.practicePost(topic, q, Views.Tally.NONE).create()).queue();
                    }

                    @Override
                    public void onButtonInteraction(ButtonInteractionEvent event) {
                        answer.click(event);
                    }
                })
                .build();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not connected");
        }
        return shards::shutdown;
    }

    /** What the floor does with a click. */
    interface Answer {
        /** The bare floor: a constant reply, from JDA's event thread. */
        Answer BARE = event -> event.reply("Thanks!").setEphemeral(true).queue();

        void click(ButtonInteractionEvent event);
    }

    /** The fake accepts any token; the same one the fake's tests use. */
    static final class FakeToken {
        static final String TOKEN = dev.quiztutor.discord.fake.FakeDiscord.TOKEN;
    }
}
