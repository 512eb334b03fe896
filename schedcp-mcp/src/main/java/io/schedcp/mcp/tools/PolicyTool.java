package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.TaskMatch;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code policy}: the figures of the scx_userspace another process runs ({@code status}), and the strategies
 * its {@code strategies} policy follows, listed and changed while it schedules, through the agent's socket.
 */
final class PolicyTool implements McpTool {

    static final String START =
            "start it with run_scheduler {\"name\": \"scx_userspace\", \"args\": [\"--policy\"," + " \"strategies\"]}";

    private static final JsonSchema INPUT = object("The action and its arguments.")
            .required(
                    "action",
                    string("status reads the figures; list the strategies; set adds or replaces one; remove takes"
                                    + " one out.")
                            .oneOf("status", "list", "set", "remove"))
            .optional("id", string("With set and remove: the strategy's id, a name of the caller's choice."))
            .optional("pid", integer("With set, one match of three: the thread whose kernel pid this is."))
            .optional("comm", string("With set, one match of three: a regex the task's command name is searched with."))
            .optional(
                    "cgroup",
                    string("With set, one match of three: a cgroup path, absolute or relative to /sys/fs/cgroup;"
                            + " its tasks and those below it match."))
            .optional("priority", bool("With set: run the matched tasks ahead of the others (default false)."))
            .optional(
                    "slice_us",
                    integer("With set: the matched tasks' slice, from " + Strategy.MIN_SLICE_NS / 1000 + " to "
                            + Strategy.MAX_SLICE_NS / 1000 + " µs; without it the policy's."))
            .closed();

    private static final JsonSchema OUTPUT = object("What the action gave.")
            .required("action", string("The action done."))
            .optional(
                    "status",
                    object("With status: policy, counters (queued, user_dispatched, fallback, cancelled, failed,"
                            + " direct, demoted, stalls, ring_full), round_trips, rtt_p50_ns, rtt_p99_ns,"
                            + " rtt_p999_ns, and loop (tasks_read, dispatched, kept, ring_full, malformed)."))
            .optional(
                    "strategies",
                    JsonSchema.arrayOf(
                            object("One strategy: id, one of pid, comm and cgroup, priority, slice_us."),
                            "With list: the strategies in the order they are tried."))
            .optional("generation", integer("With set: the strategy book's generation after the change."))
            .optional("removed", bool("With remove: whether there was such a strategy."));

    /** One strategy as the wire and strategy files spell it. */
    record StrategyView(
            String id,
            Optional<Integer> pid,
            Optional<String> comm,
            Optional<String> cgroup,
            boolean priority,
            Optional<Long> sliceUs) {

        static StrategyView of(Strategy s) {
            TaskMatch m = s.match();
            return new StrategyView(
                    s.id(),
                    m instanceof TaskMatch.ByPid pid ? Optional.of(pid.pid()) : Optional.empty(),
                    m instanceof TaskMatch.ByComm comm ? Optional.of(comm.regex()) : Optional.empty(),
                    m instanceof TaskMatch.ByCgroup cgroup ? Optional.of("/" + cgroup.path()) : Optional.empty(),
                    s.priority(),
                    s.sliceNs().isPresent() ? Optional.of(s.sliceNs().getAsLong() / 1000) : Optional.empty());
        }
    }

