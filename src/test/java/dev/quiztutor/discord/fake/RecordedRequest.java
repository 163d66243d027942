package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;

/**
 * One REST request the bot made, recorded after the fake answered it: what was asked and what
 * came back. The body is the JSON text (for a multipart upload, its {@code payload_json} part).
 */
public final class RecordedRequest {
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final String body;
    private final JsonNode json;
    private final String specTemplate;
    private final int status;
    private final byte[] responseBytes;
    private final long receivedNanos;
    private final long answeredNanos;

    RecordedRequest(String method, String path, String query, Map<String, String> headers, String body, JsonNode json,
            String specTemplate, int status, byte[] responseBytes, long receivedNanos, long answeredNanos) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.json = json;
        this.specTemplate = specTemplate;
        this.status = status;
        this.responseBytes = responseBytes;
        this.receivedNanos = receivedNanos;
        this.answeredNanos = answeredNanos;
    }

    public String method() {
        return method;
    }

    /** The path after {@code /api/v10}, e.g. {@code /channels/123/messages}. */
    public String path() {
        return path;
    }

    /** The raw query string, or "". */
    public String query() {
        return query;
    }

    /** Request headers, names in lower case (first value of each). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The raw JSON body text, or "" when there was none. */
    public String body() {
        return body;
    }

    /** The parsed body, or a MissingNode. */
    public JsonNode json() {
        return json == null ? MissingNode.getInstance() : json;
    }

    /** The spec's path template this request matched, e.g. {@code /channels/{channel_id}/messages}, or null. */
    public String specTemplate() {
        return specTemplate;
    }

    public int status() {
        return status;
    }

    /** The JSON the fake answered with, or "" (decoded on demand: load tests record a lot). */
    public String responseBody() {
        return responseBytes == null ? "" : new String(responseBytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@link System#nanoTime()} when the request arrived. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** {@link System#nanoTime()} when the answer was written. */
    public long answeredNanos() {
        return answeredNanos;
    }

    public boolean is(String method, String pathPrefix) {
        return this.method.equals(method) && path.startsWith(pathPrefix);
    }

    /** The message part of the body: {@code data} of an interaction callback, else the body. */
    public JsonNode messageBody() {
        JsonNode j = json();
        return path.startsWith("/interactions/") ? j.path("data") : j;
    }

    /** {@code content} of the message part, or null. */
    public String content() {
        JsonNode c = messageBody().get("content");
        return c == null || c.isNull() ? null : c.asText();
    }

    public JsonNode embeds() {
        return messageBody().path("embeds");
    }

    public JsonNode components() {
        return messageBody().path("components");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (body.isEmpty() ? "" : " " + abbreviate(body, 300));
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
