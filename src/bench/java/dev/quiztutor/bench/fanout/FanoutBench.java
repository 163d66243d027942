package dev.quiztutor.bench.fanout;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.discord.Views;
import dev.quiztutor.discord.fake.FakeDiscord;
import dev.quiztutor.discord.fake.FakeGuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Fan-out: {@code guilds} guilds whose daily post is due in the same minute. Until the schedule
 * engine has its Discord poster, this posts through JDA directly, as a poster would: every guild's
 * channel gets the practice post ({@link Views#practicePost}, the real payload) at the same instant,
 * with the fake's Discord-like per-route rate limits on (5 messages per 5 s per channel). Measures
 * the time until the last post was accepted, and how many requests were answered 429.
 */
public final class FanoutBench {
    public record Result(int guilds, double secondsToLast, double postsPerSecond, long rateLimited, int failed) {
    }

    private FanoutBench() {
    }

    public static Result run(int guilds) throws Exception {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        QuizBank bank = BankLoader.load(Path.of("quizzes")).bank();
        Topic topic = bank.topics().get(0);
        Question question = topic.questions().stream().filter(q -> q.kind() == QuestionKind.CHOICE).findFirst().orElseThrow();
        MessageCreateData post = Views.practicePost(topic, question, Views.Tally.NONE).create();
        try (FakeDiscord discord = FakeDiscord.builder().protocolChecks(false).messageLimit(guilds * 2 + 100)
                .requestLogLimit(guilds * 3).start()) {
            List<Long> channels = new ArrayList<>();
            for (int i = 0; i < guilds; i++) {
                FakeGuild g = discord.createGuild("Study group " + i);
                channels.add(g.textChannel("general").id());
            }
            JDA jda = JDABuilder.createLight(FakeDiscord.TOKEN)
                    .setRestConfig(discord.restConfig())
                    .setSessionController(discord.sessionController())
                    .setCompression(Compression.NONE)
                    .build();
            try {
                FakeDiscord.awaitConnected(jda, Duration.ofSeconds(120));
                discord.rateLimits().enable(5, Duration.ofSeconds(5));
                long limited0 = discord.rateLimits().limitedCount();
                CountDownLatch done = new CountDownLatch(guilds);
                AtomicInteger failed = new AtomicInteger();
                AtomicLong last = new AtomicLong();
                long start = System.nanoTime();
                for (long id : channels) {
                    TextChannel channel = jda.getTextChannelById(id);
                    if (channel == null) {
                        failed.incrementAndGet();
                        done.countDown();
                        continue;
                    }
                    channel.sendMessage(post).queue(m -> {
                        last.accumulateAndGet(System.nanoTime(), Math::max);
                        done.countDown();
                    }, e -> {
                        failed.incrementAndGet();
                        done.countDown();
                    });
                }
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("posts still pending after 10 minutes");
                }
                double seconds = (last.get() - start) / 1e9;
                return new Result(guilds, seconds, (guilds - failed.get()) / seconds,
                        discord.rateLimits().limitedCount() - limited0, failed.get());
            } finally {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(10));
            }
        }
    }
}
