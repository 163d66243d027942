package dev.quiztutor.discord;

import static dev.quiztutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.quiztutor.Fixtures;
import dev.quiztutor.bank.Question;
import dev.quiztutor.discord.fake.Callback;
import dev.quiztutor.discord.fake.FakeMessage;
import dev.quiztutor.discord.fake.FakeUser;
import dev.quiztutor.discord.fake.InteractionHandle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** Ctrl-C or SIGTERM: the answers in flight are sent before the process may exit, and latecomers get a polite line. */
class DiscordShutdownTest {

    /**
     * The shutdown hook returns only when Discord has the answers: one whose handler was still
     * storing it when the hook began, and the polite line of a click that came during the shutdown.
     * Discord answers slowly here (as over a real network), so an answer merely queued in JDA when
     * the hook returns would not have reached it yet. The answer is held in storage until the late
     * click is answered: each step waits for the one before, not for a guess at how long it takes.
     */
    @Test
    void answersInFlightReachDiscordBeforeTheShutdownHookReturns(@TempDir Path dir) throws Exception {
        BotHarness.JournalGate storing = new BotHarness.JournalGate();
        try (BotHarness bot = BotHarness.gated(dir, storing, Duration.ofSeconds(10))) {
            FakeUser ann = bot.discord.user("ann");
            FakeUser ben = bot.discord.user("ben");
            InteractionHandle posted = bot.discord.slashCommand(ann, bot.discord.channel("practice"), "practice");
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);
            bot.discord.restLatency(Duration.ofMillis(800));

            InteractionHandle answer = bot.discord.clickButton(ann, post, new CustomId.Answer(q.ref(),
                    q.answerLetters().get(0)).encode());
            storing.awaitHeld(WAIT);
            Thread hook = new Thread(bot::closeBot, "test-shutdown-hook");
            hook.start();
            bot.awaitClosing(WAIT);
            InteractionHandle late = bot.discord.clickButton(ben, post, new CustomId.Hint(q.ref()).encode());
            Callback turnedAway = late.awaitCallback(WAIT);
            assertTrue(answer.callback().isEmpty(), "the answer is still being stored: " + answer.callback());
            storing.open();
            hook.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(hook.isAlive(), "the shutdown hook returned");

            assertTrue(answer.callback().isPresent(), "the answer being stored when the hook began was sent");
            assertTrue(answer.callback().get().content().startsWith("✅ **Right!**"), answer.callback().get().toString());
            assertTrue(turnedAway.isEphemeral());
            assertEquals(Polite.RESTARTING, turnedAway.content());
            bot.discord.assertNoProtocolViolations();
        }
    }

    /**
     * SIGTERM while a periodic refresh of the live counts is running on the timer, between reading a
     * post's new figures and handing the edit to JDA (held there by the test): the post still gets its
     * last figures before JDA stops, and the refresh, once it goes on after JDA stopped taking requests,
     * neither throws JDA's refusal into the log nor sends anything.
     */
    @Test
    void theLastFiguresGoOutWhenARefreshIsRunningAtShutdownAndNothingIsLogged(@TempDir Path dir) throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        List<ch.qos.logback.classic.Logger> loggers = List.of(
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(LiveTallies.class),
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.quiztutor.schedule.Periodic.class));
        logged.start();
        loggers.forEach(l -> l.addAppender(logged));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Thread> refreshing = new AtomicReference<>();
        try (BotHarness bot = new BotHarness(dir)) {
            FakeUser ann = bot.discord.user("ann");
            FakeUser ben = bot.discord.user("ben");
            InteractionHandle posted = bot.discord.slashCommand(ann, bot.discord.channel("practice"), "practice");
            posted.awaitCallback(WAIT);
            FakeMessage post = posted.awaitResponseMessage(WAIT);
            Question q = bot.questionOf(post);
            String right = q.answerLetters().get(0);
            bot.discord.clickButton(ann, post, new CustomId.Answer(q.ref(), right).encode()).awaitCallback(WAIT);
            bot.discord.awaitRequest(r -> r.method().equals("PATCH") && r.path().endsWith("/messages/" + post.idString())
                    && r.body().contains("1 answered · 1 right"), WAIT);
            bot.tallies().beforeEachEdit(() -> {
                if (Thread.currentThread().getName().startsWith("quiztutor-timer")
                        && refreshing.compareAndSet(null, Thread.currentThread())) {
                    held.countDown();
                    try {
                        resume.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            bot.discord.clickButton(ben, post, new CustomId.Answer(q.ref(), right.equals("A") ? "B" : "A").encode())
                    .awaitCallback(WAIT);
            assertTrue(held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the refresh reached ben's answer");
            Thread hook = new Thread(bot::closeBot, "test-shutdown-hook");
            hook.start();
            hook.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(hook.isAlive(), "the shutdown hook returned");

            String footer = bot.discord.messageById(post.id()).embeds().get(0).path("footer").path("text").asText();
            assertTrue(footer.startsWith("2 answered · 1 right"), "the last figures went out before JDA stopped: " + footer);
            resume.countDown();
            refreshing.get().join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(refreshing.get().isAlive(), "the held refresh ended, and the timer with it");
            assertEquals(List.of(), logged.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN) || e.getThrowableProxy() != null)
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : " " + e.getThrowableProxy().getClassName())).toList());
            bot.discord.assertNoProtocolViolations();
        } finally {
            resume.countDown();
            loggers.forEach(l -> l.detachAppender(logged));
        }
    }

    /**
     * The last moment of a shutdown, too short to hit through the gateway: the watchdog's timer is
     * already stopped when an interaction arrives. JDA's event thread must not throw; the member gets
     * a polite line.
     */
    @Test
    void anInteractionAfterTheTimerStoppedGetsAPoliteLine() {
        ReplyCallbackAction action = mock(ReplyCallbackAction.class);
        ButtonInteractionEvent event = hintClick(action);
        InteractionRouter router = stoppedRouter();

        assertDoesNotThrow(() -> router.onButtonInteraction(event));

        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(event).reply(sent.capture());
        assertEquals(Polite.RESTARTING, sent.getValue().getContent());
        verify(action).setEphemeral(true);
    }

    /**
     * Later still, JDA's own request threads are stopped and it refuses the polite line by throwing:
     * the member cannot be told any more, and JDA's event thread must still not throw.
     */
    @Test
    void anInteractionWhenJdaNoLongerSendsDoesNotThrowOnTheEventThread() {
        ReplyCallbackAction action = mock(ReplyCallbackAction.class);
        ButtonInteractionEvent event = hintClick(action);
        InteractionRouter router = stoppedRouter();
        org.mockito.Mockito.doThrow(new java.util.concurrent.RejectedExecutionException("JDA's rate limiter is shut down"))
                .when(action).queue(any(), any());

        assertDoesNotThrow(() -> router.onButtonInteraction(event));
        verify(action).queue(any(), any());
    }

    /** A router whose workers and watchdog timer have both stopped: the last moment of a shutdown. */
    private static InteractionRouter stoppedRouter() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newSingleThreadExecutor();
        timer.shutdown();
        workers.shutdown();
        return new InteractionRouter(dev.quiztutor.bank.Banks.of(Fixtures.shippedBank()), null, null, null, null, null,
                null, null, null, null, null, null, workers, timer, Duration.ofMillis(1500));
    }

    /** A Hint click whose reply JDA would send through {@code action}. */
    private static ButtonInteractionEvent hintClick(ReplyCallbackAction action) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS);
        when(event.getComponentId()).thenReturn(new CustomId.Hint(Fixtures.shippedBank().questions().findFirst()
                .orElseThrow().ref()).encode());
        when(event.reply(any(MessageCreateData.class))).thenReturn(action);
        when(action.setEphemeral(anyBoolean())).thenReturn(action);
        return event;
    }
}
