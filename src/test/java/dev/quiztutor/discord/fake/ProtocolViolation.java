package dev.quiztutor.discord.fake;

import java.util.List;

/**
 * Something the bot sent that Discord would not accept or does not know: a body that fails the
 * OpenAPI request schema, a route or method missing from the spec, or a message Discord refuses
 * (empty, duplicate custom ids).
 *
 * @param kind     {@code invalid-body}, {@code unknown-route} or {@code rejected-message}
 * @param method   the HTTP method
 * @param path     the path after {@code /api/v10}
 * @param details  human-readable reasons (the deepest schema errors first)
 * @param body     the offending body, abbreviated
 */
public record ProtocolViolation(String kind, String method, String path, List<String> details, String body) {
    @Override
    public String toString() {
        return kind + ": " + method + " " + path + "\n      " + String.join("\n      ", details)
                + (body == null || body.isEmpty() ? "" : "\n      body: " + body);
    }
}
