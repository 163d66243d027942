package dev.quiztutor.discord.fake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of one RFC 6455 WebSocket connection, text frames only (what Discord's gateway
 * speaks with {@code encoding=json} and no compression).
 *
 * <p>Why our own: the gateway needs a handful of behaviours a library hides (answer the upgrade
 * and write HELLO at once, because JDA sends IDENTIFY before it has seen HELLO; echo close codes;
 * write from many threads in sequence-number order), and a blocking socket per connection is
 * simple and fast on loopback. Writes take a per-connection lock only.
 */
final class WebSocketConnection implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final String requestTarget;
    private final Map<String, String> headers;
    private volatile boolean closeSent;
    private volatile int closeCodeReceived = -1;

    private WebSocketConnection(Socket socket, InputStream in, OutputStream out, String target, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.requestTarget = target;
        this.headers = headers;
    }

    /**
     * Reads the HTTP upgrade request and answers 101, or answers 400 and throws.
     */
    static WebSocketConnection accept(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String key = headers.get("sec-websocket-key");
        boolean upgrade = requestLine.length == 3
                && requestLine[0].equals("GET")
                && headers.getOrDefault("upgrade", "").toLowerCase(Locale.ROOT).contains("websocket")
                && key != null;
        if (!upgrade) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.close();
            throw new IOException("not a WebSocket upgrade: " + lines[0]);
        }
        String accept = Base64.getEncoder().encodeToString(sha1(key + GUID));
        out.write(("HTTP/1.1 101 Switching Protocols\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new WebSocketConnection(socket, in, out, requestLine[1], headers);
    }

    /** The request target of the upgrade, e.g. {@code /?encoding=json&v=10}. */
    String requestTarget() {
        return requestTarget;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The close code the client sent, or -1. */
    int closeCodeReceived() {
        return closeCodeReceived;
    }

    boolean isOpen() {
        return !socket.isClosed() && !closeSent;
    }

    void sendText(byte[] utf8) throws IOException {
        sendFrame(0x1, utf8);
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        byte[] header;
        int len = payload.length;
        if (len < 126) {
            header = new byte[] {(byte) (0x80 | opcode), (byte) len};
        } else if (len <= 0xFFFF) {
            header = new byte[] {(byte) (0x80 | opcode), 126, (byte) (len >>> 8), (byte) len};
        } else {
            header = new byte[10];
            header[0] = (byte) (0x80 | opcode);
            header[1] = 127;
            for (int i = 0; i < 8; i++) {
                header[2 + i] = (byte) ((long) len >>> (56 - 8 * i));
            }
        }
        synchronized (writeLock) {
            if (closeSent) {
                throw new IOException("WebSocket already closed");
            }
            out.write(header);
            out.write(payload);
            out.flush();
        }
    }

    /**
     * Reads the next whole text (or binary) message; answers pings and close frames itself.
     *
     * @return the message, or null once the peer closed the connection
     */
    byte[] readMessage() throws IOException {
        ByteArrayOutputStream message = null;
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return null;
            }
            int b1 = readByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                throw new IOException("reserved bits set (no extension was negotiated)");
            }
            if ((b1 & 0x80) == 0) {
                throw new IOException("client frame is not masked");
            }
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
            }
            if (len > MAX_MESSAGE) {
                throw new IOException("frame too large: " + len);
            }
            byte[] mask = readFully(4);
            byte[] payload = readFully((int) len);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            switch (opcode) {
                case 0x8: // close: echo the code, then hang up
                    closeCodeReceived = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    close(closeCodeReceived == 1005 ? 1000 : closeCodeReceived, "");
                    return null;
                case 0x9:
                    sendFrame(0xA, payload);
                    continue;
                case 0xA:
                    continue;
                case 0x0:
                case 0x1:
                case 0x2:
                    if (message == null) {
                        message = new ByteArrayOutputStream(payload.length);
                    }
                    message.write(payload);
                    if (message.size() > MAX_MESSAGE) {
                        throw new IOException("message too large");
                    }
                    if (fin) {
                        return message.toByteArray();
                    }
                    continue;
                default:
                    throw new IOException("unknown opcode " + opcode);
            }
        }
    }

    /** Sends a close frame (once) and closes the socket. */
    void close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(text.length, 120)];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, payload.length - 2);
        try {
            synchronized (writeLock) {
                if (!closeSent && !socket.isClosed()) {
                    byte[] header = {(byte) 0x88, (byte) payload.length};
                    out.write(header);
                    out.write(payload);
                    out.flush();
                }
                closeSent = true;
            }
        } catch (IOException ignored) {
            // the peer is gone already
        } finally {
            closeQuietly();
        }
    }

    /** Drops the TCP connection without a close frame (a network failure, as far as JDA can tell). */
    void abort() {
        closeSent = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        close(1000, "");
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length != n) {
            throw new EOFException();
        }
        return data;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            head.write(b);
            if (head.size() > 16 * 1024) {
                throw new IOException("upgrade request too large");
            }
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
