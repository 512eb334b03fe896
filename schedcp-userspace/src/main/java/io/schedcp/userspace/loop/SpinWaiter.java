package io.schedcp.userspace.loop;

/** A {@link Waiter} that does not wait: it hints a spin and returns, for tests and benchmarks. */
public final class SpinWaiter implements Waiter {

    @Override
    public boolean await(int timeoutMillis) {
        Thread.onSpinWait();
        return false;
    }
}
