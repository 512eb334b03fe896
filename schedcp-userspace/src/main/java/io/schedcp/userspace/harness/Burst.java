package io.schedcp.userspace.harness;

/**
 * One step of a task's pattern: it runs {@code runNs} of CPU time, then sleeps {@code sleepNs} (0: it goes straight
 * on to its next burst, never sleeping, as a CPU hog does).
 */
public record Burst(long runNs, long sleepNs) {

    public Burst {
        if (runNs < 1) {
            throw new IllegalArgumentException("a burst runs at least 1 ns, not " + runNs);
        }
        if (sleepNs < 0) {
            throw new IllegalArgumentException("a burst sleeps at least 0 ns, not " + sleepNs);
        }
    }
}
