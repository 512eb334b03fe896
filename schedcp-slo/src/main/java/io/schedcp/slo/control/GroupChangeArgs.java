package io.schedcp.slo.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.slo.config.SloLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@link GroupChange} as the args of a {@code set} request, both ways, so that the client writes what the
 * agent reads. Values are decimal strings, as scx_stats sends args.
 */
final class GroupChangeArgs {

    static final String CGROUP = "cgroup";
    static final String BUDGET_NS = "budget_ns";
    static final String IMPORTANCE = "importance";
    static final String MAX_CPU_PCT = "max_cpu_pct";

    private static final Set<String> NAMES = Set.of(CGROUP, BUDGET_NS, IMPORTANCE, MAX_CPU_PCT);
    private static final String EXAMPLE =
            "{\"req\": \"set\", \"args\": {\"cgroup\": \"/lat\", \"budget_ns\": \"2000000\"}}";

    private GroupChangeArgs() {}

    static Map<String, String> of(GroupChange change) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put(CGROUP, change.cgroup());
        change.budgetNs().ifPresent(b -> args.put(BUDGET_NS, Long.toString(b)));
        change.importance().ifPresent(i -> args.put(IMPORTANCE, Integer.toString(i)));
        change.maxCpuPct().ifPresent(p -> args.put(MAX_CPU_PCT, Integer.toString(p)));
        return args;
    }

    /**
     * The change {@code args} ask for.
     *
     * @throws SchedcpException INVALID_INPUT naming the arg that is missing, unknown, not a number or out of range
     */
    static GroupChange change(Map<String, String> args) {
        for (String name : args.keySet()) {
            if (!NAMES.contains(name)) {
                throw invalid("set has no arg " + name + "; it takes cgroup, budget_ns, importance and max_cpu_pct");
            }
        }
        String cgroup = Optional.ofNullable(args.get(CGROUP))
                .filter(c -> !c.isBlank())
                .orElseThrow(() -> invalid(
                        "set needs the arg cgroup, the group to change as the config names it," + " as in " + EXAMPLE));
        OptionalLong budgetNs = number(args, BUDGET_NS, SloLimits.MIN_BUDGET_NS, SloLimits.MAX_BUDGET_NS);
        OptionalInt importance = intNumber(args, IMPORTANCE, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE);
        OptionalInt maxCpuPct = intNumber(args, MAX_CPU_PCT, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT);
        if (budgetNs.isEmpty() && importance.isEmpty() && maxCpuPct.isEmpty()) {
            throw invalid("set of " + cgroup + " changes nothing; give at least one of budget_ns, importance and"
                    + " max_cpu_pct");
        }
        try {
            return new GroupChange(cgroup, budgetNs, importance, maxCpuPct);
        } catch (IllegalArgumentException e) {
            // The checks above name the wire's args; this is for a rule of GroupChange they do not repeat.
            throw invalid("set of " + cgroup + " is not a valid change: " + e.getMessage());
        }
    }

    private static OptionalInt intNumber(Map<String, String> args, String name, int min, int max) {
        OptionalLong value = number(args, name, min, max);
        return value.isPresent() ? OptionalInt.of(Math.toIntExact(value.getAsLong())) : OptionalInt.empty();
    }

    private static OptionalLong number(Map<String, String> args, String name, long min, long max) {
        String text = args.get(name);
        if (text == null) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name + " is \"" + text + "\", not a decimal integer; give a whole number from " + min + " to "
                    + max);
        }
        if (value < min || value > max) {
            throw invalid(name + " is " + value + ", out of range; give a whole number from " + min + " to " + max);
        }
        return OptionalLong.of(value);
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(SchedcpException.Kind.INVALID_INPUT, message);
    }
}
