package io.schedcp.core.store;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file a write at a path really replaces. A replace-by-rename would put a regular file in place of
 * whatever is at the path, so only a regular file (or nothing) may be there; a symbolic link is followed
 * to its file so that the link survives.
 */
public final class WriteTarget {

    private WriteTarget() {}

    /**
     * The path to replace for a write at {@code file}: {@code file} itself, or the file a link at it points to.
     *
     * @throws SchedcpException IO when something other than a regular file is there, or a link points nowhere
     */
    public static Path resolve(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return file;
            }
            Path real = file;
            if (Files.isSymbolicLink(file)) {
                try {
                    real = file.toRealPath();
                } catch (NoSuchFileException e) {
                    throw new SchedcpException(
                            Kind.IO,
                            file + " is a symbolic link to a file that does not exist " + "("
                                    + Files.readSymbolicLink(file) + "), so schedcp does not write it");
                }
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SchedcpException(
                        Kind.IO, file + " is " + kind(attributes) + ", not a regular file, so it " + "is not replaced");
            }
            return real;
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not look at " + file + " before writing it: " + e, e);
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isOther() ? "a device node, FIFO or socket" : "a special file";
    }
}
