package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered application commands, global (scope 0) or per guild, as Discord stores them: a
 * bulk overwrite keeps the id of a command whose name and type stay the same.
 */
final class CommandStore {
    private final long applicationId;
    private final Map<Long, Map<String, ObjectNode>> scopes = new ConcurrentHashMap<>();
    private final Object monitor = new Object();

    CommandStore(long applicationId) {
        this.applicationId = applicationId;
    }

    private static String key(JsonNode command) {
        return command.path("type").asInt(1) + "/" + command.path("name").asText();
    }

    private Map<String, ObjectNode> scope(long guildId) {
        return scopes.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
    }

    ArrayNode overwrite(long guildId, JsonNode commands) {
        synchronized (monitor) {
            Map<String, ObjectNode> old = scope(guildId);
            Map<String, ObjectNode> fresh = new LinkedHashMap<>();
            for (JsonNode c : commands) {
                ObjectNode previous = old.get(key(c));
                fresh.put(key(c), build(guildId, c, previous == null ? Snowflake.next() : Long.parseUnsignedLong(previous.get("id").asText())));
            }
            scopes.put(guildId, fresh);
            monitor.notifyAll();
            return list(guildId);
        }
    }

    ObjectNode upsert(long guildId, JsonNode command, boolean[] created) {
        synchronized (monitor) {
            Map<String, ObjectNode> scope = scope(guildId);
            ObjectNode previous = scope.get(key(command));
            created[0] = previous == null;
            ObjectNode c = build(guildId, command, previous == null ? Snowflake.next() : Long.parseUnsignedLong(previous.get("id").asText()));
            scope.put(key(command), c);
            monitor.notifyAll();
            return c.deepCopy();
        }
    }

    ObjectNode patch(long guildId, long commandId, JsonNode changes) {
        synchronized (monitor) {
            Map<String, ObjectNode> scope = scope(guildId);
            for (Map.Entry<String, ObjectNode> e : scope.entrySet()) {
                if (e.getValue().get("id").asText().equals(Long.toUnsignedString(commandId))) {
                    ObjectNode merged = e.getValue().deepCopy();
                    changes.properties().forEach(f -> merged.set(f.getKey(), f.getValue()));
                    ObjectNode c = build(guildId, merged, commandId);
                    scope.remove(e.getKey());
                    scope.put(key(c), c);
                    monitor.notifyAll();
                    return c.deepCopy();
                }
            }
            return null;
        }
    }

    boolean delete(long guildId, long commandId) {
        synchronized (monitor) {
            return scope(guildId).values().removeIf(c -> c.get("id").asText().equals(Long.toUnsignedString(commandId)));
        }
    }

    ObjectNode get(long guildId, long commandId) {
        synchronized (monitor) {
            for (ObjectNode c : scope(guildId).values()) {
                if (c.get("id").asText().equals(Long.toUnsignedString(commandId))) {
                    return c.deepCopy();
                }
            }
            return null;
        }
    }

    ArrayNode list(long guildId) {
        synchronized (monitor) {
            ArrayNode out = Json.array();
            scope(guildId).values().forEach(c -> out.add(c.deepCopy()));
            return out;
        }
    }

    /** The command a user would see in a guild: a guild command, else a global one. */
    ObjectNode find(long guildId, String name, int type) {
        synchronized (monitor) {
            String k = type + "/" + name;
            ObjectNode c = guildId == 0 ? null : scope(guildId).get(k);
            if (c == null) {
                c = scope(0).get(k);
            }
            return c == null ? null : c.deepCopy();
        }
    }

    List<ObjectNode> all() {
        synchronized (monitor) {
            List<ObjectNode> out = new ArrayList<>();
            scopes.values().forEach(s -> s.values().forEach(c -> out.add(c.deepCopy())));
            return out;
        }
    }

    /** Waits until a command of that name is registered anywhere. */
    ObjectNode await(String name, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (monitor) {
            while (true) {
                for (Map<String, ObjectNode> s : scopes.values()) {
                    for (ObjectNode c : s.values()) {
                        if (c.path("name").asText().equals(name)) {
                            return c.deepCopy();
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private ObjectNode build(long guildId, JsonNode request, long id) {
        ObjectNode c = Json.object();
        c.put("id", Long.toUnsignedString(id));
        c.put("application_id", Long.toUnsignedString(applicationId));
        c.put("version", Long.toUnsignedString(Snowflake.next()));
        int type = request.path("type").asInt(1);
        c.put("type", type);
        c.put("name", request.path("name").asText());
        c.set("name_localizations", request.hasNonNull("name_localizations") ? request.get("name_localizations") : Json.NODES.nullNode());
        c.put("description", type == 1 ? request.path("description").asText("") : "");
        c.set("description_localizations", request.hasNonNull("description_localizations")
                ? request.get("description_localizations") : Json.NODES.nullNode());
        JsonNode perms = request.get("default_member_permissions");
        if (perms == null || perms.isNull()) {
            c.putNull("default_member_permissions");
        } else {
            c.put("default_member_permissions", perms.asText());
        }
        c.put("dm_permission", request.path("dm_permission").asBoolean(true));
        c.put("nsfw", request.path("nsfw").asBoolean(false));
        c.set("contexts", request.hasNonNull("contexts") ? request.get("contexts") : Json.NODES.nullNode());
        c.set("integration_types", request.hasNonNull("integration_types") ? request.get("integration_types") : Json.array().add(0));
        if (request.has("options")) {
            c.set("options", request.get("options"));
        }
        if (guildId != 0) {
            c.put("guild_id", Long.toUnsignedString(guildId));
        }
        return c;
    }
}
