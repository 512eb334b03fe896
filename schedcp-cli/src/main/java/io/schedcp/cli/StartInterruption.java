package io.schedcp.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Lets Ctrl-C or SIGTERM cut short the steps of a foreground start: while the command's thread is in a step,
 * {@link #interrupt()} (called from the signal handler) interrupts it; a step asked for after a signal does
 * not begin. A step that may block where an interrupt does not reach (a plugin's {@code initialize()}) runs
 * {@linkplain #awayFromSignals on a thread of its own} that is left behind.
 */
final class StartInterruption {

    /** One step of a start. */
    interface Step<T> {
        T run() throws InterruptedException;
    }

    private final Thread thread;
    private boolean inStep;
    private boolean requested;

    StartInterruption(Thread thread) {
        this.thread = thread;
    }

    /** Asks for the start to stop: the step under way is interrupted, and no other begins. */
    synchronized void interrupt() {
        requested = true;
        if (inStep) {
            thread.interrupt();
        }
    }

    /**
     * Runs {@code step} on this thread, open to {@link #interrupt()}.
     *
     * @throws InterruptedException when a signal came before the step, or the step gave way to one
     */
    <T> T run(Step<T> step) throws InterruptedException {
        synchronized (this) {
            if (requested) {
                throw new InterruptedException("a signal came before the step");
            }
            inStep = true;
        }
        try {
            return step.run();
        } finally {
            synchronized (this) {
                inStep = false;
                // An interrupt that came as the step ended is not meant for what follows.
                Thread.interrupted();
            }
        }
    }

    /** As {@link #run}, with {@code step} on a daemon thread, so that a signal is answered even if it blocks. */
    <T> T awayFromSignals(Step<T> step) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        result.complete(step.run());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "schedcp-start-step");
        worker.setDaemon(true);
        return run(() -> {
            worker.start();
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        });
    }
}
