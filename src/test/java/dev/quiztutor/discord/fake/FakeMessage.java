package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A message the bot made, as the fake stores it: the full Discord message object (id,
 * channel_id, author, content, embeds, components, flags, timestamps, ...), kept current through
 * edits. Pass it to {@link FakeDiscord#clickButton} and friends to act on it as a person would.
 */
public final class FakeMessage {
    /** Discord's message flag EPHEMERAL. */
    public static final int EPHEMERAL = 1 << 6;
    /** Discord's message flag LOADING (a deferred reply, "Bot is thinking..."). */
    public static final int LOADING = 1 << 7;

    private final long id;
    private final FakeChannel channel;
    private final long ephemeralFor;
    private final String interactionToken;
    private final ObjectNode json;
    private volatile boolean deleted;
    private volatile int edits;

    FakeMessage(long id, FakeChannel channel, ObjectNode json, long ephemeralFor, String interactionToken) {
        this.id = id;
        this.channel = channel;
        this.json = json;
        this.ephemeralFor = ephemeralFor;
        this.interactionToken = interactionToken;
    }

    public long id() {
        return id;
    }

    public String idString() {
        return Json.id(id);
    }

    public FakeChannel channel() {
        return channel;
    }

    /** A copy of the full message object as Discord would return it now. */
    public ObjectNode json() {
        synchronized (json) {
            return json.deepCopy();
        }
    }

    public String content() {
        synchronized (json) {
            return json.path("content").asText("");
        }
    }

    public int flags() {
        synchronized (json) {
            return json.path("flags").asInt(0);
        }
    }

    public boolean isEphemeral() {
        return (flags() & EPHEMERAL) != 0;
    }

    /** True while a deferred reply has not been edited yet. */
    public boolean isLoading() {
        return (flags() & LOADING) != 0;
    }

    /** The user who alone can see (and click) this ephemeral message, or 0. */
    public long ephemeralFor() {
        return ephemeralFor;
    }

    public ArrayNode embeds() {
        synchronized (json) {
            JsonNode e = json.get("embeds");
            return e instanceof ArrayNode ? ((ArrayNode) e).deepCopy() : Json.array();
        }
    }

    public ArrayNode components() {
        synchronized (json) {
            JsonNode c = json.get("components");
            return c instanceof ArrayNode ? ((ArrayNode) c).deepCopy() : Json.array();
        }
    }

    /** The custom ids of all interactive components (buttons, selects, ...), in layout order. */
    public List<String> customIds() {
        List<String> ids = new ArrayList<>();
        forEachComponent(components(), c -> {
            if (c.hasNonNull("custom_id")) {
                ids.add(c.get("custom_id").asText());
            }
        });
        return ids;
    }

    /** The component with that custom id, or null. */
    public ObjectNode component(String customId) {
        ObjectNode[] found = new ObjectNode[1];
        forEachComponent(components(), c -> {
            if (found[0] == null && customId.equals(c.path("custom_id").asText(null)) && c instanceof ObjectNode) {
                found[0] = (ObjectNode) c;
            }
        });
        return found[0];
    }

    /** The labels of all buttons, in layout order (handy in assertions). */
    public List<String> buttonLabels() {
        List<String> labels = new ArrayList<>();
        forEachComponent(components(), c -> {
            if (c.path("type").asInt() == 2) {
                labels.add(c.path("label").asText(""));
            }
        });
        return labels;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** How many times the message was edited after it was made. */
    public int editCount() {
        return edits;
    }

    String interactionToken() {
        return interactionToken;
    }

    void markDeleted() {
        deleted = true;
    }

    /** Applies an edit body (PATCH of a message) to the stored object. */
    void applyEdit(JsonNode body, ArrayNode newAttachments) {
        synchronized (json) {
            boolean completingDeferred = (json.path("flags").asInt() & LOADING) != 0;
            for (String field : new String[] {"content", "embeds", "components", "allowed_mentions", "poll"}) {
                if (body.has(field)) {
                    JsonNode v = body.get(field);
                    if (field.equals("content")) {
                        json.put("content", v.isNull() ? "" : v.asText());
                    } else if (field.equals("embeds")) {
                        json.set("embeds", MessageFactory.normalizeEmbeds(v));
                    } else if (field.equals("components")) {
                        json.set("components", MessageFactory.normalizeComponents(v));
                    } else if (field.equals("poll")) {
                        json.set("poll", v);
                    }
                }
            }
            if (body.has("attachments") || newAttachments.size() > 0) {
                ArrayNode kept = Json.array();
                JsonNode wanted = body.path("attachments");
                for (JsonNode existing : json.path("attachments")) {
                    for (JsonNode w : wanted) {
                        if (w.path("id").asText().equals(existing.path("id").asText())) {
                            kept.add(existing);
                        }
                    }
                }
                kept.addAll(newAttachments);
                json.set("attachments", kept);
            }
            int flags = json.path("flags").asInt() & ~LOADING;
            if (body.hasNonNull("flags")) {
                // an edit may only toggle SUPPRESS_EMBEDS (4); IS_COMPONENTS_V2 (1<<15) can be added
                int asked = body.get("flags").asInt();
                flags = (flags & ~4) | (asked & 4) | (asked & (1 << 15));
            }
            json.put("flags", flags);
            if (completingDeferred) {
                json.putNull("edited_timestamp");
            } else {
                json.put("edited_timestamp", Json.now());
                edits++;
            }
        }
    }

    static void forEachComponent(JsonNode components, Consumer<JsonNode> action) {
        if (components == null || !components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            action.accept(c);
            forEachComponent(c.get("components"), action);
            JsonNode accessory = c.get("accessory");
            if (accessory != null && accessory.isObject()) {
                action.accept(accessory);
            }
            JsonNode inner = c.get("component");
            if (inner != null && inner.isObject()) {
                action.accept(inner);
            }
        }
    }

    @Override
    public String toString() {
        return "message " + idString() + " in " + channel + ": " + content();
    }
}
