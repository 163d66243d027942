package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds stored message objects from what the bot sent, the way Discord fills them in. */
final class MessageFactory {
    /** Message types. */
    static final int DEFAULT = 0;
    static final int REPLY = 19;
    static final int CHAT_INPUT_COMMAND = 20;

    /** Flags a message may be created with (SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2). */
    private static final int CREATE_FLAGS = 4 | 64 | 4096 | (1 << 15);

    private MessageFactory() {}

    /**
     * Why Discord would refuse to create this message although the schema allows it, or null.
     * Returns {@code [code, message]}.
     */
    static Object[] refusal(JsonNode body, int attachments) {
        boolean hasContent = body.hasNonNull("content") && !body.get("content").asText().isEmpty();
        boolean hasEmbeds = body.path("embeds").size() > 0;
        boolean hasComponents = body.path("components").size() > 0;
        boolean hasPoll = body.hasNonNull("poll");
        boolean hasStickers = body.path("sticker_ids").size() > 0;
        if (!hasContent && !hasEmbeds && !hasComponents && !hasPoll && !hasStickers && attachments == 0) {
            return new Object[] {50006, "Cannot send an empty message"};
        }
        String duplicate = duplicateCustomId(body.path("components"));
        if (duplicate != null) {
            return new Object[] {50035, "Invalid Form Body: duplicate custom_id '" + duplicate + "' (COMPONENT_CUSTOM_ID_DUPLICATED)"};
        }
        return null;
    }

    static String duplicateCustomId(JsonNode components) {
        Set<String> seen = new HashSet<>();
        String[] dup = new String[1];
        FakeMessage.forEachComponent(components, c -> {
            String id = c.path("custom_id").asText(null);
            if (id != null && !seen.add(id) && dup[0] == null) {
                dup[0] = id;
            }
        });
        return dup[0];
    }

    /**
     * A full message object.
     *
     * @param interaction the interaction it answers (adds webhook/interaction fields), or null
     */
    static ObjectNode create(long id, FakeChannel channel, int type, FakeUser author, JsonNode body,
            ArrayNode attachments, InteractionHandle interaction, boolean loading, long applicationId) {
        ObjectNode m = Json.object();
        m.put("type", type);
        m.put("content", body.hasNonNull("content") ? body.get("content").asText() : "");
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.set("attachments", attachments);
        m.set("embeds", normalizeEmbeds(body.get("embeds")));
        m.put("timestamp", Json.timestamp(Snowflake.timeOf(id)));
        m.putNull("edited_timestamp");
        int flags = body.path("flags").asInt(0) & CREATE_FLAGS;
        if (loading) {
            flags |= FakeMessage.LOADING;
        }
        m.put("flags", flags);
        m.set("components", normalizeComponents(body.get("components")));
        m.put("id", Json.id(id));
        m.put("channel_id", channel.idString());
        m.set("author", author.toJson());
        m.put("pinned", false);
        m.put("mention_everyone", false);
        m.put("tts", body.path("tts").asBoolean(false));
        if (body.hasNonNull("nonce")) {
            m.set("nonce", body.get("nonce"));
        }
        if (body.hasNonNull("poll")) {
            m.set("poll", body.get("poll"));
        }
        if (body.hasNonNull("message_reference")) {
            ObjectNode ref = m.putObject("message_reference");
            ref.put("type", 0);
            ref.put("channel_id", channel.idString());
            ref.put("message_id", body.get("message_reference").path("message_id").asText());
            if (channel.guild() != null) {
                ref.put("guild_id", channel.guild().idString());
            }
        }
        if (interaction != null) {
            m.put("application_id", Json.id(applicationId));
            m.put("webhook_id", Json.id(applicationId));
            ObjectNode meta = interactionMetadata(interaction, channel);
            FakeMessage original = interaction.original();
            if (original != null && original.id() != id) {
                meta.put("original_response_message_id", original.idString());
            }
            m.set("interaction_metadata", meta);
            if (interaction.commandName() != null && interaction.type() == InteractionHandle.APPLICATION_COMMAND) {
                ObjectNode legacy = m.putObject("interaction");
                legacy.put("id", Json.id(interaction.id()));
                legacy.put("type", interaction.type());
                legacy.put("name", interaction.commandName());
                legacy.set("user", interaction.user().toJson());
            }
        }
        return m;
    }

    /** The message's {@code interaction_metadata}, by interaction type as the spec has it. */
    static ObjectNode interactionMetadata(InteractionHandle interaction, FakeChannel channel) {
        ObjectNode meta = Json.object();
        meta.put("id", Json.id(interaction.id()));
        meta.put("type", interaction.type());
        meta.set("user", interaction.user().toJson());
        ObjectNode owners = meta.putObject("authorizing_integration_owners");
        owners.put("0", channel.guild() != null ? channel.guild().idString() : "0");
        switch (interaction.type()) {
            case InteractionHandle.APPLICATION_COMMAND:
                meta.put("name", interaction.commandName());
                meta.put("command_type", 1);
                break;
            case InteractionHandle.MESSAGE_COMPONENT:
                meta.put("interacted_message_id", interaction.sourceMessage().idString());
                break;
            case InteractionHandle.MODAL_SUBMIT:
                if (interaction.trigger() != null) {
                    meta.set("triggering_interaction_metadata", interactionMetadata(interaction.trigger(), channel));
                }
                break;
            default:
                break;
        }
        return meta;
    }

    static ArrayNode normalizeEmbeds(JsonNode embeds) {
        ArrayNode out = Json.array();
        if (embeds != null && embeds.isArray()) {
            for (JsonNode e : embeds) {
                ObjectNode copy = e.deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "rich");
                }
                copy.remove("content_scan_version");
                out.add(copy);
            }
        }
        return out;
    }

    /** Copies components, numbering those without an {@code id} in layout order, as Discord does. */
    static ArrayNode normalizeComponents(JsonNode components) {
        ArrayNode out = components != null && components.isArray() ? ((ArrayNode) components).deepCopy() : Json.array();
        AtomicInteger max = new AtomicInteger();
        FakeMessage.forEachComponent(out, c -> max.accumulateAndGet(c.path("id").asInt(0), Math::max));
        FakeMessage.forEachComponent(out, c -> {
            if (c instanceof ObjectNode && !c.hasNonNull("id")) {
                ((ObjectNode) c).put("id", max.incrementAndGet());
            }
        });
        return out;
    }
}
