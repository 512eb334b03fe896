package io.schedcp.mcp;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The tool calls under way, so that shutting down can interrupt them (a start is abandoned and its program
 * stopped, a verification's process is told to stop) and wait for them, instead of leaving their programs
 * running after the server is gone.
 */
final class InFlightCalls {

    /** A tool call. */
    interface Call<T> {
        T run() throws InterruptedException;
    }

    private final Set<Thread> threads = new HashSet<>();
    private boolean closed;

    /**
     * Runs {@code call} on this thread, counted as under way.
     *
     * @throws InterruptedException when the server is shutting down, before or during the call
     */
    <T> T run(Call<T> call) throws InterruptedException {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("the server is shutting down");
            }
            threads.add(thread);
        }
        try {
            return call.run();
        } finally {
            synchronized (this) {
                threads.remove(thread);
                notifyAll();
            }
            // The thread goes back to the SDK's pool: an interrupt meant for this call must not outlive it.
            Thread.interrupted();
        }
    }

    /**
     * Refuses new calls, interrupts those under way and waits up to {@code timeout} for them to end.
     *
     * @return how many were still under way when the time ran out
     */
    synchronized int close(Duration timeout) throws InterruptedException {
        closed = true;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!threads.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return threads.size();
    }
}