    /** The result. */
    record Outcome(
            String action,
            Optional<PolicyStatus> status,
            Optional<List<StrategyView>> strategies,
            Optional<Long> generation,
            Optional<Boolean> removed) {

        static Outcome of(String action) {
            return new Outcome(action, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final PolicyControl control;

    PolicyTool(PolicyControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public String description() {
        return "Read and steer scx_userspace, the scheduler whose decisions a Java policy makes, while it runs in"
                + " another process (started with run_scheduler, or 'schedcp run scx_userspace -- --policy"
                + " strategies'). status gives the policy, BPF's counters, the enqueue-to-dispatch round trip at"
                + " p50/p99/p99.9 and the decision loop's counters. list gives the strategies. set {id, one of pid,"
                + " comm and cgroup, priority?, slice_us?} adds or replaces a strategy, remove {id} takes one out;"
                + " both take effect at once and need the strategies policy. Fails as unavailable when no"
                + " scx_userspace runs.";
    }

    @Override
    public JsonSchema input() {
        return INPUT;
    }

    @Override
    public JsonSchema output() {
        return OUTPUT;
    }

    @Override
    public boolean changesHost() {
        return true;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        String action = arguments.string("action");
        Outcome none = Outcome.of(action);
        return switch (action) {
            case "status" -> {
                PolicyStatus status = advised(control::status);
                yield ToolResult.of(
                        new Outcome(action, Optional.of(status), none.strategies(), none.generation(), none.removed()),
                        text(status));
            }
            case "list" -> {
                List<StrategyView> views = advised(control::strategies).stream()
                        .map(StrategyView::of)
                        .toList();
                yield ToolResult.of(
                        new Outcome(action, none.status(), Optional.of(views), none.generation(), none.removed()),
                        views.isEmpty() ? "scx_userspace holds no strategies." : views.size() + " strategies.");
            }
            case "set" -> {
                Strategy strategy = strategy(arguments);
                long generation = advised(() -> control.put(strategy));
                yield ToolResult.of(
                        new Outcome(action, none.status(), none.strategies(), Optional.of(generation), none.removed()),
                        "strategy " + strategy.id() + " set; the book is at generation " + generation + ".");
            }
            default -> {
                String id = id(arguments);
                boolean removed = advised(() -> control.remove(id));
                yield ToolResult.of(
                        new Outcome(action, none.status(), none.strategies(), none.generation(), Optional.of(removed)),
                        removed ? "strategy " + id + " removed." : "scx_userspace holds no strategy " + id + ".");
            }
        };
    }

    /** The strategy the arguments describe, checked before anything is connected. */
    private static Strategy strategy(ToolArguments arguments) {
        String id = id(arguments);
        Optional<Long> pid = arguments.optionalInteger("pid");
        Optional<String> comm = arguments.optionalString("comm");
        Optional<String> cgroup = arguments.optionalString("cgroup");
        int matches = (pid.isPresent() ? 1 : 0) + (comm.isPresent() ? 1 : 0) + (cgroup.isPresent() ? 1 : 0);
        if (matches != 1) {
            throw invalid("policy's set needs exactly one of pid, comm and cgroup, not " + matches + ", such as"
                    + " {\"action\": \"set\", \"id\": \"" + id + "\", \"comm\": \"^nginx\", \"priority\": true}");
        }
        try {
            TaskMatch match = pid.isPresent()
                    ? new TaskMatch.ByPid(Math.toIntExact(pid.get()))
                    : comm.isPresent() ? TaskMatch.ByComm.of(comm.get()) : TaskMatch.ByCgroup.of(cgroup.get());
            Optional<Long> sliceUs = arguments.optionalInteger("slice_us");
            OptionalLong sliceNs = sliceUs.isPresent()
                    ? OptionalLong.of(Math.multiplyExact(sliceUs.get(), 1000L))
                    : OptionalLong.empty();
            return new Strategy(id, match, arguments.optionalBoolean("priority").orElse(false), sliceNs);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid("policy's strategy " + id + " is not valid: " + e.getMessage());
        }
    }

    private static String id(ToolArguments arguments) {
        return arguments
                .optionalString("id")
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> invalid(
                        "policy's " + arguments.string("action") + " needs the argument 'id'," + " the strategy's id"));
    }

    /** The control's answer; "not running" says how to start scx_userspace with this server's tools. */
    private static <T> T advised(Supplier<T> call) {
        try {
            return call.get();
        } catch (SchedcpException e) {
            if (e.kind() != Kind.UNAVAILABLE) {
                throw e;
            }
            throw new SchedcpException(Kind.UNAVAILABLE, e.messageWith(START), e);
        }
    }

    private static String text(PolicyStatus s) {
        var c = s.counters();
        return String.format(
                Locale.ROOT,
                "scx_userspace runs the policy %s: %d queued to Java, %d dispatched as it decided, %d by BPF's"
                        + " fallback, %d stalls; round trip p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs; the loop read %d"
                        + " tasks and dispatched %d.",
                s.policy(),
                c.queued(),
                c.userDispatched(),
                c.fallback(),
                c.stalls(),
                s.rttP50Ns() / 1000.0,
                s.rttP99Ns() / 1000.0,
                s.rttP999Ns() / 1000.0,
                s.loop().tasksRead(),
                s.loop().dispatched());
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
