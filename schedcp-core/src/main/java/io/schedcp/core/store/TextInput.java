package io.schedcp.core.store;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Text read from a file a user named: at most a set number of bytes (so {@code /dev/zero} or a huge file is
 * refused, not read into memory), strictly UTF-8, and never a directory.
 */
public final class TextInput {

    private TextInput() {}

    /**
     * Reads {@code file} whole, which may be a pipe or device (such as {@code /dev/stdin}) but not a directory.
     *
     * @param what     what the file should be, for messages, such as {@code "monitor summary"}
     * @param maxBytes the most it may hold
     * @throws SchedcpException NOT_FOUND when it does not exist, INVALID_INPUT when it is a directory, over
     *                          {@code maxBytes} or not UTF-8, IO when it cannot be read
     */
    public static String read(Path file, String what, int maxBytes) {
        if (Files.isDirectory(file)) {
            throw new SchedcpException(Kind.INVALID_INPUT, file + " is a directory, not a " + what + " file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(file, what, in.readNBytes(maxBytes + 1), maxBytes);
        } catch (NoSuchFileException e) {
            throw new SchedcpException(Kind.NOT_FOUND, "no such " + what + " file: " + file);
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read}, and {@code file} must be a regular file: not a device node, FIFO or socket. */
    public static String readRegular(Path file, String what, int maxBytes) {
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    file + " is not a regular file (it is a device node, " + "FIFO or socket), so it is not a " + what
                            + " file");
        }
        return read(file, what, maxBytes);
    }

    /** {@code 1 MiB}, {@code 64 KiB} or {@code 100 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static String decode(Path file, String what, byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "the " + what + " file " + file + " is over " + size(maxBytes) + ", the most schedcp reads");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    file + " is not UTF-8 text (a binary file?), so it is " + "not a " + what + " file");
        }
    }
}
