package io.schedcp.daemon.auth;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's two bearer tokens: {@code daemon.token}, which may do everything, and {@code daemon.readonly.token},
 * which may read. Each is made at first start (32 random bytes, in hex) into the schedcp home with mode 0600, and
 * kept across restarts; a token file that others may read is refused, since its token is then no secret.
 */
public final class Tokens {

    public static final String FULL_FILE = "daemon.token";
    public static final String READ_ONLY_FILE = "daemon.readonly.token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int BYTES = 32;

    private final byte[] full;
    private final byte[] readOnly;

    private Tokens(String full, String readOnly) {
        this.full = full.getBytes(StandardCharsets.UTF_8);
        this.readOnly = readOnly.getBytes(StandardCharsets.UTF_8);
    }

    /** For tests and embedders: these two tokens. */
    public static Tokens of(String full, String readOnly) {
        if (full.isBlank() || readOnly.isBlank() || full.equals(readOnly)) {
            throw new IllegalArgumentException("two different, non-blank tokens are needed");
        }
        return new Tokens(full, readOnly);
    }

    /**
     * The tokens in {@code home}, made first where they are missing.
     *
     * @throws SchedcpException IO when a file cannot be read or written, or lets others read it
     */
    public static Tokens inHome(Path home) {
        return new Tokens(ensure(home.resolve(FULL_FILE)), ensure(home.resolve(READ_ONLY_FILE)));
    }

    /** What the {@code Authorization} header's value allows: empty when it names neither token. */
    public Optional<Access> accessOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        if (MessageDigest.isEqual(given, full)) {
            return Optional.of(Access.WRITE);
        }
        if (MessageDigest.isEqual(given, readOnly)) {
            return Optional.of(Access.READ);
        }
        return Optional.empty();
    }

    /** The token in {@code file} (read by a client such as the CLI). */
    public static String read(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new SchedcpException(
                        Kind.IO, file + " is empty; delete it and restart the daemon to get a new token");
            }
            return token;
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "cannot read the daemon's token " + file + ": " + e.getMessage(), e);
        }
    }

    private static String ensure(Path file) {
        try {
            if (Files.exists(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    throw new SchedcpException(
                            Kind.IO,
                            file + " may be read by others (mode " + PosixFilePermissions.toString(permissions)
                                    + "); its token is no secret: delete the file and restart the daemon for a new one");
                }
                return read(file);
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[BYTES];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Path temp = Files.createTempFile(
                    file.getParent(),
                    file.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
                return read(file);
            }
            return token;
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "cannot make the daemon's token " + file + ": " + e.getMessage(), e);
        }
    }
}
