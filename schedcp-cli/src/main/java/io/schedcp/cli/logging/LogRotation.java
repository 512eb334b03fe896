package io.schedcp.cli.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the log to a bounded size: {@code schedcp.log} past the limit becomes {@code schedcp.log.1}, the
 * older ones move up to {@code .2} and {@code .3}, and the oldest beyond that is deleted.
 */
final class LogRotation {

    /** How many rotated files are kept beside the current one. */
    static final int KEPT = 3;

    private LogRotation() {
    }

    /** Rotates {@code file} when it is {@code limit} bytes or more; a missing file is left alone. */
    static void rotateIfOver(Path file, long limit) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return;
        }
        if (size < limit) {
            return;
        }
        Files.deleteIfExists(rotated(file, KEPT));
        for (int n = KEPT - 1; n >= 1; n--) {
            Path older = rotated(file, n);
            if (Files.exists(older)) {
                Files.move(older, rotated(file, n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    static Path rotated(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
