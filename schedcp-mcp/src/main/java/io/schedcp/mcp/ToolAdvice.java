package io.schedcp.mcp;

import io.schedcp.api.Availability;
import io.schedcp.api.ErrorDetail;
import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.api.ErrorDetail.ForeignScheduler;
import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.NameTaken;
import io.schedcp.api.ErrorDetail.NotPossibleHere;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.ErrorDetail.RepeatedValue;
import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.custom.CustomName;

/**
 * What to do next, in the MCP server's terms: the library's errors state the fact and carry an
 * {@link ErrorDetail}, and this names the tool and the argument that help. It never names a CLI command: a model
 * talking to this server has only its tools.
 */
public final class ToolAdvice implements ErrorDetail.Visitor<String> {

    private static final ToolAdvice INSTANCE = new ToolAdvice();
    private static final String CLIENT_ENV = "the \"env\" of its entry in the client's configuration";

    private ToolAdvice() {}

    /** The error's message followed by the server's advice, if its detail calls for any. */
    public static String message(SchedcpException e) {
        return e.messageWith(e.detail().map(ToolAdvice::of).orElse(""));
    }

    /** Why a scheduler cannot run, followed by the server's advice, if its detail calls for any. */
    public static String reason(Availability.Unavailable unavailable) {
        return SchedcpException.withAdvice(
                unavailable.reason(), unavailable.detail().map(ToolAdvice::of).orElse(""));
    }

    /** The advice for {@code detail} alone, or an empty text when the server has none to give. */
    public static String of(ErrorDetail detail) {
        return detail.accept(INSTANCE);
    }

    /** Which tool argument stands for {@code input}, or what stands in for it where no tool takes it. */
    static String argument(Input input) {
        return switch (input) {
            case BENCH_SCHEDULERS -> "benchmark's schedulers";
            case BENCH_COMMAND -> "benchmark's command";
            case BENCH_RUNS -> "benchmark's runs";
            case VERIFY_NAMES -> "create_and_verify_scheduler's name";
            case VERIFY_SECONDS -> "the verification time (create_and_verify_scheduler always verifies for 10 s)";
            case VERIFY_WHERE -> "the place to verify (create_and_verify_scheduler picks the host or the lab)";
        };
    }

    @Override
    public String unknownName(UnknownName detail) {
        boolean none = detail.candidates().isEmpty();
        return switch (detail.subject()) {
            case SCHEDULER -> "call list_schedulers to see every scheduler";
            case CUSTOM_SCHEDULER ->
                none
                        ? "create one with create_and_verify_scheduler"
                        : "list_schedulers {\"name\": \"" + CustomName.PREFIX + "\"} shows them";
            case EXECUTION ->
                "run_scheduler returns the id of each execution it starts, and this server knows " + "only those";
            case WORKLOAD ->
                none
                        ? "create one with workload {\"command\": \"create\", \"description\": \"...\"}"
                        : "workload {\"command\": \"list\"} lists them all";
            case MONITOR -> "system_monitor {\"command\": \"start\"} starts one and returns its id";
        };
    }

    @Override
    public String nameTaken(NameTaken detail) {
        return detail.subject() == Subject.CUSTOM_SCHEDULER
                ? "give create_and_verify_scheduler another name (no tool of this server removes one)"
                : "pick another name";
    }

    @Override
    public String missingInput(MissingInput detail) {
        return switch (detail.input()) {
            case BENCH_SCHEDULERS -> "name them in benchmark's schedulers, for example [\"default\", \"scx_simple\"]";
            case BENCH_COMMAND ->
                "give it in benchmark's command, for example [\"hackbench\", \"-g\", \"4\", \"-l\", " + "\"1000\"]";
            default -> "give " + argument(detail.input());
        };
    }

    @Override
    public String repeatedValue(RepeatedValue detail) {
        return detail.input() == Input.BENCH_SCHEDULERS
                ? "name each scheduler once in benchmark's schedulers, and raise runs for more runs of each"
                : "give each value of " + argument(detail.input()) + " once";
    }

    @Override
    public String outOfRange(OutOfRange detail) {
        return "give " + argument(detail.input()) + " a value from " + detail.min() + " to " + detail.max();
    }

    @Override
    public String notPossibleHere(NotPossibleHere detail) {
        return detail.input() == Input.VERIFY_WHERE
                ? "create_and_verify_scheduler verifies in the kernel lab on a host without sched_ext"
                : "give " + argument(detail.input()) + " another value";
    }

    @Override
    public String customNotRunnable(CustomNotRunnable detail) {
        return switch (detail.why()) {
            case NOT_VERIFIED ->
                "this server verifies a scheduler only as create_and_verify_scheduler creates it, so "
                        + "call that with its source under a new name";
            case FAILED_VERIFICATION -> "fix the source and call create_and_verify_scheduler with it under a new name";
            case OBJECT_MISSING -> "call create_and_verify_scheduler with its source under a new name";
        };
    }

    @Override
    public String foreignScheduler(ForeignScheduler detail) {
        return detail.holdersSeen()
                ? "to stop it and start " + detail.wanted() + " instead, call run_scheduler again with "
                        + "\"replace_foreign\": true"
                : "stop it where it was started, or start this MCP server as root, which can see the program that "
                        + "holds it";
    }

    @Override
    public String rootRefused(RootRefused detail) {
        return switch (detail.why()) {
            case NO_SUDO -> "start the MCP server as root, or install sudo";
            case WRONG_PASSWORD ->
                "set SCHEDCP_SUDO_PASSWORD in the MCP server's environment (" + CLIENT_ENV + ") to "
                        + "its user's correct password, or start the server as root";
            case NOT_IN_SUDOERS -> "start the MCP server as root, or have an administrator allow its user in sudoers";
            case PASSWORD_NEEDED ->
                "the MCP server itself needs root for this: start it as root, allow it "
                        + "passwordless sudo, or set SCHEDCP_SUDO_PASSWORD in its environment (" + CLIENT_ENV + ")";
        };
    }
}
