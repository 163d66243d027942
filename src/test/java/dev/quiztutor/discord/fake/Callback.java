package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;

/**
 * The bot's answer to an interaction ({@code POST /interactions/{id}/{token}/callback}) as the
 * fake received it, with the time from dispatch to receipt.
 *
 * <p>Types: 4 reply, 5 deferred reply ("thinking"), 6 deferred update, 7 update the clicked
 * message, 8 autocomplete choices, 9 open a modal.
 */
public final class Callback {
    private final RecordedRequest request;
    private final long latencyNanos;
    private final FakeMessage message;

    Callback(RecordedRequest request, long latencyNanos, FakeMessage message) {
        this.request = request;
        this.latencyNanos = latencyNanos;
        this.message = message;
    }

    public int type() {
        return request.json().path("type").asInt(-1);
    }

    /** {@code data} of the callback (a MissingNode when absent). */
    public JsonNode data() {
        JsonNode d = request.json().get("data");
        return d == null || d.isNull() ? MissingNode.getInstance() : d;
    }

    public int flags() {
        return data().path("flags").asInt(0);
    }

    public boolean isEphemeral() {
        return (flags() & FakeMessage.EPHEMERAL) != 0;
    }

    /** Type 5 (deferred reply) or 6 (deferred update). */
    public boolean isDeferred() {
        return type() == 5 || type() == 6;
    }

    /** The content, or null when the callback carries none. */
    public String content() {
        JsonNode c = data().get("content");
        return c == null || c.isNull() ? null : c.asText();
    }

    public JsonNode embeds() {
        return data().path("embeds");
    }

    public JsonNode components() {
        return data().path("components");
    }

    public JsonNode allowedMentions() {
        return data().path("allowed_mentions");
    }

    /** Autocomplete choices (type 8). */
    public JsonNode choices() {
        return data().path("choices");
    }

    /** The whole callback body, parsed. */
    public JsonNode json() {
        return request.json();
    }

    /** The whole callback body as sent. */
    public String body() {
        return request.body();
    }

    /** Nanoseconds from the fake sending INTERACTION_CREATE to the callback request arriving. */
    public long latencyNanos() {
        return latencyNanos;
    }

    public Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    /** The HTTP status the fake answered (204/200 when accepted, 4xx when Discord would refuse). */
    public int status() {
        return request.status();
    }

    public RecordedRequest request() {
        return request;
    }

    /** The message the callback made or updated (types 4, 5, 7), as stored now; null otherwise. */
    public FakeMessage message() {
        return message;
    }

    @Override
    public String toString() {
        return "callback type " + type() + " status " + status() + " after " + latencyNanos / 1000 + " us: " + body();
    }
}
