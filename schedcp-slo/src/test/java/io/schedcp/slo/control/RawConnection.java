package io.schedcp.slo.control;

import io.schedcp.core.control.LineReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** A test's own connection to the socket, to send exactly the bytes it means and read the lines back. */
final class RawConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final OutputStream out;
    private final LineReader lines;

    RawConnection(Path socket) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        out = Channels.newOutputStream(channel);
        lines = new LineReader(new BufferedInputStream(Channels.newInputStream(channel)), Integer.MAX_VALUE);
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line; empty when the server closed the connection. */
    Optional<String> receive() throws IOException {
        return lines.next();
    }

    String ask(String line) throws IOException {
        send(line + "\n");
        return receive().orElseThrow(() -> new IOException("the server closed the connection"));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
