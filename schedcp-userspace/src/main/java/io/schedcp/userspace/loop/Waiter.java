package io.schedcp.userspace.loop;

/** How the decision loop waits for work when it has none. */
public interface Waiter extends AutoCloseable {

    /**
     * Waits until work may be there or {@code timeoutMillis} pass; a spurious return is fine.
     *
     * @return true when woken for work, false on the timeout
     */
    boolean await(int timeoutMillis);

    /** Releases what the waiter holds. */
    @Override
    default void close() {}
}
