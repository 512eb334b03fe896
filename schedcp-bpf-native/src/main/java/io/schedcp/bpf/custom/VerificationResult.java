package io.schedcp.bpf.custom;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a custom scheduler in a real sched_ext kernel.
 *
 * @param name             the custom scheduler
 * @param opsName          the name the kernel was expected to report
 * @param passed           whether it loaded, stayed enabled for the whole time, let the workload finish, and
 *                         detached cleanly
 * @param where            {@code host} or {@code lab}
 * @param kernel           the release of the kernel it ran in
 * @param secondsRequested how long it was to run
 * @param secondsRan       how long it was enabled
 * @param stage            where it failed: {@code compile}, {@code load}, {@code attach}, {@code enable},
 *                         {@code run}, {@code workload}, {@code detach}; {@code none} when it passed
 * @param reason           why it failed, one sentence; empty when it passed
 * @param details          the lines behind the reason: the verifier's essentials, the kernel's exit message
 * @param exit             what the scheduler recorded when the kernel disabled it, if it did
 * @param workload         what the workload did meanwhile, if it ran
 * @param loadMillis       time to load the programs
 * @param enableMillis     time from attach until the kernel reported it enabled
 * @param at               when, as an ISO-8601 instant
 */
public record VerificationResult(
        String name,
        String opsName,
        boolean passed,
        String where,
        String kernel,
        int secondsRequested,
        double secondsRan,
        String stage,
        String reason,
        List<String> details,
        ExitRecord exit,
        WorkloadReport workload,
        long loadMillis,
        long enableMillis,
        String at) {

    public static final String PASSED = "none";

    public VerificationResult {
        Objects.requireNonNull(name, "name");
        opsName = Objects.requireNonNullElse(opsName, "");
        where = Objects.requireNonNullElse(where, "");
        kernel = Objects.requireNonNullElse(kernel, "");
        stage = Objects.requireNonNullElse(stage, PASSED);
        reason = Objects.requireNonNullElse(reason, "");
        details = List.copyOf(Objects.requireNonNullElse(details, List.of()));
        at = Objects.requireNonNullElse(at, "");
    }

    /** A failure before the kernel was involved, or where the verifying process itself gave no result. */
    public static VerificationResult failed(
            String name, String opsName, String where, int seconds, String stage, String reason, List<String> details) {
        return new VerificationResult(
                name,
                opsName,
                false,
                where,
                "",
                seconds,
                0,
                stage,
                reason,
                details,
                null,
                null,
                0,
                0,
                java.time.Instant.now().toString());
    }

    /** One line for people: passed with the figures, or failed with where and why. */
    public String summary() {
        if (passed) {
            return String.format(
                    "%s passed in the %s kernel %s: enabled for %.1f s with the workload running "
                            + "(load %d ms, enable %d ms)",
                    name, where, kernel, secondsRan, loadMillis, enableMillis);
        }
        return name + " failed verification (" + stage + (where.isEmpty() ? "" : ", " + where) + "): " + reason;
    }

    /**
     * What the kernel's {@code user_exit_info} said.
     *
     * @param kindName the {@code scx_exit_kind} enumerator, such as {@code SCX_EXIT_ERROR_STALL}
     */
    public record ExitRecord(int kind, String kindName, String reason, String message, long exitCode) {}

    /**
     * The verification workload's figures.
     *
     * @param threads            busy threads run alongside the scheduler
     * @param finished           whether every thread and process of it ended in time
     * @param workUnits          units of work done in all
     * @param maxGapMs           the longest a thread waited between two units: how long a task went unscheduled
     * @param processesStarted   short-lived processes started (exercises task creation and exit)
     * @param processesFinished  of those, how many ended
     */
    public record WorkloadReport(
            int threads,
            boolean finished,
            long workUnits,
            double maxGapMs,
            int processesStarted,
            int processesFinished) {}
}
