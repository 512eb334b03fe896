package io.schedcp.userspace.harness;

/**
 * The virtual machine a {@link Harness} runs a policy on.
 *
 * @param cpus how many CPUs
 * @param defaultSliceNs the slice of a dispatch that asks for the default
 * @param priorityBudgetNs how long a priority task may run without sleeping before the starvation guard demotes
 *     it; 0 turns the guard off, as scx_userspace never does, to show what the guard prevents
 */
public record HarnessConfig(int cpus, long defaultSliceNs, long priorityBudgetNs) {

    /** scx_userspace's default slice. */
    public static final long DEFAULT_SLICE_NS = 5_000_000;
    /** scx_userspace's default priority budget. */
    public static final long DEFAULT_PRIORITY_BUDGET_NS = 20_000_000;

    public HarnessConfig {
        if (cpus < 1) {
            throw new IllegalArgumentException("the harness runs at least one CPU, not " + cpus);
        }
        if (defaultSliceNs < 1) {
            throw new IllegalArgumentException("the default slice is at least 1 ns, not " + defaultSliceNs);
        }
        if (priorityBudgetNs < 0) {
            throw new IllegalArgumentException(
                    "the priority budget is at least 0 ns (0: no guard), not " + priorityBudgetNs);
        }
    }

    /** {@code cpus} CPUs with scx_userspace's defaults: a 5 ms slice and a 20 ms priority budget. */
    public static HarnessConfig of(int cpus) {
        return new HarnessConfig(cpus, DEFAULT_SLICE_NS, DEFAULT_PRIORITY_BUDGET_NS);
    }

    /** This machine without the starvation guard. */
    public HarnessConfig withoutGuard() {
        return new HarnessConfig(cpus, defaultSliceNs, 0);
    }

    public boolean guarded() {
        return priorityBudgetNs > 0;
    }
}
