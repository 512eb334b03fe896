package io.schedcp.userspace.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's id of the calling thread, from {@code /proc/thread-self} (a link to {@code PID/task/TID}). */
final class ThreadIds {

    private ThreadIds() {}

    static int current() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read this thread's id from /proc/thread-self", e);
        }
    }
}
