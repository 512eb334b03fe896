package io.schedcp.core.store;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Writes that survive a crash and several writers: a file is written whole to a temporary file beside it,
 * forced to disk, then renamed over the old one, so a reader sees the old content or the new, never a part;
 * and writers that share a lock file take turns, across threads and processes.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Replaces {@code file} with {@code content} atomically, creating its directory if needed. A symbolic link
     * is followed: the file it points to is replaced and the link stays.
     *
     * @throws SchedcpException IO when {@code file} is something other than a regular file (a directory, a device
     *                          node, a FIFO, a dangling link), which is left as it is
     */
    public static void write(Path file, byte[] content) {
        write(WriteTarget.resolve(file), file, content);
    }

    private static void write(Path file, Path given, byte[] content) {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = directory.resolve("." + file.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(directory);
            try (FileChannel out =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            move(temporary, file);
            forceDirectory(directory);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new SchedcpException(
                    Kind.IO,
                    "could not write " + given + ": " + describe(e)
                            + "; check that the directory is writable and the disk is not full",
                    e);
        }
    }

    /** Renames {@code from} to {@code to} in one step (the same file system), replacing {@code to}. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes a directory's entries (a rename in it) to disk; file systems that cannot are left alone. */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system lets a directory be opened or synced; the rename itself stands.
        }
    }

    /**
     * Runs {@code work} holding an exclusive lock on {@code lockFile} (created if missing): other processes
     * and threads that lock the same file wait their turn.
     */
    @SuppressWarnings("try") // the lock is held by being open; the body has no use for it
    public static <T> T locked(Path lockFile, Supplier<T> work) {
        synchronized (AtomicFiles.class) {
            try {
                Files.createDirectories(lockFile.toAbsolutePath().getParent());
                try (FileChannel channel =
                                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new SchedcpException(
                        Kind.IO,
                        "could not lock " + lockFile + ": " + describe(e) + "; check that the directory is writable",
                        e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind as a .tmp- file; harmless, and named so it is recognisable.
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
