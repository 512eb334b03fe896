package io.schedcp.lab;

import io.schedcp.core.process.ChildEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host processes of one lab boot (virtiofsd, QEMU). They are ended on {@link #close()}, and also by a
 * shutdown hook if the JVM goes down first, so a boot never outlives its caller.
 */
final class GuestProcesses implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "schedcp-lab-cleanup");

    GuestProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = ChildEnvironment.scrub(builder).start();
        processes.add(process);
        return process;
    }

    private synchronized void killAll() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway.
        }
    }
}
