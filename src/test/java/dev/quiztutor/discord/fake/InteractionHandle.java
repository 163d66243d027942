package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One interaction the fake dispatched (a slash command, a click, ...) and everything the bot
 * answered to it: the callback, edits of the original response, follow-ups. The await methods
 * block on this interaction only (no polling, no global lock) and fail with the fake's recent
 * history when the bot did not answer in time.
 */
public final class InteractionHandle {
    /** Discord's interaction types. */
    public static final int APPLICATION_COMMAND = 2;
    public static final int MESSAGE_COMPONENT = 3;
    public static final int AUTOCOMPLETE = 4;
    public static final int MODAL_SUBMIT = 5;

    private final FakeDiscord discord;
    private final long id;
    private final String token;
    private final int type;
    private final FakeUser user;
    private final FakeChannel channel;
    private final FakeMessage sourceMessage;
    private final String commandName;
    private final byte[] payload;
    private final long dispatchedNanos;
    private final InteractionHandle trigger;

    // guarded by this
    private boolean acked;
    private Callback callback;
    private FakeMessage original;
    private final List<RecordedRequest> originalEdits = new ArrayList<>();
    private final List<RecordedRequest> followUps = new ArrayList<>();
    private final List<FakeMessage> followUpMessages = new ArrayList<>();

    InteractionHandle(FakeDiscord discord, long id, String token, int type, FakeUser user, FakeChannel channel,
            FakeMessage sourceMessage, String commandName, byte[] payload, long dispatchedNanos, InteractionHandle trigger) {
        this.discord = discord;
        this.id = id;
        this.token = token;
        this.type = type;
        this.user = user;
        this.channel = channel;
        this.sourceMessage = sourceMessage;
        this.commandName = commandName;
        this.payload = payload;
        this.dispatchedNanos = dispatchedNanos;
        this.trigger = trigger;
    }

    /** For a modal submit: the interaction whose callback opened the modal; else null. */
    public InteractionHandle trigger() {
        return trigger;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return type;
    }

    public FakeUser user() {
        return user;
    }

    public FakeChannel channel() {
        return channel;
    }

    /** The message whose component was used, or null. */
    public FakeMessage sourceMessage() {
        return sourceMessage;
    }

    /** The command name for commands and autocomplete, else null. */
    public String commandName() {
        return commandName;
    }

    /** The INTERACTION_CREATE payload ({@code d}) exactly as sent to the bot. */
    public JsonNode payload() {
        try {
            return Json.parse(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link System#nanoTime()} when the fake wrote the event to the gateway. */
    public long dispatchedNanos() {
        return dispatchedNanos;
    }

    /** The callback, if the bot has answered yet. */
    public synchronized Optional<Callback> callback() {
        return Optional.ofNullable(callback);
    }

    /** Waits for the bot's callback (its first, even if the fake refused it). */
    public Callback awaitCallback(Duration timeout) {
        awaitState(timeout, "a callback", () -> callback != null);
        synchronized (this) {
            return callback;
        }
    }

    /** Waits for the first edit of {@code @original} (e.g. after a deferred reply). */
    public RecordedRequest awaitOriginalEdit(Duration timeout) {
        return awaitOriginalEdits(1, timeout).get(0);
    }

    /** Waits until at least {@code count} edits of {@code @original} arrived; returns all so far. */
    public List<RecordedRequest> awaitOriginalEdits(int count, Duration timeout) {
        awaitState(timeout, count + " edit(s) of @original", () -> originalEdits.size() >= count);
        return originalEdits();
    }

    public synchronized List<RecordedRequest> originalEdits() {
        return List.copyOf(originalEdits);
    }

    /** Follow-up requests ({@code POST /webhooks/{app}/{token}}) so far. */
    public synchronized List<RecordedRequest> followUps() {
        return List.copyOf(followUps);
    }

    /** Messages made by follow-ups so far. */
    public synchronized List<FakeMessage> followUpMessages() {
        return List.copyOf(followUpMessages);
    }

    public List<RecordedRequest> awaitFollowUps(int count, Duration timeout) {
        awaitState(timeout, count + " follow-up(s)", () -> followUps.size() >= count);
        return followUps();
    }

    /** The message of the original response (made by a type 4/5 callback, or the clicked one for 6/7). */
    public synchronized FakeMessage originalMessage() {
        return original;
    }

    /**
     * Waits until the person would see a finished response and returns it: the reply of a type 4
     * callback, the updated message of type 7, or, after a deferral (5 or 6), the original message
     * once edited.
     */
    public FakeMessage awaitResponseMessage(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Callback cb = awaitCallback(timeout);
        if (cb.isDeferred()) {
            awaitState(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), "an edit of the deferred response",
                    () -> !originalEdits.isEmpty());
        }
        synchronized (this) {
            if (original == null) {
                throw new AssertionError("interaction " + describe() + " got " + cb + " which made no message");
            }
            return original;
        }
    }

    private interface Condition {
        boolean holds();
    }

    private void awaitState(Duration timeout, String what, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.holds()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " for " + describe() + " within " + timeout
                            + "\n" + discord.diagnostics());
                }
                try {
                    long ms = left / 1_000_000;
                    wait(ms, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    String describe() {
        String what = type == APPLICATION_COMMAND ? "/" + commandName
                : type == AUTOCOMPLETE ? "autocomplete of /" + commandName
                : type == MESSAGE_COMPONENT ? "component on message " + (sourceMessage == null ? "?" : sourceMessage.idString())
                : "modal submit";
        return "interaction " + Json.id(id) + " (" + what + " by " + user.username() + " in " + channel + ")";
    }

    // ---- used by the REST side ------------------------------------------------------------

    /** Marks the interaction acknowledged; false if it already was. */
    synchronized boolean tryAck() {
        if (acked) {
            return false;
        }
        acked = true;
        return true;
    }

    synchronized boolean isAcked() {
        return acked;
    }

    synchronized void setOriginal(FakeMessage message) {
        this.original = message;
    }

    synchronized FakeMessage original() {
        return original;
    }

    synchronized void addFollowUpMessage(FakeMessage message) {
        followUpMessages.add(message);
    }

    synchronized boolean ownsMessage(long messageId) {
        if (original != null && original.id() == messageId) {
            return true;
        }
        for (FakeMessage m : followUpMessages) {
            if (m.id() == messageId) {
                return true;
            }
        }
        return false;
    }

    synchronized void recordCallback(Callback cb) {
        if (callback == null) {
            callback = cb;
        }
        notifyAll();
    }

    synchronized void recordOriginalEdit(RecordedRequest request) {
        originalEdits.add(request);
        notifyAll();
    }

    synchronized void recordFollowUp(RecordedRequest request) {
        followUps.add(request);
        notifyAll();
    }

    @Override
    public String toString() {
        return describe();
    }
}
