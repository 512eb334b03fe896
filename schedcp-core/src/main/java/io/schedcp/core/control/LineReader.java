package io.schedcp.core.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code \n}-terminated UTF-8 lines of a stream, each at most {@code maxBytes} long so that a peer that
 * never sends a newline cannot make its reader hold everything it sends.
 */
public final class LineReader {

    /** A line went past the limit; the stream is left somewhere in it, so the reader is done. */
    public static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException(int maxBytes) {
            super("a line is longer than " + maxBytes + " bytes");
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * The next line without its {@code \n} (and a {@code \r} before it); empty at the end of the stream. The
     * bytes after the last newline, if any, are a last line.
     */
    public Optional<String> next() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? Optional.empty() : Optional.of(text());
            }
            if (b == '\n') {
                return Optional.of(text());
            }
            if (line.size() == maxBytes) {
                throw new TooLongException(maxBytes);
            }
            line.write(b);
        }
    }

    private String text() {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
