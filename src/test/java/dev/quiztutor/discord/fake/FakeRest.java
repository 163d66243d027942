package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.Permission;

/**
 * The REST side of the fake, on the JDK's HTTP server with a fixed pool. Each request goes
 * through: spec lookup (unknown route or method = violation), rate limits (if on), auth, body
 * parsing, OpenAPI check (invalid = 400 Invalid Form Body + violation), then the route's handler.
 * It is recorded only after the answer is written.
 */
final class FakeRest implements HttpHandler, AutoCloseable {
    static final String PREFIX = "/api/v10";

    private final FakeDiscord discord;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    /** A request being handled. */
    static final class Req {
        final String method;
        final String path;
        final String query;
        final Map<String, String> headers;
        final long receivedNanos;
        String bodyText = "";
        JsonNode json;
        ArrayNode files = Json.array();
        /** Where files the bot sends are hosted, so a test can read them back. */
        FakeCdn cdn;
        String template;
        String[] params = new String[0];

        Req(String method, String path, String query, Map<String, String> headers, long receivedNanos) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.receivedNanos = receivedNanos;
        }

        boolean queryFlag(String name) {
            for (String part : query.split("&")) {
                if (part.equalsIgnoreCase(name + "=true") || part.equalsIgnoreCase(name + "=1")) {
                    return true;
                }
            }
            return false;
        }

        String queryValue(String name) {
            for (String part : query.split("&")) {
                if (part.startsWith(name + "=")) {
                    return part.substring(name.length() + 1);
                }
            }
            return null;
        }

