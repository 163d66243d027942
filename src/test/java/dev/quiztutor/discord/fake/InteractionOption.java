package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One option of a slash command as a person filled it in, e.g.
 * {@code InteractionOption.string("topic", "mlo")} or a subcommand with its own options. Entity
 * options (user, channel, role) also put the entity into the interaction's {@code resolved}
 * map, as Discord does, so JDA's {@code getAsUser()} etc. work.
 */
public final class InteractionOption {
    static final int SUB_COMMAND = 1;
    static final int SUB_COMMAND_GROUP = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int BOOLEAN = 5;
    static final int USER = 6;
    static final int CHANNEL = 7;
    static final int ROLE = 8;
    static final int NUMBER = 10;
    static final int ATTACHMENT = 11;

    final String name;
    final int type;
    final Object value;
    final List<InteractionOption> children;
    final boolean focused;

    private InteractionOption(String name, int type, Object value, List<InteractionOption> children, boolean focused) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.children = children;
        this.focused = focused;
    }

    public static InteractionOption string(String name, String value) {
        return new InteractionOption(name, STRING, value, List.of(), false);
    }

    public static InteractionOption integer(String name, long value) {
        return new InteractionOption(name, INTEGER, value, List.of(), false);
    }

    public static InteractionOption number(String name, double value) {
        return new InteractionOption(name, NUMBER, value, List.of(), false);
    }

    public static InteractionOption bool(String name, boolean value) {
        return new InteractionOption(name, BOOLEAN, value, List.of(), false);
    }

    public static InteractionOption user(String name, FakeUser user) {
        return new InteractionOption(name, USER, user, List.of(), false);
    }

    public static InteractionOption channel(String name, FakeChannel channel) {
        return new InteractionOption(name, CHANNEL, channel, List.of(), false);
    }

    public static InteractionOption role(String name, FakeRole role) {
        return new InteractionOption(name, ROLE, role, List.of(), false);
    }

    /** A subcommand ({@code /quiz start topic:...}) with its own options. */
    /** A file option: the attachment goes into {@code resolved.attachments}, with its CDN URL. */
    public static InteractionOption attachment(String name, FakeAttachment attachment) {
        return new InteractionOption(name, ATTACHMENT, attachment, List.of(), false);
    }

    public static InteractionOption subcommand(String name, InteractionOption... options) {
        return new InteractionOption(name, SUB_COMMAND, null, List.of(options), false);
    }

    /** A subcommand group holding one subcommand. */
    public static InteractionOption group(String name, InteractionOption subcommand) {
        return new InteractionOption(name, SUB_COMMAND_GROUP, null, List.of(subcommand), false);
    }

    /** The option a person is typing during autocomplete (what they typed so far). */
    public static InteractionOption focused(String name, String typed) {
        return new InteractionOption(name, STRING, typed, List.of(), true);
    }

    static ArrayNode toJson(List<InteractionOption> options, ObjectNode resolved, FakeGuild guild) {
        ArrayNode array = Json.array();
        for (InteractionOption o : options) {
            ObjectNode j = array.addObject();
            j.put("name", o.name);
            j.put("type", o.type);
            switch (o.type) {
                case SUB_COMMAND:
                case SUB_COMMAND_GROUP:
                    j.set("options", toJson(o.children, resolved, guild));
                    break;
                case STRING:
                    j.put("value", (String) o.value);
                    break;
                case INTEGER:
                    j.put("value", (Long) o.value);
                    break;
                case NUMBER:
                    j.put("value", (Double) o.value);
                    break;
                case BOOLEAN:
                    j.put("value", (Boolean) o.value);
                    break;
                case USER: {
                    FakeUser u = (FakeUser) o.value;
                    j.put("value", u.idString());
                    resolvedMap(resolved, "users").set(u.idString(), u.toJson());
                    if (guild != null) {
                        resolvedMap(resolved, "members").set(u.idString(), guild.member(u).toJson(false, true));
                    }
                    break;
                }
                case CHANNEL: {
                    FakeChannel c = (FakeChannel) o.value;
                    j.put("value", c.idString());
                    ObjectNode cj = c.toJson();
                    cj.put("permissions", guild == null ? "0" : Long.toString(FakeDiscord.ALL_PERMISSIONS));
                    resolvedMap(resolved, "channels").set(c.idString(), cj);
                    break;
                }
                case ROLE: {
                    FakeRole r = (FakeRole) o.value;
                    j.put("value", Json.id(r.id()));
                    resolvedMap(resolved, "roles").set(Json.id(r.id()), r.toJson());
                    break;
                }
                case ATTACHMENT: {
                    FakeAttachment a = (FakeAttachment) o.value;
                    j.put("value", Json.id(a.id()));
                    resolvedMap(resolved, "attachments").set(Json.id(a.id()), a.toJson());
                    break;
                }
                default:
                    throw new IllegalStateException("option type " + o.type);
            }
            if (o.focused) {
                j.put("focused", true);
            }
        }
        return array;
    }

    private static ObjectNode resolvedMap(ObjectNode resolved, String key) {
        return resolved.has(key) ? (ObjectNode) resolved.get(key) : resolved.putObject(key);
    }

    @Override
    public String toString() {
        return name + ":" + (children.isEmpty() ? value : children);
    }
}
