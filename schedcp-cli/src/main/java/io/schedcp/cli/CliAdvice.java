package io.schedcp.cli;

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
 * What to do next, in the command line's terms: the library's errors state the fact and carry an
 * {@link ErrorDetail}, and this names the command or the flag that helps.
 */
final class CliAdvice implements ErrorDetail.Visitor<String> {

    private static final CliAdvice INSTANCE = new CliAdvice();

    private CliAdvice() {}

    /** The error's message followed by the CLI's advice, if its detail calls for any. */
    static String message(SchedcpException e) {
        return e.messageWith(e.detail().map(CliAdvice::of).orElse(""));
    }

    /** Why a scheduler cannot run, followed by the CLI's advice, if its detail calls for any. */
    static String reason(Availability.Unavailable unavailable) {
        return SchedcpException.withAdvice(
                unavailable.reason(), unavailable.detail().map(CliAdvice::of).orElse(""));
    }

    /** The advice for {@code detail} alone, or an empty text when the CLI has none to give. */
    static String of(ErrorDetail detail) {
        return detail.accept(INSTANCE);
    }

    /** How the CLI spells {@code input}. */
    static String option(Input input) {
        return switch (input) {
            case BENCH_SCHEDULERS -> "--schedulers";
            case BENCH_COMMAND -> "the command after '--'";
            case BENCH_RUNS -> "--runs";
            case VERIFY_NAMES -> "the names after 'schedcp verify'";
            case VERIFY_SECONDS -> "--seconds";
            case VERIFY_WHERE -> "--where";
        };
    }

    @Override
    public String unknownName(UnknownName detail) {
        boolean none = detail.candidates().isEmpty();
        return switch (detail.subject()) {
            case SCHEDULER -> "run 'schedcp list' to see every scheduler";
            case CUSTOM_SCHEDULER ->
                none
                        ? "create one with 'schedcp create NAME FILE.bpf.c'"
                        : "run 'schedcp list --name " + CustomName.PREFIX + "' to see them";
            case EXECUTION ->
                "an execution id is printed by the 'schedcp run' that started it, and only that " + "process knows it";
            case WORKLOAD ->
                none
                        ? "create one with 'schedcp workload create \"DESCRIPTION\"'"
                        : "run 'schedcp workload list' to see them all";
            case MONITOR -> "'schedcp monitor' runs a monitor of its own, which has no id";
        };
    }

    @Override
    public String nameTaken(NameTaken detail) {
        return detail.subject() == Subject.CUSTOM_SCHEDULER
                ? "remove it first ('schedcp remove " + detail.name() + "') or pick another name"
                : "pick another name";
    }

    @Override
    public String missingInput(MissingInput detail) {
        return switch (detail.input()) {
            case BENCH_SCHEDULERS -> "name them with --schedulers, for example --schedulers default,scx_simple";
            case BENCH_COMMAND -> "give it after '--', for example -- hackbench -g 4 -l 1000";
            default -> "give " + option(detail.input());
        };
    }

    @Override
    public String repeatedValue(RepeatedValue detail) {
        return detail.input() == Input.BENCH_SCHEDULERS
                ? "name each scheduler once in --schedulers, and give --runs for more runs of each"
                : "give each value of " + option(detail.input()) + " once";
    }

    @Override
    public String outOfRange(OutOfRange detail) {
        return "give " + option(detail.input()) + " a value from " + detail.min() + " to " + detail.max();
    }

    @Override
    public String notPossibleHere(NotPossibleHere detail) {
        return detail.input() == Input.VERIFY_WHERE
                ? "verify in the kernel lab instead (--where lab)"
                : "give " + option(detail.input()) + " another value";
    }

    @Override
    public String customNotRunnable(CustomNotRunnable detail) {
        String name = detail.name();
        String recreate = "'schedcp remove " + name + "', then 'schedcp create " + name + " FILE.bpf.c'";
        return switch (detail.why()) {
            case NOT_VERIFIED -> "run 'schedcp verify " + name + "'";
            case FAILED_VERIFICATION ->
                "once the cause is fixed, run 'schedcp verify " + name + "' again; or fix "
                        + "the source and create it again (" + recreate + ")";
            case OBJECT_MISSING -> "create it again: " + recreate;
        };
    }

    @Override
    public String foreignScheduler(ForeignScheduler detail) {
        return detail.holdersSeen()
                ? "to stop it and start " + detail.wanted() + " instead, run again with --replace-foreign"
                : "stop it where it was started, or run schedcp as root, which can see the program that holds it";
    }

    @Override
    public String rootRefused(RootRefused detail) {
        return switch (detail.why()) {
            case NO_SUDO -> "run schedcp as root, or install sudo";
            case WRONG_PASSWORD -> "set SCHEDCP_SUDO_PASSWORD to this user's correct password, or run schedcp as root";
            case NOT_IN_SUDOERS -> "run schedcp as root, or have an administrator allow this user in sudoers";
            case PASSWORD_NEEDED ->
                "run schedcp as root, allow this user passwordless sudo, or set " + "SCHEDCP_SUDO_PASSWORD";
        };
    }
}