        long param(int i) {
            return Long.parseUnsignedLong(params[i]);
        }
    }

    /** An answer, and what to do once it has been written and recorded. */
    static final class Resp {
        final int status;
        final byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();
        Consumer<RecordedRequest> afterRecord;

        Resp(int status, JsonNode body) {
            this.status = status;
            this.body = body == null ? null : Json.bytes(body);
        }

        static Resp json(JsonNode body) {
            return new Resp(200, body);
        }

        static Resp noContent() {
            return new Resp(204, null);
        }

        static Resp error(int status, String message, int code) {
            return new Resp(status, Json.error(message, code));
        }

        Resp then(Consumer<RecordedRequest> action) {
            this.afterRecord = action;
            return this;
        }
    }

    FakeRest(FakeDiscord discord, int threads) throws IOException {
        this.discord = discord;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-discord-rest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this);
        server.setExecutor(pool);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** How many distinct client TCP connections have sent requests. */
    int connectionCount() {
        return clientPorts.size();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the pipeline -----------------------------------------------------------------------

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        String fullPath = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String path = fullPath.startsWith(PREFIX + "/") ? fullPath.substring(PREFIX.length()) : fullPath;
        Req req = new Req(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query, headers, received);
        req.cdn = discord.cdn();
        byte[] rawBody = exchange.getRequestBody().readAllBytes();
        // A simulated network: half the round trip before Discord sees the request, half after.
        long latency = discord.restLatencyNanos();
        pause(latency / 2);
        Resp resp;
        try {
            resp = process(req, fullPath, rawBody);
        } catch (RuntimeException | Error e) {
            discord.problem("fake Discord failed on " + req.method + " " + path + ": " + e);
            e.printStackTrace();
            resp = Resp.error(500, "500: Internal Server Error (fake Discord bug: " + e + ")", 0);
        }
        pause(latency - latency / 2);
        // Recorded before the answer leaves: a bot that has Discord's answer may rely on Discord having
        // the request (a test that checks right after the bot's shutdown returned would otherwise race
        // this thread and see nothing).
        RecordedRequest record = new RecordedRequest(req.method, path, query, Collections.unmodifiableMap(headers),
                req.bodyText, req.json, req.template, resp.status,
                resp.body, received, System.nanoTime());
        discord.record(record);
        if (resp.afterRecord != null) {
            resp.afterRecord.accept(record);
        }
        Headers out = exchange.getResponseHeaders();
        out.set("Via", "1.1 google");
        resp.headers.forEach(out::set);
        try {
            if (resp.body == null) {
                exchange.sendResponseHeaders(resp.status, -1);
            } else {
                out.set("Content-Type", "application/json");
                exchange.sendResponseHeaders(resp.status, resp.body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(resp.body);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private Resp process(Req req, String fullPath, byte[] rawBody) {
        if (!fullPath.startsWith(PREFIX + "/")) {
            discord.problem("request outside " + PREFIX + ": " + req.method + " " + fullPath);
            return Resp.error(404, "404: Not Found", 0);
        }
        DiscordSpec spec = discord.spec();
        req.template = spec == null ? null : spec.template(req.path);
        DiscordSpec.Operation op = spec == null ? null : spec.operation(req.method, req.path);
        if (spec != null && op == null) {
            discord.violation(new ProtocolViolation("unknown-route", req.method, req.path,
                    List.of(req.template == null ? "no such path in Discord's OpenAPI spec"
                            : "the spec has " + req.template + " but not the method " + req.method),
                    RecordedRequest.abbreviate(new String(rawBody, StandardCharsets.UTF_8), 500)));
        }
        if (req.template != null) {
            req.params = extractParams(req.template, req.path);
            pause(discord.routeLatencyNanos(req.method + " " + req.template));
        }

        RateLimits.Decision limit = discord.rateLimits().check(req.method, req.template, majorParameter(req),
                isInteractionEndpoint(req));
        Map<String, String> limitHeaders = new LinkedHashMap<>();
        if (limit != null && limit.global()) {
            // Discord's global 429: no bucket headers, the scope and the global flag instead.
            ObjectNode body = Json.object();
            body.put("message", "You are being rate limited.");
            body.put("retry_after", Math.max(0.001, limit.resetAfterSeconds()));
            body.put("global", true);
            Resp r = new Resp(429, body);
            r.headers.put("Retry-After", Long.toString(limit.retryAfterHeader()));
            r.headers.put("X-RateLimit-Global", "true");
            r.headers.put("X-RateLimit-Scope", "global");
            return r;
        }
        if (limit != null) {
            limitHeaders.put("X-RateLimit-Bucket", limit.bucketHash());
            limitHeaders.put("X-RateLimit-Limit", Integer.toString(limit.limit()));
            limitHeaders.put("X-RateLimit-Remaining", Integer.toString(limit.remaining()));
            limitHeaders.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", limit.resetEpochSeconds()));
            limitHeaders.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", limit.resetAfterSeconds()));
            if (!limit.allowed()) {
                ObjectNode body = Json.object();
                body.put("message", "You are being rate limited.");
                body.put("retry_after", Math.max(0.001, limit.resetAfterSeconds()));
                body.put("global", false);
                Resp r = new Resp(429, body);
                r.headers.putAll(limitHeaders);
                r.headers.put("Retry-After", Long.toString(limit.retryAfterHeader()));
                r.headers.put("X-RateLimit-Scope", "user");
                return r;
            }
        }
        Resp r = authorizeParseCheckAndRoute(req, op, rawBody);
        if (limit != null) {
            limitHeaders.forEach(r.headers::putIfAbsent);
        }
        return r;
    }

    private Resp authorizeParseCheckAndRoute(Req req, DiscordSpec.Operation op, byte[] rawBody) {
        boolean tokenRoute = req.path.startsWith("/interactions/") || (req.path.startsWith("/webhooks/") && req.params.length >= 2);
        if (!tokenRoute) {
            String auth = req.headers.getOrDefault("authorization", "");
            if (!auth.startsWith("Bot ") || auth.length() <= 4) {
                discord.problem(req.method + " " + req.path + " without a bot Authorization header");
                return Resp.error(401, "401: Unauthorized", 0);
            }
            if (auth.equals("Bot " + FakeDiscord.REJECTED_TOKEN)) {
                return Resp.error(401, "401: Unauthorized", 0);
            }
        }
        if (rawBody.length > 0) {
            String contentType = req.headers.getOrDefault("content-type", "");
            try {
                if (contentType.startsWith("multipart/form-data")) {
                    Multipart.parse(contentType, rawBody, req);
                } else {
                    req.bodyText = new String(rawBody, StandardCharsets.UTF_8);
                    req.json = Json.parse(rawBody);
                }
            } catch (IOException | RuntimeException e) {
                discord.violation(new ProtocolViolation("invalid-body", req.method, req.path,
                        List.of("body is not valid JSON / multipart: " + e.getMessage()),
                        RecordedRequest.abbreviate(new String(rawBody, StandardCharsets.UTF_8), 500)));
                return Resp.error(400, "The request body contains invalid JSON.", 50109);
            }
        }
        if (op != null && req.json != null && discord.settings().protocolChecks) {
            if (op.hasJsonBody()) {
                DiscordSpec.Check check = discord.check(op, req.json, req.bodyText);
                if (!check.valid()) {
                    discord.violation(new ProtocolViolation("invalid-body", req.method, req.path, check.messages(),
                            RecordedRequest.abbreviate(req.bodyText, 2000)));
                    ObjectNode body = Json.error("Invalid Form Body", 50035);
                    body.set("errors", check.discordErrors());
                    return new Resp(400, body);
                }
            } else if (!(req.json.isObject() && req.json.isEmpty())) {
                discord.violation(new ProtocolViolation("unexpected-body", req.method, req.path,
                        List.of("the spec defines no request body for " + op), RecordedRequest.abbreviate(req.bodyText, 500)));
            }
        }
        return route(req);
    }

    /**
     * Discord's interaction endpoints, which the global limit does not bind: callbacks, and the
     * interaction webhooks (follow-ups, the original response) under the application's id.
     */
    private boolean isInteractionEndpoint(Req req) {
        return req.path.startsWith("/interactions/")
                || req.path.startsWith("/webhooks/" + Json.id(discord.applicationId()) + "/");
    }

    private static String majorParameter(Req req) {
        if (req.template == null) {
            return "";
        }
        if (req.template.startsWith("/channels/{channel_id}") || req.template.startsWith("/guilds/{guild_id}")) {
            return req.params.length > 0 ? req.params[0] : "";
        }
        if (req.template.startsWith("/webhooks/{webhook_id}/{webhook_token}")) {
            return req.params.length > 1 ? req.params[0] + "/" + req.params[1] : "";
        }
        return "";
    }

    private static String[] extractParams(String template, String path) {
        String[] t = template.substring(1).split("/", -1);
        String[] p = path.substring(1).split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.length && i < p.length; i++) {
            if (t[i].startsWith("{")) {
                out.add(p[i]);
            }
        }
        return out.toArray(new String[0]);
    }

    // ---- routes -------------------------------------------------------------------------------

    private Resp route(Req req) {
        String key = req.method + " " + req.template;
        try {
            switch (key) {
                case "GET /users/@me":
                    return Resp.json(discord.selfUserJson());
                case "GET /users/{user_id}": {
                    FakeUser u = discord.userById(req.param(0));
                    return u == null ? Resp.error(404, "Unknown User", 10013) : Resp.json(u.toJson());
                }
                case "POST /users/@me/channels": {
                    FakeUser u = discord.userById(req.json.path("recipient_id").asLong());
                    return u == null ? Resp.error(400, "Unknown User", 10013) : Resp.json(discord.dm(u).toJson());
                }
                case "GET /applications/@me":
                case "GET /oauth2/applications/@me":
                    return Resp.json(discord.applicationJson());
                case "GET /gateway":
                    return Resp.json(Json.object().put("url", discord.gatewayUrl()));
                case "GET /gateway/bot":
                    return Resp.json(discord.gatewayBotJson());
                case "GET /applications/{application_id}/commands":
                case "PUT /applications/{application_id}/commands":
                case "POST /applications/{application_id}/commands":
                case "GET /applications/{application_id}/commands/{command_id}":
                case "PATCH /applications/{application_id}/commands/{command_id}":
                case "DELETE /applications/{application_id}/commands/{command_id}":
                    return commands(req, 0L, req.params.length > 1 ? req.params[1] : null);
                case "GET /applications/{application_id}/guilds/{guild_id}/commands":
                case "PUT /applications/{application_id}/guilds/{guild_id}/commands":
                case "POST /applications/{application_id}/guilds/{guild_id}/commands":
                case "GET /applications/{application_id}/guilds/{guild_id}/commands/{command_id}":
                case "PATCH /applications/{application_id}/guilds/{guild_id}/commands/{command_id}":
                case "DELETE /applications/{application_id}/guilds/{guild_id}/commands/{command_id}": {
                    if (discord.guildById(req.param(1)) == null) {
                        return Resp.error(404, "Unknown Guild", 10004);
                    }
                    return commands(req, req.param(1), req.params.length > 2 ? req.params[2] : null);
                }
                case "POST /interactions/{interaction_id}/{interaction_token}/callback":
                    return callback(req);
                case "GET /webhooks/{webhook_id}/{webhook_token}/messages/@original":
                case "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original":
                case "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original":
                    return webhookMessage(req, true);
                case "GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}":
                case "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}":
                case "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}":
                    return webhookMessage(req, false);
                case "POST /webhooks/{webhook_id}/{webhook_token}":
                    return followUp(req);
                case "GET /channels/{channel_id}": {
                    FakeChannel c = discord.channelById(req.param(0));
                    return c == null || c.isDeleted() ? unknownChannel() : Resp.json(c.toJson());
                }
                case "POST /channels/{channel_id}/messages":
                    return createChannelMessage(req);
                case "GET /channels/{channel_id}/messages":
                    return listChannelMessages(req);
                case "GET /channels/{channel_id}/messages/{message_id}":
                case "PATCH /channels/{channel_id}/messages/{message_id}":
                case "DELETE /channels/{channel_id}/messages/{message_id}":
                    return channelMessage(req);
                case "POST /channels/{channel_id}/typing":
                case "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me":
                case "DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me": {
                    FakeChannel c = discord.channelById(req.param(0));
                    return c == null || c.isDeleted() ? unknownChannel() : Resp.noContent();
                }
                case "GET /guilds/{guild_id}": {
                    FakeGuild g = discord.guildById(req.param(0));
                    return g == null ? Resp.error(404, "Unknown Guild", 10004) : Resp.json(g.toRestJson());
                }
                case "GET /guilds/{guild_id}/channels": {
                    FakeGuild g = discord.guildById(req.param(0));
                    if (g == null) {
                        return Resp.error(404, "Unknown Guild", 10004);
                    }
                    ArrayNode list = Json.array();
                    g.channels().stream().filter(c -> !c.isDeleted()).forEach(c -> list.add(c.toJson()));
                    return Resp.json(list);
                }
                case "GET /guilds/{guild_id}/roles": {
                    FakeGuild g = discord.guildById(req.param(0));
                    if (g == null) {
                        return Resp.error(404, "Unknown Guild", 10004);
                    }
                    ArrayNode list = Json.array();
                    g.roles().forEach(r -> list.add(r.toJson()));
                    return Resp.json(list);
                }
                case "GET /guilds/{guild_id}/members/{user_id}": {
                    FakeGuild g = discord.guildById(req.param(0));
                    FakeMember m = g == null ? null : g.existingMember(req.param(1));
                    return m == null ? Resp.error(404, "Unknown Member", 10007) : Resp.json(m.toJson(true, false));
                }
                default:
                    discord.problem("the fake has no route for " + req.method + " " + req.path
                            + (req.template == null ? "" : " (spec: " + req.template + ")"));
                    return Resp.error(404, "404: Not Found", 0);
            }
        } catch (NumberFormatException e) {
            return Resp.error(404, "404: Not Found", 0);
        }
    }

    private static Resp unknownChannel() {
        return Resp.error(404, "Unknown Channel", 10003);
    }

    private static Resp unknownMessage() {
        return Resp.error(404, "Unknown Message", 10008);
    }

    private static Resp unknownWebhook() {
        return Resp.error(404, "Unknown Webhook", 10015);
    }

    private Resp rejectedMessage(Req req, Object[] refusal) {
        discord.violation(new ProtocolViolation("rejected-message", req.method, req.path, List.of((String) refusal[1]),
                RecordedRequest.abbreviate(req.bodyText, 1000)));
        return Resp.error(400, (String) refusal[1], (Integer) refusal[0]);
    }

    // ---- application commands -------------------------------------------------------------------

    private Resp commands(Req req, long guildId, String commandId) {
        if (req.param(0) != discord.applicationId()) {
            discord.problem(req.method + " " + req.path + " names application " + req.params[0] + ", not the bot's");
            return Resp.error(403, "Missing Access", 50001);
        }
        CommandStore store = discord.commandStore();
        switch (req.method) {
            case "PUT":
                return Resp.json(store.overwrite(guildId, req.json == null ? Json.array() : req.json));
            case "POST": {
                boolean[] created = new boolean[1];
                ObjectNode c = store.upsert(guildId, req.json, created);
                return new Resp(created[0] ? 201 : 200, c);
            }
            case "GET":
                if (commandId == null) {
                    return Resp.json(store.list(guildId));
                } else {
                    ObjectNode c = store.get(guildId, Long.parseUnsignedLong(commandId));
                    return c == null ? Resp.error(404, "Unknown application command", 10063) : Resp.json(c);
                }
            case "PATCH": {
                ObjectNode c = store.patch(guildId, Long.parseUnsignedLong(commandId), req.json);
                return c == null ? Resp.error(404, "Unknown application command", 10063) : Resp.json(c);
            }
            case "DELETE":
                return store.delete(guildId, Long.parseUnsignedLong(commandId))
                        ? Resp.noContent()
                        : Resp.error(404, "Unknown application command", 10063);
            default:
                return Resp.error(405, "405: Method Not Allowed", 0);
        }
    }

    // ---- interactions ----------------------------------------------------------------------------

    private Resp callback(Req req) {
        InteractionHandle h = discord.interaction(req.params[1]);
        if (h == null || !Long.toUnsignedString(h.id()).equals(req.params[0])) {
            discord.problem("callback for an unknown interaction " + req.params[0]);
            return Resp.error(404, "Unknown interaction", 10062);
        }
        if (req.json == null) {
            return Resp.error(400, "Invalid Form Body", 50035);
        }
        java.time.Duration deadline = discord.settings().ackDeadline;
        if (deadline != null && req.receivedNanos - h.dispatchedNanos() > deadline.toNanos()) {
            discord.problem(h.describe() + " acknowledged after " + (req.receivedNanos - h.dispatchedNanos()) / 1_000_000
                    + " ms, past the " + deadline.toMillis() + " ms deadline");
            return Resp.error(404, "Unknown interaction", 10062).then(rec -> h.recordCallback(new Callback(rec, rec.receivedNanos() - h.dispatchedNanos(), null)));
        }
        int type = req.json.path("type").asInt(-1);
        JsonNode data = req.json.path("data");
        boolean component = h.type() == InteractionHandle.MESSAGE_COMPONENT
                || (h.type() == InteractionHandle.MODAL_SUBMIT && h.sourceMessage() != null);
        String invalid = null;
        switch (type) {
            case 4:
                Object[] refusal = MessageFactory.refusal(data, req.files.size());
                if (refusal != null) {
                    Resp r = rejectedMessage(req, refusal);
                    return r.then(rec -> h.recordCallback(new Callback(rec, rec.receivedNanos() - h.dispatchedNanos(), null)));
                }
                break;
            case 5:
                break;
            case 6:
            case 7:
                if (!component) {
                    invalid = "callback type " + type + " is only valid for component interactions";
                }
                break;
            case 8:
                if (h.type() != InteractionHandle.AUTOCOMPLETE) {
                    invalid = "callback type 8 is only valid for autocomplete interactions";
                }
                break;
            case 9:
                if (h.type() == InteractionHandle.AUTOCOMPLETE || h.type() == InteractionHandle.MODAL_SUBMIT) {
                    invalid = "a modal cannot answer this interaction type";
                }
                break;
            default:
                invalid = "callback type " + type + " is not valid for a gateway interaction";
        }
        if (h.type() == InteractionHandle.AUTOCOMPLETE && type != 8) {
            invalid = "an autocomplete interaction must be answered with type 8";
        }
        if (invalid != null) {
            discord.violation(new ProtocolViolation("rejected-message", req.method, req.path, List.of(invalid), req.bodyText));
            return Resp.error(400, "Invalid Form Body: " + invalid, 50035)
                    .then(rec -> h.recordCallback(new Callback(rec, rec.receivedNanos() - h.dispatchedNanos(), null)));
        }
        if (!h.tryAck()) {
            discord.problem(h.describe() + " was acknowledged twice");
            return Resp.error(400, "Interaction has already been acknowledged.", 40060);
        }
        FakeMessage message = null;
        switch (type) {
            case 4:
                message = discord.createInteractionMessage(h, data, false, req.files);
                h.setOriginal(message);
                break;
            case 5:
                message = discord.createInteractionMessage(h, data, true);
                h.setOriginal(message);
                break;
            case 6:
                message = h.sourceMessage();
                h.setOriginal(message);
                break;
            case 7:
                message = h.sourceMessage();
                message.applyEdit(data, Json.array());
                h.setOriginal(message);
                break;
            default:
                break;
        }
        FakeMessage made = message;
        Resp resp;
        if (req.queryFlag("with_response")) {
            ObjectNode body = Json.object();
            ObjectNode interaction = body.putObject("interaction");
            interaction.put("id", Json.id(h.id()));
            interaction.put("type", h.type());
            if (made != null) {
                interaction.put("response_message_id", made.idString());
                interaction.put("response_message_loading", made.isLoading());
                interaction.put("response_message_ephemeral", made.isEphemeral());
            }
            interaction.put("channel_id", h.channel().idString());
            if (h.channel().guild() != null) {
                interaction.put("guild_id", h.channel().guild().idString());
            }
            if (type == 4 || type == 7) {
                ObjectNode resource = body.putObject("resource");
                resource.put("type", type);
                resource.set("message", made.json());
            }
            resp = Resp.json(body);
        } else {
            resp = Resp.noContent();
        }
        return resp.then(rec -> h.recordCallback(new Callback(rec, rec.receivedNanos() - h.dispatchedNanos(), made)));
    }

    private InteractionHandle webhookInteraction(Req req) {
        if (!req.params[0].equals(Json.id(discord.applicationId()))) {
            return null;
        }
        return discord.interaction(req.params[1]);
    }

    private Resp webhookMessage(Req req, boolean original) {
        InteractionHandle h = webhookInteraction(req);
        if (h == null) {
            discord.problem(req.method + " " + req.path + ": no interaction has this webhook token");
            return unknownWebhook();
        }
        if (!h.isAcked()) {
            discord.problem(h.describe() + ": webhook used before the interaction was acknowledged");
            return unknownWebhook();
        }
        FakeMessage m;
        if (original) {
            m = h.original();
        } else {
            long id = Long.parseUnsignedLong(req.params[2]);
            m = h.ownsMessage(id) ? discord.messageById(id) : null;
        }
        if (m == null || m.isDeleted()) {
            return unknownMessage();
        }
        switch (req.method) {
            case "GET":
                return Resp.json(m.json());
            case "DELETE":
                m.markDeleted();
                return Resp.noContent();
            case "PATCH": {
                JsonNode body = req.json == null ? Json.object() : req.json;
                String dup = MessageFactory.duplicateCustomId(body.path("components"));
                if (dup != null) {
                    return rejectedMessage(req, new Object[] {50035, "Invalid Form Body: duplicate custom_id '" + dup + "'"});
                }
                m.applyEdit(body, req.files);
                Resp r = Resp.json(m.json());
                return original ? r.then(h::recordOriginalEdit) : r;
            }
            default:
                return Resp.error(405, "405: Method Not Allowed", 0);
        }
    }

    private Resp followUp(Req req) {
        InteractionHandle h = webhookInteraction(req);
        if (h == null) {
            discord.problem("POST " + req.path + ": no interaction has this webhook token");
            return unknownWebhook();
        }
        if (!h.isAcked()) {
            discord.problem(h.describe() + ": follow-up sent before the interaction was acknowledged");
            return unknownWebhook();
        }
        JsonNode body = req.json == null ? Json.object() : req.json;
        Object[] refusal = MessageFactory.refusal(body, req.files.size());
        if (refusal != null) {
            return rejectedMessage(req, refusal);
        }
        FakeMessage loading = h.original();
        if (loading != null && !loading.isDeleted() && loading.isLoading()) {
            // Discord's rule for the first follow-up after a deferred reply (type 5): it edits the
            // loading message instead of making one, and the ephemeral flag is ignored: the message
            // stays as public (or private) as the deferral made it.
            ObjectNode edit = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.object();
            if (edit.path("poll").isNull()) {
                edit.remove("poll"); // a follow-up may say "no poll"; an edit leaves the message's alone
            }
            loading.applyEdit(edit, req.files);
            Resp r = req.queryFlag("wait") ? Resp.json(loading.json()) : Resp.noContent();
            return r.then(rec -> {
                h.recordFollowUp(rec);
                h.recordOriginalEdit(rec);
            });
        }
        FakeMessage m = discord.createFollowUp(h, body, req.files);
        Resp r = req.queryFlag("wait") ? Resp.json(m.json()) : Resp.noContent();
        return r.then(h::recordFollowUp);
    }

    // ---- channel messages ------------------------------------------------------------------------

    private Resp createChannelMessage(Req req) {
        FakeChannel c = discord.channelById(req.param(0));
        if (c == null || c.isDeleted()) {
            return unknownChannel();
        }
        if (c.rejectsPosts()) {
            return Resp.error(403, "Missing Permissions", 50013);
        }
        JsonNode body = req.json == null ? Json.object() : req.json;
        Object[] refusal = MessageFactory.refusal(body, req.files.size());
        if (refusal != null) {
            return rejectedMessage(req, refusal);
        }
        Resp forbidden = forbidden(c, body);
        if (forbidden != null) {
            return forbidden;
        }
        if (body.hasNonNull("message_reference")
                && (c.botPermissions() & Permission.MESSAGE_HISTORY.getRawValue()) == 0) {
            return Resp.error(403, "Cannot reply without permission to read message history", 160002);
        }
        if (body.hasNonNull("message_reference")) {
            long refId = body.get("message_reference").path("message_id").asLong();
            FakeMessage ref = c.message(refId);
            if ((ref == null || ref.isDeleted()) && body.get("message_reference").path("fail_if_not_exists").asBoolean(true)) {
                ObjectNode err = Json.error("Invalid Form Body", 50035);
                err.putObject("errors").putObject("message_reference").putArray("_errors").addObject()
                        .put("code", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE").put("message", "Unknown message");
                return new Resp(400, err);
            }
        }
        FakeMessage m = discord.createChannelMessage(c, body, req.files);
        return Resp.json(m.json());
    }

    /**
     * What the channel's permissions refuse to the bot's post or edit: no View Channel is 50001
     * Missing Access, no Send Messages (or embeds without Embed Links) 50013 Missing Permissions.
     */
    private static Resp forbidden(FakeChannel c, JsonNode body) {
        if (c.guild() == null) {
            return null;
        }
        long allowed = c.botPermissions();
        if ((allowed & Permission.VIEW_CHANNEL.getRawValue()) == 0) {
            return Resp.error(403, "Missing Access", 50001);
        }
        boolean embeds = body.path("embeds").isArray() && !body.path("embeds").isEmpty();
        if ((allowed & Permission.MESSAGE_SEND.getRawValue()) == 0
                || (embeds && (allowed & Permission.MESSAGE_EMBED_LINKS.getRawValue()) == 0)) {
            return Resp.error(403, "Missing Permissions", 50013);
        }
        return null;
    }

    private Resp listChannelMessages(Req req) {
        FakeChannel c = discord.channelById(req.param(0));
        if (c == null || c.isDeleted()) {
            return unknownChannel();
        }
        int limit = 50;
        String l = req.queryValue("limit");
        if (l != null) {
            limit = Math.max(1, Math.min(100, Integer.parseInt(l)));
        }
        List<FakeMessage> all = c.messages();
        ArrayNode list = Json.array();
        for (int i = all.size() - 1; i >= 0 && list.size() < limit; i--) {
            if (!all.get(i).isEphemeral()) {
                list.add(all.get(i).json());
            }
        }
        return Resp.json(list);
    }

    private Resp channelMessage(Req req) {
        FakeChannel c = discord.channelById(req.param(0));
        if (c == null || c.isDeleted()) {
            return unknownChannel();
        }
        FakeMessage m = c.message(req.param(1));
        if (m == null || m.isDeleted() || m.isEphemeral()) {
            return unknownMessage(); // ephemeral messages are not reachable through channel routes
        }
        switch (req.method) {
            case "GET":
                return Resp.json(m.json());
            case "DELETE":
                m.markDeleted();
                return Resp.noContent();
            case "PATCH": {
                if (c.rejectsPosts()) {
                    return Resp.error(403, "Missing Permissions", 50013);
                }
                JsonNode body = req.json == null ? Json.object() : req.json;
                Resp forbidden = forbidden(c, body);
                if (forbidden != null) {
                    return forbidden;
                }
                String dup = MessageFactory.duplicateCustomId(body.path("components"));
                if (dup != null) {
                    return rejectedMessage(req, new Object[] {50035, "Invalid Form Body: duplicate custom_id '" + dup + "'"});
                }
                m.applyEdit(body, req.files);
                return Resp.json(m.json());
            }
            default:
                return Resp.error(405, "405: Method Not Allowed", 0);
        }
    }
}
