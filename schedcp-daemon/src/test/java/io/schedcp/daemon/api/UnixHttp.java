package io.schedcp.daemon.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * HTTP/1.1 over the daemon's Unix socket with the JDK alone, as curl --unix-socket speaks it: one request per
 * connection, the answer read to its end (plain or chunked).
 */
final class UnixHttp {

    /** A status and a body. */
    record Answer(int status, String body) {}

    private UnixHttp() {}

    static Answer send(Path socket, String method, String path, String token, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n")
                + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + content.length + "\r\n\r\n";
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.allocate(head.length() + content.length);
            out.put(head.getBytes(StandardCharsets.US_ASCII)).put(content).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                in.flip();
                received.write(in.array(), 0, in.limit());
                in.clear();
            }
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, split);
        String rest = text.substring(split + 4);
        int status = Integer.parseInt(headers.substring(9, 12));
        boolean chunked = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
        return new Answer(status, chunked ? unchunk(rest) : rest);
    }

    private static String unchunk(String chunks) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunks.indexOf("\r\n", at);
            int size = Integer.parseInt(chunks.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunks, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
