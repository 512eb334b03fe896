package io.schedcp.slo.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

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

    private static final BigDecimal NS_PER_MS = BigDecimal.valueOf(1_000_000L);

    private SloLimits() {}

    /**
     * A budget of {@code ms} milliseconds in whole nanoseconds (1.5 is 1500000; below a nanosecond is below
     * anything the kernel measures, and rounds), or empty if that is outside {@link #MIN_BUDGET_NS} to
     * {@link #MAX_BUDGET_NS}. Callers name the input in their own refusal.
     */
    public static OptionalLong budgetNs(BigDecimal ms) {
        BigDecimal ns = ms.multiply(NS_PER_MS).setScale(0, RoundingMode.HALF_UP);
        return ns.compareTo(BigDecimal.valueOf(MIN_BUDGET_NS)) < 0
                        || ns.compareTo(BigDecimal.valueOf(MAX_BUDGET_NS)) > 0
                ? OptionalLong.empty()
                : OptionalLong.of(ns.longValueExact());
    }

    /** The budget's range in milliseconds, for messages: {@code "0.01 to 10000 ms"}. */
    public static String budgetRangeMs() {
        return milliseconds(MIN_BUDGET_NS) + " to " + milliseconds(MAX_BUDGET_NS) + " ms";
    }

    private static String milliseconds(long ns) {
        return BigDecimal.valueOf(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** Whether {@code value} is from {@code min} to {@code max}. */
    public static boolean within(long value, int min, int max) {
        return value >= min && value <= max;
    }

    public static void requireBudget(String what, long budgetNs) {
        if (budgetNs < MIN_BUDGET_NS || budgetNs > MAX_BUDGET_NS) {
            throw new IllegalArgumentException(
                    what + " must be from " + MIN_BUDGET_NS + " to " + MAX_BUDGET_NS + " ns, not " + budgetNs);
        }
    }

    public static void requireIn(String what, int value, int min, int max) {
        if (!within(value, min, max)) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
