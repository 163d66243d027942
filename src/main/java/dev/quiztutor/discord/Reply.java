package dev.quiztutor.discord;

import dev.quiztutor.ops.Metrics;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one acknowledgement an interaction gets. Discord wants it within 3 seconds; handlers answer
 * directly when they are quick, and a watchdog defers for them when they are not, so the user never
 * sees "interaction failed". Whoever comes first wins: the handler's answer, or the watchdog's defer,
 * after which the answer goes through the interaction hook instead.
 */
final class Reply {
    private static final Logger LOG = LoggerFactory.getLogger(Reply.class);
    private static final int PENDING = 0;
    private static final int ANSWERED = 1;
    private static final int DEFERRED = 2;

    /** Whether the answer is a new message, or an update of the message whose component was used. */
    enum Mode { NEW_MESSAGE, UPDATE }

    private final IReplyCallback event;
    private final Mode mode;
    private final boolean ephemeral;
    private final AtomicInteger state = new AtomicInteger(PENDING);
    /** When the interaction reached the bot: its acknowledgement latency counts from here. */
    private final long received = System.nanoTime();
    private Metrics metrics = Metrics.NONE;
    private Metrics.Kind kind = Metrics.Kind.SLASH_COMMAND;
    private String name = "unknown";
    private final AtomicBoolean counted = new AtomicBoolean();
    private volatile boolean refusing;

    private Reply(IReplyCallback event, Mode mode, boolean ephemeral) {
        this.event = event;
        this.mode = mode;
        this.ephemeral = ephemeral;
    }

    /**
     * Reports this interaction's acknowledgement and refusals to {@code metrics}, as a {@code kind}
     * named {@code name} (the slash command, or the kind of button). Called before the work starts.
     */
    Reply metered(Metrics metrics, Metrics.Kind kind, String name) {
        this.metrics = metrics;
        this.kind = kind;
        this.name = name;
        return this;
    }

    /**
     * Counts a refusal that no {@link Polite} line names (a member who is not a moderator); the reply
     * that follows is then counted as refused.
     */
    void turnAway(Metrics.TurnedAway why) {
        if (counted.compareAndSet(false, true)) {
            metrics.turnedAway(why);
        }
        refusing = true;
    }

    /** What the first acknowledgement is, for the metrics: a refusal, an apology, or the answer. */
    private Metrics.Outcome outcomeOf(View view) {
        Optional<Metrics.TurnedAway> why = Polite.turnedAway(view.content());
        if (why.isPresent()) {
            turnAway(why.get());
        }
        return refusing ? Metrics.Outcome.REFUSED
                : Polite.apology(view.content()) ? Metrics.Outcome.FAILED : Metrics.Outcome.ANSWERED;
    }

    /** The first acknowledgement reached Discord (or failed to): one count and one latency per interaction. */
    private <T> Consumer<T> acked(Metrics.Outcome outcome) {
        return ignored -> metrics.acknowledged(kind, name, outcome, System.nanoTime() - received);
    }

    private Consumer<Throwable> ackFailed(String what) {
        return e -> {
            metrics.acknowledged(kind, name, Metrics.Outcome.FAILED, System.nanoTime() - received);
            failed(what, e);
        };
    }

    static Reply newMessage(IReplyCallback event, boolean ephemeral) {
        return new Reply(event, Mode.NEW_MESSAGE, ephemeral);
    }

    /** For components: the answer replaces the message the button or menu is on. */
    static <E extends IReplyCallback & IMessageEditCallback> Reply update(E event) {
        return new Reply(event, Mode.UPDATE, true);
    }

    String id() {
        return event.getId();
    }

    /** Called by the watchdog: acknowledges now, the answer will follow through the hook. */
    void deferIfPending() {
        if (state.compareAndSet(PENDING, DEFERRED)) {
            LOG.debug("interaction {}: deferring, the handler is slow", id());
            if (mode == Mode.UPDATE) {
                ((IMessageEditCallback) event).deferEdit().queue(acked(Metrics.Outcome.DEFERRED), ackFailed("defer"));
            } else {
                event.deferReply(ephemeral).queue(acked(Metrics.Outcome.DEFERRED), ackFailed("defer"));
            }
        }
    }

    /** The answer, in the mode chosen when the interaction arrived. */
    void send(View view) {
        // Built before the state changes: JDA's builders throw on what Discord would refuse, and the
        // interaction must still be open for the apology then. Only the form this answer goes out in is
        // built (every click pays for what is built); a deferral's edit form is built once deferred,
        // where an apology can still follow through the hook.
        MessageEditData edit;
        MessageCreateData create;
        try {
            edit = mode == Mode.UPDATE ? view.edit() : null;
            create = mode == Mode.NEW_MESSAGE ? view.create() : null;
        } catch (RuntimeException e) {
            cannotShow(e);
            return;
        }
        Metrics.Outcome outcome = outcomeOf(view);
        if (state.compareAndSet(PENDING, ANSWERED)) {
            if (mode == Mode.UPDATE) {
                ((IMessageEditCallback) event).editMessage(edit).queue(acked(outcome), ackFailed("update"));
            } else {
                event.reply(create).setEphemeral(ephemeral).queue(acked(outcome), ackFailed("reply"));
            }
        } else if (state.get() == DEFERRED) {
            if (edit == null) {
                try {
                    edit = view.edit();
                } catch (RuntimeException e) {
                    cannotShow(e);
                    return;
                }
            }
            event.getHook().editOriginal(edit).queue(null, e -> failed("deferred answer", e));
        }
    }

