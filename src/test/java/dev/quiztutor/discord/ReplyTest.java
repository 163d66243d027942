package dev.quiztutor.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.function.Consumer;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The corner the fake Discord cannot provoke on demand: a public command whose handler turns out to
 * need a private answer after the watchdog has already deferred publicly.
 */
class ReplyTest {

    @Test
    void aPrivateAnswerAfterAPublicDeferralRemovesTheThinkingMessage() {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
        Reply reply = Reply.newMessage(event, false);
        reply.deferIfPending();
        verify(event).deferReply(false);
        reply.sendPrivately(View.text("There is no topic \"x\"."));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<Void>> deleted = ArgumentCaptor.forClass(Consumer.class);
        verify(event.getHook().deleteOriginal()).queue(deleted.capture(), any());
        // Discord would make a follow-up sent before the delete completes an edit of the public message.
        verify(event.getHook(), never()).sendMessage(any(MessageCreateData.class));
        deleted.getValue().accept(null);
        verify(event.getHook()).sendMessage(any(MessageCreateData.class));
        verify(event, never()).reply(any(MessageCreateData.class));
    }

    @Test
    void theWatchdogStandsDownOnceTheHandlerAnswered() {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
        Reply reply = Reply.newMessage(event, true);
        reply.send(View.text("quick"));
        reply.deferIfPending();
        verify(event).reply(any(MessageCreateData.class));
        verify(event, never()).deferReply(true);
        verify(event.getHook(), never()).editOriginal(any(MessageEditData.class));
    }
}
