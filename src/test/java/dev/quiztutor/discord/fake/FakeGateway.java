package dev.quiztutor.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway side of the fake: HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, RESUME with
 * replay, and dispatch of events to the shard that owns a guild. One thread per connection reads;
 * writers take only that connection's session lock, which also keeps sequence numbers in the
 * order the frames hit the wire.
 */
final class FakeGateway implements AutoCloseable {
    static final int HEARTBEAT_INTERVAL_MS = 41_250;
    static final int INTENT_GUILDS = 1;
    static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
    private static final int REPLAY_LIMIT = 10_000;

    private final FakeDiscord discord;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Map<String, GatewaySession> sessionsById = new ConcurrentHashMap<>();
    private final List<GatewaySession> active = new CopyOnWriteArrayList<>();
    private final List<WebSocketConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Object identifiedMonitor = new Object();
    private int identified;
    private volatile boolean closed;
    private volatile boolean down;

    FakeGateway(FakeDiscord discord) throws IOException {
        this.discord = discord;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.acceptor = new Thread(this::acceptLoop, "fake-discord-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "ws://127.0.0.1:" + port() + "/";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fake-discord-gateway-" + connectionCount.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    discord.problem("gateway accept failed: " + e);
                }
            }
        }
    }

    // ---- one connection ---------------------------------------------------------------------

    private void serve(Socket socket) {
        if (down) {
            // An outage: the connection is cut before the handshake, as a gateway that is down does.
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // gone either way
            }
            return;
        }
        WebSocketConnection conn;
        try {
            conn = WebSocketConnection.accept(socket);
        } catch (IOException e) {
            if (!closed) {
                discord.problem("gateway upgrade failed: " + e.getMessage());
            }
            return;
        }
        connections.add(conn);
        GatewaySession session = null;
        try {
            String target = conn.requestTarget();
            if (!target.contains("encoding=json") || target.contains("compress=")) {
                discord.problem("gateway connected with " + target
                        + ": the fake speaks plain JSON only (use setCompression(Compression.NONE))");
            }
            // HELLO at once: JDA sends IDENTIFY as soon as the socket opens, without waiting for it
            ObjectNode hello = Json.object();
            hello.put("op", 10);
            hello.putNull("s");
            hello.putNull("t");
            ObjectNode helloD = hello.putObject("d");
            helloD.put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
            helloD.putArray("_trace").add("[\"fake-discord-gateway\"]");
            conn.sendText(Json.bytes(hello));
            while (true) {
                byte[] message = conn.readMessage();
                if (message == null) {
                    break;
                }
                JsonNode frame;
                try {
                    frame = Json.parse(message);
                } catch (IOException e) {
                    discord.problem("gateway frame is not JSON: " + new String(message, StandardCharsets.UTF_8));
                    conn.close(4002, "Error while decoding payload.");
                    break;
                }
                int op = frame.path("op").asInt(-1);
                JsonNode d = frame.path("d");
                switch (op) {
                    case 1:
                        conn.sendText("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}".getBytes(StandardCharsets.UTF_8));
                        break;
                    case 2:
                        if (session != null) {
                            conn.close(4005, "Already authenticated.");
                            break;
                        }
                        session = identify(conn, d);
                        break;
                    case 6:
                        if (session != null) {
                            conn.close(4005, "Already authenticated.");
                            break;
                        }
                        session = resume(conn, d);
                        break;
                    case 3: // presence update
                    case 4: // voice state update: a slash bot never joins voice
                        break;
                    case 8:
                        requestGuildMembers(session, d);
                        break;
                    default:
                        discord.problem("gateway got unknown opcode " + op + ": " + new String(message, StandardCharsets.UTF_8));
                        conn.close(4001, "Unknown opcode.");
                }
                if (!conn.isOpen()) {
                    break;
                }
            }
        } catch (IOException e) {
            // connection dropped (by either side)
        } finally {
            connections.remove(conn);
            if (session != null) {
                session.detach(conn);
            }
            conn.abort();
        }
    }

    private GatewaySession identify(WebSocketConnection conn, JsonNode d) throws IOException {
        String token = d.path("token").asText("");
        if (token.isEmpty()) {
            discord.problem("IDENTIFY without a token");
            conn.close(4004, "Authentication failed.");
            return null;
        }
        if (!d.has("intents")) {
            discord.problem("IDENTIFY without intents (required since gateway v8)");
            conn.close(4013, "Invalid intent(s).");
            return null;
        }
        int intents = d.path("intents").asInt();
        int disallowed = intents & PRIVILEGED_INTENTS & ~discord.settings().allowedPrivilegedIntents;
        if (disallowed != 0) {
            discord.problem("IDENTIFY asked for privileged intents " + Integer.toBinaryString(disallowed)
                    + " that the application is not allowed (FakeDiscord.Builder.allowPrivilegedIntents)");
            conn.close(4014, "Disallowed intent(s).");
            return null;
        }
        int shardId = 0;
        int shardCount = 1;
        if (d.has("shard")) {
            shardId = d.path("shard").path(0).asInt(-1);
            shardCount = d.path("shard").path(1).asInt(0);
        }
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
            discord.problem("IDENTIFY with invalid shard " + d.path("shard"));
            conn.close(4010, "Invalid shard.");
            return null;
        }
        GatewaySession session = new GatewaySession(UUID.randomUUID().toString().replace("-", ""), shardId, shardCount, intents, token);
        sessionsById.put(session.id, session);
        // a new IDENTIFY for a shard replaces the previous session of that shard
        for (GatewaySession s : active) {
            if (s.shardId == shardId && s.shardCount == shardCount) {
                active.remove(s);
            }
        }
        active.add(session);
        session.attach(conn, -1);

        FakeUser bot = discord.botUser();
        ObjectNode ready = Json.object();
        ready.put("v", 10);
        ObjectNode user = bot.toJson();
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.putNull("email");
        user.put("bot", true);
        ready.set("user", user);
        ready.putObject("user_settings");
        ArrayNode guilds = ready.putArray("guilds");
        List<FakeGuild> mine = new ArrayList<>();
        for (FakeGuild g : discord.guilds()) {
            if (Snowflake.shardOf(g.id(), shardCount) == shardId) {
                mine.add(g);
                ObjectNode ug = guilds.addObject();
                ug.put("id", g.idString());
                ug.put("unavailable", true);
            }
        }
        ready.putArray("guild_join_requests");
        ready.putArray("presences");
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.put("session_id", session.id);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", url());
        ready.putArray("geo_ordered_rtc_regions").add("fake-local");
        ready.putArray("shard").add(shardId).add(shardCount);
        ObjectNode app = ready.putObject("application");
        app.put("id", Json.id(discord.applicationId()));
        app.put("flags", (1 << 19) | (1 << 23));
        ready.putObject("auth");
        ready.put("auth_session_id_hash", Integer.toHexString(session.id.hashCode()));
        ready.putArray("_trace").add("[\"fake-discord-gateway\"]");
        session.dispatch("READY", Json.bytes(ready));
        for (FakeGuild g : mine) {
            if (g.isUnavailable()) {
                continue; // in an outage: it stays unavailable, as READY said, until it comes back
            }
            session.dispatch("GUILD_CREATE", Json.bytes(g.toGuildCreateJson(bot)));
        }
        synchronized (identifiedMonitor) {
            identified++;
            identifiedMonitor.notifyAll();
        }
        return session;
    }

    private GatewaySession resume(WebSocketConnection conn, JsonNode d) throws IOException {
        GatewaySession session = sessionsById.get(d.path("session_id").asText(""));
        if (session == null || session.invalidated) {
            conn.sendText("{\"op\":9,\"s\":null,\"t\":null,\"d\":false}".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        long seq = d.path("seq").asLong(0);
        if (!session.attach(conn, seq)) {
            conn.sendText("{\"op\":9,\"s\":null,\"t\":null,\"d\":false}".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        if (!active.contains(session)) {
            active.add(session);
        }
        ObjectNode resumed = Json.object();
        resumed.putArray("_trace").add("[\"fake-discord-gateway\"]");
        session.dispatch("RESUMED", Json.bytes(resumed));
        session.resumes.incrementAndGet();
        return session;
    }

    private void requestGuildMembers(GatewaySession session, JsonNode d) {
        if (session == null) {
            return;
        }
        FakeGuild guild = discord.guildById(d.path("guild_id").asLong());
        if (guild == null) {
            return;
        }
        ObjectNode chunk = Json.object();
        chunk.put("guild_id", guild.idString());
        ArrayNode members = chunk.putArray("members");
        ArrayNode notFound = chunk.putArray("not_found");
        JsonNode ids = d.path("user_ids");
        if (ids.isTextual() || ids.isNumber()) {
            ids = Json.array().add(ids.asText());
        }
        if (ids.isArray()) {
            for (JsonNode id : ids) {
                FakeMember m = guild.existingMember(id.asLong());
                if (m == null) {
                    notFound.add(id.asText());
                } else {
                    members.add(m.toJson(true, false));
                }
            }
        } else {
            String query = d.path("query").asText("").toLowerCase(Locale.ROOT);
            int limit = d.path("limit").asInt(0);
            for (FakeMember m : guild.members()) {
                if (m.user().username().toLowerCase(Locale.ROOT).startsWith(query) && (limit == 0 || members.size() < limit)) {
                    members.add(m.toJson(true, false));
                }
            }
        }
        chunk.put("chunk_index", 0);
        chunk.put("chunk_count", 1);
        if (d.has("nonce")) {
            chunk.set("nonce", d.get("nonce"));
        }
        session.dispatch("GUILD_MEMBERS_CHUNK", Json.bytes(chunk));
    }

    // ---- dispatching --------------------------------------------------------------------------

    /** The live session that owns a guild (0 for DMs, which go to shard 0), or null. */
    GatewaySession sessionFor(long guildId) {
        GatewaySession found = null;
        for (GatewaySession s : active) {
            if (!s.invalidated && Snowflake.shardOf(guildId, s.shardCount) == s.shardId) {
                found = s; // the newest wins
            }
        }
        return found;
    }

    /** Sends an event to the guild's shard; false if no bot session owns it. */
    boolean dispatch(long guildId, String type, byte[] d) {
        GatewaySession s = sessionFor(guildId);
        if (s == null) {
            return false;
        }
        s.dispatch(type, d);
        return true;
    }

    void awaitIdentified(int count, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (identifiedMonitor) {
            while (identified < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(identified + " of " + count + " gateway sessions identified in time\n" + discord.diagnostics());
                }
                identifiedMonitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    List<GatewaySession> sessions() {
        return new ArrayList<>(sessionsById.values());
    }

    /** Sends op 7 RECONNECT on every connection: JDA closes and resumes. */
    void requestReconnect() {
        for (GatewaySession s : active) {
            s.sendControl("{\"op\":7,\"s\":null,\"t\":null,\"d\":null}");
        }
    }

    /** Drops every TCP connection without a close frame (a network failure). */
    void dropConnections() {
        for (WebSocketConnection c : connections) {
            c.abort();
        }
    }

    /**
     * A gateway outage: every connection is dropped, and new ones are cut before the handshake until
     * {@link #endOutage}. JDA keeps trying to reconnect (its shards' status says so).
     */
    void outage() {
        down = true;
        dropConnections();
    }

    void endOutage() {
        down = false;
    }

    /** Sends op 9 INVALID_SESSION (not resumable) on every session: JDA must IDENTIFY anew. */
    void invalidateSessions() {
        for (GatewaySession s : active) {
            s.invalidated = true;
            active.remove(s);
            s.sendControl("{\"op\":9,\"s\":null,\"t\":null,\"d\":false}");
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (WebSocketConnection c : connections) {
            c.close(1001, "fake Discord shutting down");
        }
    }

    // ---- a session --------------------------------------------------------------------------

    /** A logical gateway session (survives reconnects through RESUME). */
    static final class GatewaySession {
        final String id;
        final int shardId;
        final int shardCount;
        final int intents;
        final String token;
        final AtomicLong dispatched = new AtomicLong();
        final AtomicInteger resumes = new AtomicInteger();
        volatile boolean invalidated;

        // guarded by this
        private long seq;
        private long droppedUpTo;
        private final ArrayDeque<byte[]> replay = new ArrayDeque<>();
        private final ArrayDeque<Long> replaySeqs = new ArrayDeque<>();
        private WebSocketConnection conn;

        GatewaySession(String id, int shardId, int shardCount, int intents, String token) {
            this.id = id;
            this.shardId = shardId;
            this.shardCount = shardCount;
            this.intents = intents;
            this.token = token;
        }

        synchronized boolean isConnected() {
            return conn != null && conn.isOpen();
        }

        synchronized long sequence() {
            return seq;
        }

        /** Attaches a connection; on resume replays what the client missed after {@code lastSeq}. */
        synchronized boolean attach(WebSocketConnection connection, long lastSeq) throws IOException {
            if (lastSeq >= 0) {
                if (lastSeq < droppedUpTo || lastSeq > seq) {
                    return false;
                }
                Iterator<Long> seqs = replaySeqs.iterator();
                for (byte[] frame : replay) {
                    if (seqs.next() > lastSeq) {
                        connection.sendText(frame);
                    }
                }
            }
            if (conn != null && conn != connection) {
                conn.abort();
            }
            conn = connection;
            return true;
        }

        synchronized void detach(WebSocketConnection connection) {
            if (conn == connection) {
                conn = null;
            }
        }

        /** Sends a dispatch (op 0) with the next sequence number; kept for replay if the socket is down. */
        synchronized void dispatch(String type, byte[] d) {
            long s = ++seq;
            ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 64);
            byte[] head = ("{\"op\":0,\"t\":\"" + type + "\",\"s\":" + s + ",\"d\":").getBytes(StandardCharsets.UTF_8);
            out.write(head, 0, head.length);
            out.write(d, 0, d.length);
            out.write('}');
            byte[] frame = out.toByteArray();
            replay.addLast(frame);
            replaySeqs.addLast(s);
            if (replay.size() > REPLAY_LIMIT) {
                replay.removeFirst();
                droppedUpTo = replaySeqs.removeFirst();
            }
            dispatched.incrementAndGet();
            if (conn != null) {
                try {
                    conn.sendText(frame);
                } catch (IOException e) {
                    conn.abort();
                    conn = null; // kept in the replay buffer: delivered on RESUME
                }
            }
        }

        synchronized void sendControl(String json) {
            if (conn != null) {
                try {
                    conn.sendText(json.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    conn.abort();
                    conn = null;
                }
            }
        }
    }
}