    /**
     * The answer with a file attached (problems.txt, a downloaded topic), in a new message's mode:
     * the reply itself, or the edit of the deferred one.
     */
    void sendFile(View view, String fileName, byte[] content) {
        sendFile(view, fileName, content, null);
    }

    /**
     * The same, the file with a description: Discord shows it as the alt text of an image, for screen
     * readers (at most {@link net.dv8tion.jda.api.utils.FileUpload#MAX_DESCRIPTION_LENGTH} characters).
     */
    void sendFile(View view, String fileName, byte[] content, String description) {
        MessageCreateData create;
        MessageEditData edit;
        try {
            create = new net.dv8tion.jda.api.utils.messages.MessageCreateBuilder().applyData(view.create())
                    .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(content, fileName).setDescription(description))
                    .build();
            edit = new net.dv8tion.jda.api.utils.messages.MessageEditBuilder().applyData(view.edit())
                    .setFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(content, fileName).setDescription(description))
                    .build();
        } catch (RuntimeException e) {
            cannotShow(e);
            return;
        }
        Metrics.Outcome outcome = outcomeOf(view);
        if (state.compareAndSet(PENDING, ANSWERED)) {
            event.reply(create).setEphemeral(ephemeral).queue(acked(outcome), ackFailed("reply"));
        } else if (state.get() == DEFERRED) {
            event.getHook().editOriginal(edit).queue(null, e -> failed("deferred answer", e));
        }
    }

    /**
     * The answer with several files attached (/stats: its table and chart), in a new message's mode:
     * the reply itself, or the edit of the deferred one.
     */
    void sendFiles(View view, java.util.List<net.dv8tion.jda.api.utils.FileUpload> files) {
        MessageCreateData create;
        MessageEditData edit;
        try {
            create = new net.dv8tion.jda.api.utils.messages.MessageCreateBuilder().applyData(view.create())
                    .addFiles(files).build();
            edit = new net.dv8tion.jda.api.utils.messages.MessageEditBuilder().applyData(view.edit())
                    .setFiles(files).build();
        } catch (RuntimeException e) {
            cannotShow(e);
            return;
        }
        if (state.compareAndSet(PENDING, ANSWERED)) {
            event.reply(create).setEphemeral(ephemeral).queue(null, e -> failed("reply", e));
        } else if (state.get() == DEFERRED) {
            event.getHook().editOriginal(edit).queue(null, e -> failed("deferred answer", e));
        }
    }

    /** A private answer, whatever the mode: a new message, or a follow-up once acknowledged. */
    void sendPrivately(View view) {
        if (mode == Mode.NEW_MESSAGE && ephemeral) {
            send(view);
            return;
        }
        MessageCreateData create;
        try {
            create = view.create();
        } catch (RuntimeException e) {
            cannotShow(e);
            return;
        }
        Metrics.Outcome outcome = outcomeOf(view);
        if (state.compareAndSet(PENDING, ANSWERED)) {
            event.reply(create).setEphemeral(true).queue(acked(outcome), ackFailed("reply"));
        } else if (mode == Mode.NEW_MESSAGE && state.get() == DEFERRED) {
            // A public "thinking..." message must not stay behind a private answer. Discord turns the
            // first follow-up after a deferral into an edit of that message, public whatever its flags,
            // so the private answer goes only once the loading message is gone.
            event.getHook().deleteOriginal().queue(gone -> followUpPrivately(create), e -> {
                if (e instanceof ErrorResponseException refusal && refusal.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                    followUpPrivately(create);
                } else {
                    failed("delete deferred", e);
                }
            });
        } else {
            followUpPrivately(create);
        }
    }

    private void followUpPrivately(MessageCreateData create) {
        event.getHook().sendMessage(create).setEphemeral(true).queue(null, e -> failed("follow-up", e));
    }

    /** The answer broke one of Discord's limits (the validator should have caught it): a short line instead. */
    private void cannotShow(RuntimeException error) {
        LOG.error("interaction {}: the answer breaks Discord's limits; sent an apology instead", id(), error);
        sendPrivately(View.text(Polite.CANNOT_SHOW));
    }

    /** Acknowledges a select without changing anything: the choice is kept server-side. */
    void acknowledgeSilently() {
        if (state.compareAndSet(PENDING, ANSWERED)) {
            ((IMessageEditCallback) event).deferEdit().queue(acked(Metrics.Outcome.ANSWERED), ackFailed("acknowledge"));
        }
    }

    boolean answered() {
        return state.get() != PENDING;
    }

    private void failed(String what, Throwable error) {
        LOG.warn("interaction {}: {} failed: {}", id(), what, error.toString());
    }

}
