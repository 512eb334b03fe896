package io.schedcp.cli;

import io.schedcp.bpf.custom.CustomName;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.bpf.custom.VerificationResult;
import io.schedcp.bpf.custom.VerifyWhere;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp verify NAME...}: runs custom schedulers in a real sched_ext kernel and records the result. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verify custom schedulers in a real sched_ext kernel.",
            "Each is loaded and attached for the set time while a small workload runs (busy threads, short",
            "processes). It passes when it loads, the kernel keeps it enabled the whole time, the workload",
            "finishes, and the kernel is back on its default scheduler after it is detached. On failure the",
            "result says why: the verifier's message, the kernel's exit reason, or a stall.",
            "By default it runs on this host if its kernel has sched_ext, else in the kernel lab (one boot",
            "for all the names given)."
        })
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Custom schedulers to verify (NAME or custom:NAME).")
    private List<String> names = new ArrayList<>();

    @Option(
            names = "--where",
            paramLabel = "host|lab|auto",
            defaultValue = "auto",
            description = "Where to verify (default ${DEFAULT-VALUE}: host if it has sched_ext, else lab).")
    private String where;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            defaultValue = "" + CustomVerifier.DEFAULT_SECONDS,
            description = "How long each runs with the workload (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        List<VerificationResult> results = context.custom()
                .verifier()
                .verify(names.stream().map(CustomName::parse).toList(), VerifyWhere.parse(where), seconds, line -> {
                    context.err().println("  " + line);
                    context.err().flush();
                });
        if (json) {
            context.json(results);
            return results.stream().allMatch(VerificationResult::passed) ? ExitCodes.OK : ExitCodes.REJECTED;
        }
        return CustomText.report(context, results);
    }
}
