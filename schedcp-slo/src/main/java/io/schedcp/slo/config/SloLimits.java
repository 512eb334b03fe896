package io.schedcp.slo.config;

/**
 * The ranges a config's values must be in. The budget's floor is well above the cost of a scheduling decision,
 * its ceiling makes a budget that is no promise at all stand out as a mistake; the group count is the BPF
 * side's {@code SLO_MAX_GROUPS}.
 */
public final class SloLimits {

    public static final long MIN_BUDGET_NS = 10_000L;
    public static final long MAX_BUDGET_NS = 10_000_000_000L;
    public static final long DEFAULT_BUDGET_NS = 20_000_000L;
    public static final int MIN_IMPORTANCE = 0;
    public static final int MAX_IMPORTANCE = 100;
    public static final int DEFAULT_IMPORTANCE = 0;
    public static final int MIN_MAX_CPU_PCT = 1;
    public static final int MAX_MAX_CPU_PCT = 100;
    /** No cap: the group may use every CPU. */
    public static final int DEFAULT_MAX_CPU_PCT = 100;

    public static final int MAX_GROUPS = 256;

    private SloLimits() {}

    public static void requireBudget(String what, long budgetNs) {
        if (budgetNs < MIN_BUDGET_NS || budgetNs > MAX_BUDGET_NS) {
            throw new IllegalArgumentException(
                    what + " must be from " + MIN_BUDGET_NS + " to " + MAX_BUDGET_NS + " ns, not " + budgetNs);
        }
    }

    public static void requireIn(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
