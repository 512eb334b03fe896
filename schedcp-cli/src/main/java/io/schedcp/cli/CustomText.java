package io.schedcp.cli;

import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.bpf.custom.CreationReport;
import io.schedcp.bpf.custom.VerificationResult;
import java.util.List;

/** How the custom-scheduler commands report: for people on stderr/stdout, and as JSON for scripts. */
final class CustomText {

    private CustomText() {}

    /** Prints a create's report for people; returns its exit code. */
    static int report(CliContext context, CreationReport report) {
        if (!report.created()) {
            return rejected(context, report);
        }
        created(context, report);
        return ExitCodes.OK;
    }

    /** Prints that the source was stored, after the check's warnings. */
    static void created(CliContext context, CreationReport report) {
        report.warningLines().forEach(context.err()::println);
        ForegroundRun.say(
                context,
                String.format(
                        "created %s (ops %s) in %s; compiled in %d ms",
                        report.qualifiedName().orElseThrow(),
                        report.opsName().orElse("?"),
                        report.directory().orElse("?"),
                        report.compileMs().orElse(0L)));
    }

    /** Prints why the source was not stored; returns the exit code. */
    static int rejected(CliContext context, CreationReport report) {
        report.warningLines().forEach(context.err()::println);
        report.errorLines().forEach(context.err()::println);
        ForegroundRun.say(
                context,
                report.name() + " was not created: "
                        + (report.compiled()
                                ? "clang reported " + report.compilerErrors() + " error(s) above"
                                : "the source check found the problems above")
                        + "; fix the source and try again");
        return ExitCodes.REJECTED;
    }

    /** Prints verification results for people; returns the exit code. */
    static int report(CliContext context, List<VerificationResult> results) {
        for (VerificationResult result : results) {
            context.out().println(result.summary());
            if (!result.passed()) {
                result.details().forEach(line -> context.out().println("    " + line));
            } else if (result.workload() != null) {
                context.out()
                        .printf(
                                "    workload: %d threads, %d work units, longest wait %.1f ms, %d of %d "
                                        + "processes ended%n",
                                result.workload().threads(),
                                result.workload().workUnits(),
                                result.workload().maxGapMs(),
                                result.workload().processesFinished(),
                                result.workload().processesStarted());
            }
        }
        context.out().flush();
        results.stream()
                .filter(r -> !r.passed())
                .forEach(r -> ForegroundRun.say(
                        context,
                        r.name() + " is stored "
                                + "but cannot run until it passes; "
                                + CliAdvice.of(
                                        new CustomNotRunnable(r.name(), CustomNotRunnable.Why.FAILED_VERIFICATION))));
        return results.stream().allMatch(VerificationResult::passed) ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
