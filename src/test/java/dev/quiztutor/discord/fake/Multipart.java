package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough multipart/form-data to read what JDA sends with files: the {@code payload_json}
 * part (checked like a JSON body) and {@code files[n]} parts (stored as attachments, with the
 * description the payload gives file {@code n}, and a PNG's width and height).
 */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final Pattern FILE_INDEX = Pattern.compile("files\\[(\\d+)]");

    private Multipart() {}

    static void parse(String contentType, byte[] body, FakeRest.Req req) throws IOException {
        Matcher bm = BOUNDARY.matcher(contentType);
        if (!bm.find()) {
            throw new IOException("multipart without boundary");
        }
        byte[] delimiter = ("--" + bm.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IOException("multipart boundary not found");
        }
        int fileIndex = 0;
        java.util.Map<Integer, ObjectNode> byIndex = new java.util.HashMap<>();
        while (true) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headEnd < 0) {
                throw new IOException("multipart part without headers");
            }
            String head = new String(body, start, headEnd - start, StandardCharsets.UTF_8);
            int next = indexOf(body, delimiter, headEnd + 4);
            if (next < 0) {
                throw new IOException("unterminated multipart part");
            }
            int contentEnd = next - 2; // CRLF before the delimiter
            byte[] content = java.util.Arrays.copyOfRange(body, headEnd + 4, Math.max(headEnd + 4, contentEnd));
            Matcher name = NAME.matcher(head);
            String partName = name.find() ? name.group(1) : "";
            if (partName.equals("payload_json")) {
                req.bodyText = new String(content, StandardCharsets.UTF_8);
                req.json = Json.parse(content);
            } else if (partName.startsWith("files[") || partName.startsWith("file")) {
                Matcher fn = FILENAME.matcher(head);
                ObjectNode a = req.files.addObject();
                long id = Snowflake.next();
                String filename = fn.find() ? fn.group(1) : "file" + fileIndex;
                a.put("id", Json.id(id));
                a.put("filename", filename);
                a.put("size", content.length);
                String url = req.cdn == null ? "https://cdn.discordapp.com/attachments/0/" + Json.id(id) + "/" + filename
                        : req.cdn.put(id, filename, content);
                a.put("url", url);
                a.put("proxy_url", url);
                String lower = head.toLowerCase(java.util.Locale.ROOT);
                int ct = lower.indexOf("content-type:");
                if (ct >= 0) {
                    a.put("content_type", head.substring(ct + 13).split("\r\n")[0].trim());
                }
                pngSize(content, a);
                Matcher index = FILE_INDEX.matcher(partName);
                byIndex.put(index.matches() ? Integer.parseInt(index.group(1)) : fileIndex, a);
                fileIndex++;
            }
            pos = next;
        }
        describe(req, byIndex);
    }

    /**
     * Discord pairs {@code files[n]} with the payload's {@code attachments} entry of id {@code n}: the
     * message's attachment takes its description (alt text; its length is checked against the spec with
     * the payload).
     */
    private static void describe(FakeRest.Req req, java.util.Map<Integer, ObjectNode> byIndex) {
        if (req.json == null) {
            return;
        }
        for (com.fasterxml.jackson.databind.JsonNode wanted : req.json.path("attachments")) {
            ObjectNode file = byIndex.get(wanted.path("id").asInt(-1));
            if (file != null && wanted.hasNonNull("description") && !wanted.get("description").asText().isEmpty()) {
                file.put("description", wanted.get("description").asText());
            }
        }
    }

    /** An image's attachment has its width and height, as Discord gives them; read from a PNG's header. */
    private static void pngSize(byte[] content, ObjectNode attachment) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (content.length >= 24 && java.util.Arrays.equals(java.util.Arrays.copyOf(content, 8), signature)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(content, 16, 8);
            attachment.put("width", header.getInt());
            attachment.put("height", header.getInt());
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
