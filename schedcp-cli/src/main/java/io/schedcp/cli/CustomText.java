package io.schedcp.cli;

import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.bpf.custom.CompileResult;
import io.schedcp.bpf.custom.CompilerDiagnostic;
import io.schedcp.bpf.custom.CreateOutcome;
import io.schedcp.bpf.custom.CustomScheduler;
import io.schedcp.bpf.custom.SourceProblem;
import io.schedcp.bpf.custom.VerificationResult;
import java.util.List;

/** How the custom-scheduler commands report: for people on stderr/stdout, and as JSON for scripts. */
final class CustomText {

    private CustomText() {
    }

    /** The {@code --json} form of a create. */
    record Created(boolean created, String name, String opsName, String directory, Long compileMs,
            List<SourceProblem> problems, List<CompilerDiagnostic> diagnostics, List<String> compilerOutput) {
    }

    static Created json(String name, CreateOutcome outcome) {
        CompileResult compile = outcome.compile().orElse(null);
        return new Created(outcome.created(), name,
                outcome.scheduler().map(s -> s.meta().opsName()).orElse(null),
                outcome.scheduler().map(s -> s.directory().toString()).orElse(null),
                compile == null ? null : compile.duration().toMillis(), outcome.problems(),
                compile == null ? List.of() : compile.diagnostics(),
                compile == null || compile.succeeded() ? List.of() : compile.output());
    }

    /** Prints a create's outcome; returns its exit code. */
    static int report(CliContext context, String name, CreateOutcome outcome) {
        outcome.problems().stream().filter(p -> !p.error())
                .forEach(p -> context.err().println(p.format(outcome.fileLabel())));
        if (!outcome.created()) {
            outcome.errorLines().forEach(context.err()::println);
            boolean compiled = outcome.compile().isPresent();
            ForegroundRun.say(context, name + " was not created: " + (compiled ? "clang reported "
                    + outcome.compile().get().errors().size() + " error(s) above"
                    : "the source check found the problems above") + "; fix the source and try again");
            return ExitCodes.REJECTED;
        }
        CustomScheduler scheduler = outcome.scheduler().get();
        ForegroundRun.say(context, String.format("created custom:%s (ops %s) in %s; compiled in %d ms",
                name, scheduler.meta().opsName(), scheduler.directory(),
                outcome.compile().map(c -> c.duration().toMillis()).orElse(0L)));
        return ExitCodes.OK;
    }

    /** Prints verification results for people; returns the exit code. */
    static int report(CliContext context, List<VerificationResult> results) {
        for (VerificationResult result : results) {
            context.out().println(result.summary());
            if (!result.passed()) {
                result.details().forEach(line -> context.out().println("    " + line));
            } else if (result.workload() != null) {
                context.out().printf("    workload: %d threads, %d work units, longest wait %.1f ms, %d of %d "
                        + "processes ended%n", result.workload().threads(), result.workload().workUnits(),
                        result.workload().maxGapMs(), result.workload().processesFinished(),
                        result.workload().processesStarted());
            }
        }
        context.out().flush();
        results.stream().filter(r -> !r.passed()).forEach(r -> ForegroundRun.say(context, r.name() + " is stored "
                + "but cannot run until it passes; " + CliAdvice.of(new CustomNotRunnable(r.name(),
                        CustomNotRunnable.Why.FAILED_VERIFICATION))));
        return results.stream().allMatch(VerificationResult::passed) ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
