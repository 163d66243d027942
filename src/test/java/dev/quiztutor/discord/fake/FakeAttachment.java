package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A file a user attached to a slash command, hosted on the fake's CDN. {@code claimedSize} is what
 * Discord's resolved data says: the real size, or a lie, to check that the bot counts for itself.
 */
public record FakeAttachment(long id, String filename, long claimedSize, String url) {
    ObjectNode toJson() {
        ObjectNode a = Json.object();
        a.put("id", Json.id(id));
        a.put("filename", filename);
        a.put("size", claimedSize);
        a.put("url", url);
        a.put("proxy_url", url);
        a.put("content_type", "application/octet-stream");
        return a;
    }
}
