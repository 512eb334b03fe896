package io.schedcp.mcp;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tool calls under way, so that shutting down can interrupt them (a start is abandoned and its program
 * stopped, a verification's process is told to stop) and wait for them, instead of leaving their programs
 * running after the server is gone; and so that the client can cancel one ({@code notifications/cancelled}
 * names its request), which interrupts it the same way.
 */
final class InFlightCalls {

    /** A tool call. */
    interface Call<T> {
        T run() throws InterruptedException;
    }

    /** The call was interrupted because the client cancelled it; the cause is how the call ended. */
    static final class Cancelled extends Exception {

        private static final long serialVersionUID = 1L;

        Cancelled(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Set<Thread> threads = new HashSet<>();
    private final Map<String, Thread> byRequest = new HashMap<>();
    private final Set<Thread> cancelled = new HashSet<>();
    private boolean closed;

    /**
     * Runs {@code call} on this thread, counted as under way, and cancellable as {@code request} when it has
     * a request key (see {@link ProtocolInput#REQUEST_KEY}).
     *
     * @throws InterruptedException when the server is shutting down, before or during the call
     * @throws Cancelled            when the client cancelled the call and it ended with a failure
     */
    <T> T run(Optional<String> request, Call<T> call) throws InterruptedException, Cancelled {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("the server is shutting down");
            }
            threads.add(thread);
            request.ifPresent(key -> byRequest.put(key, thread));
        }
        try {
            return call.run();
        } catch (InterruptedException | RuntimeException e) {
            if (cancelled(thread)) {
                throw new Cancelled(e);
            }
            throw e;
        } finally {
            synchronized (this) {
                threads.remove(thread);
                request.ifPresent(key -> byRequest.remove(key, thread));
                cancelled.remove(thread);
                notifyAll();
            }
            // The thread goes back to the SDK's pool: an interrupt meant for this call must not outlive it.
            Thread.interrupted();
        }
    }

    private synchronized boolean cancelled(Thread thread) {
        return cancelled.contains(thread);
    }

    /** Interrupts the call of {@code request}; false when none of that request is under way. */
    synchronized boolean cancel(String request) {
        Thread thread = byRequest.get(request);
        if (thread == null) {
            return false;
        }
        cancelled.add(thread);
        thread.interrupt();
        return true;
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
