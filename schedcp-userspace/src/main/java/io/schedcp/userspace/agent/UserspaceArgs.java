package io.schedcp.userspace.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scx_userspace's own flags, what follows {@code --} in {@code schedcp run scx_userspace -- ...}: the policy and
 * its options, and the limits BPF enforces whatever the policy does.
 *
 * @param policy the policy's name: {@code fair}, {@code fifo}, {@code strategies} or a plugin's
 * @param policyOptions {@code --policy-opt KEY=VALUE}, handed to the policy
 * @param sliceUs the default slice
 * @param stallMs how long user space may leave tasks undecided before BPF dispatches them itself
 * @param priorityBudgetMs how long a priority task may run without sleeping before it is demoted
 * @param socket where the agent serves its status and the strategies; the home's {@code userspace.sock} by default
 * @param agentPreempt whether the decision loop, waking when no CPU is idle, preempts the CPU that woke it
 */
record UserspaceArgs(
        String policy,
        Map<String, String> policyOptions,
        long sliceUs,
        long stallMs,
        long priorityBudgetMs,
        Optional<Path> socket,
        boolean agentPreempt) {

    static final String DEFAULT_POLICY = "fair";
    static final long DEFAULT_SLICE_US = 5_000;
    static final long DEFAULT_STALL_MS = 50;
    static final long DEFAULT_PRIORITY_BUDGET_MS = 20;

    static final String USAGE = "scx_userspace's flags are --policy NAME (fair, fifo, strategies or a plugin's; "
            + "default fair), --policy-opt KEY=VALUE, --slice-us N (100 to 1000000, default 5000), --stall-ms N "
            + "(5 to 1000, default 50), --priority-budget-ms N (1 to 10000, default 20), --agent-preempt on|off "
            + "(default off) and --socket PATH; for example: schedcp run scx_userspace -- --policy strategies";

    UserspaceArgs {
        policyOptions = Map.copyOf(policyOptions);
    }

    static UserspaceArgs defaults() {
        return new UserspaceArgs(
                DEFAULT_POLICY,
                Map.of(),
                DEFAULT_SLICE_US,
                DEFAULT_STALL_MS,
                DEFAULT_PRIORITY_BUDGET_MS,
                Optional.empty(),
                false);
    }

    /** @throws SchedcpException INVALID_INPUT naming the flag that is wrong, with {@link #USAGE} */
    static UserspaceArgs parse(List<String> args) {
        UserspaceArgs parsed = defaults();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw refusal(known(name) ? name + " needs a value; " + USAGE : unknown(arg));
            }
            parsed = switch (name) {
                case "--policy" -> parsed.withPolicy(policyName(value));
                case "--policy-opt" -> {
                    option(value, options);
                    yield parsed;
                }
                case "--slice-us" ->
                    parsed.withLimits(number(name, value, 100, 1_000_000), parsed.stallMs, parsed.priorityBudgetMs);
                case "--stall-ms" ->
                    parsed.withLimits(parsed.sliceUs, number(name, value, 5, 1000), parsed.priorityBudgetMs);
                case "--priority-budget-ms" ->
                    parsed.withLimits(parsed.sliceUs, parsed.stallMs, number(name, value, 1, 10_000));
                case "--socket" -> parsed.withSocket(path(name, value));
                case "--agent-preempt" -> parsed.withAgentPreempt(onOff(name, value));
                default -> throw refusal(unknown(arg));
            };
        }
        return new UserspaceArgs(
                parsed.policy,
                options,
                parsed.sliceUs,
                parsed.stallMs,
                parsed.priorityBudgetMs,
                parsed.socket,
                parsed.agentPreempt);
    }

    /** The flags as the agent's process gets them, with an absolute socket path. */
    List<String> toList(Path defaultSocket) {
        List<String> list = new ArrayList<>(List.of(
                "--policy", policy,
                "--slice-us", Long.toString(sliceUs),
                "--stall-ms", Long.toString(stallMs),
                "--priority-budget-ms", Long.toString(priorityBudgetMs),
                "--socket", socket.orElse(defaultSocket).toAbsolutePath().toString(),
                "--agent-preempt", agentPreempt ? "on" : "off"));
        policyOptions.forEach((k, v) -> list.addAll(List.of("--policy-opt", k + "=" + v)));
        return list;
    }

    private UserspaceArgs withPolicy(String name) {
        return new UserspaceArgs(name, policyOptions, sliceUs, stallMs, priorityBudgetMs, socket, agentPreempt);
    }

    private UserspaceArgs withLimits(long slice, long stall, long budget) {
        return new UserspaceArgs(policy, policyOptions, slice, stall, budget, socket, agentPreempt);
    }

    private UserspaceArgs withSocket(Path path) {
        return new UserspaceArgs(
                policy, policyOptions, sliceUs, stallMs, priorityBudgetMs, Optional.of(path), agentPreempt);
    }

    private UserspaceArgs withAgentPreempt(boolean on) {
        return new UserspaceArgs(policy, policyOptions, sliceUs, stallMs, priorityBudgetMs, socket, on);
    }

    private static boolean onOff(String flag, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw refusal(flag + " " + value + " is neither on nor off; give one of them");
        };
    }

    private static boolean known(String name) {
        return List.of(
                        "--policy",
                        "--policy-opt",
                        "--slice-us",
                        "--stall-ms",
                        "--priority-budget-ms",
                        "--socket",
                        "--agent-preempt")
                .contains(name);
    }

    private static String unknown(String arg) {
        return "scx_userspace does not take " + arg + "; " + USAGE;
    }

    private static String policyName(String value) {
        if (!value.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw refusal("--policy " + value + " is not a policy name (lower-case letters, digits, - and _); "
                    + "schedcp policy list-policies names them");
        }
        return value;
    }

    private static void option(String value, Map<String, String> options) {
        int eq = value.indexOf('=');
        if (eq < 1) {
            throw refusal("--policy-opt " + value + " is not KEY=VALUE; for example --policy-opt slice_us=2000");
        }
        options.put(value.substring(0, eq), value.substring(eq + 1));
    }

    private static long number(String flag, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw refusal(flag + " " + value + " is not a whole number; give one from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw refusal(flag + " " + n + " is out of range; give one from " + min + " to " + max);
        }
        return n;
    }

    private static Path path(String flag, String value) {
        if (value.isBlank()) {
            throw refusal(flag + " needs a path, not an empty value; " + USAGE);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw refusal(flag + " " + value + " is not a path (" + e.getReason() + "); " + USAGE);
        }
    }

    private static SchedcpException refusal(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
