package io.schedcp.cli;

import io.schedcp.bpf.custom.CreateAndVerify;
import io.schedcp.bpf.custom.CreationReport;
import io.schedcp.bpf.custom.CustomName;
import io.schedcp.bpf.custom.CustomSource;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.bpf.custom.DescriptorFields;
import io.schedcp.bpf.custom.VerifyWhere;
import io.schedcp.core.manager.ForeignPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp create-and-run FILE.bpf.c}: create, verify and run a custom scheduler in one go. */
@Command(
        name = "create-and-run",
        mixinStandardHelpOptions = true,
        description = {
            "Create a custom scheduler from BPF C source, verify it, and run it in the foreground.",
            "The name is taken from the file (fifo.bpf.c -> fifo) unless --name is given. It runs only if",
            "verification passes; Ctrl-C stops it and confirms the kernel is back on its default scheduler.",
            "Running needs a kernel with sched_ext here; elsewhere use: schedcp lab run -- schedcp create-and-run"
        })
final class CreateAndRunCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scheduler's BPF C source (.bpf.c).")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "Its name (default: from the file name).")
    private String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the scheduler does.")
    private String description;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            defaultValue = "" + CustomVerifier.DEFAULT_SECONDS,
            description = "How long verification runs (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Mixin
    private TimeoutOptions timeouts;

    @Option(
            names = "--replace-foreign",
            description =
                    "Stop a sched_ext scheduler that another program runs instead of leaving it alone and failing.")
    private boolean replaceForeign;

    @Option(
            names = "--json",
            description = {
                "Print the create-and-verify report as JSON, as the MCP tool "
                        + "create_and_verify_scheduler returns it, before the scheduler runs; its output follows on stdout."
            })
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        // Every argument is checked before the scheduler is stored (the timeouts here, the name and the
        // seconds by the flow): a bad one must leave nothing behind.
        Duration startTimeout = timeouts.start(context.config());
        Duration stopTimeout = timeouts.stop();
        String chosen =
                name != null ? name : CustomName.suggestion(file.getFileName().toString());
        long start = System.nanoTime();
        CreationReport report = CreateAndVerify.of(context.custom())
                .run(
                        new CreateAndVerify.Request(
                                chosen,
                                CustomSource.file(file),
                                DescriptorFields.NONE.withDescription(description),
                                VerifyWhere.AUTO,
                                seconds),
                        new CreateAndVerify.Progress() {
                            @Override
                            public void created(CreationReport created) {
                                if (!json) {
                                    CustomText.created(context, created);
                                }
                            }

                            @Override
                            public void verifying(String line) {
                                context.err().println("  " + line);
                                context.err().flush();
                            }
                        });
        if (json) {
            context.json(report);
        } else if (!report.created()) {
            return CustomText.rejected(context, report);
        } else {
            CustomText.report(context, report.verification().stream().toList());
        }
        if (!report.verified()) {
            return ExitCodes.REJECTED;
        }
        String qualified = report.qualifiedName().orElseThrow();
        ForegroundRun.say(
                context,
                String.format(
                        "created and verified %s in %.1f s; starting it",
                        qualified, (System.nanoTime() - start) / 1e9));
        return ForegroundRun.run(
                context,
                qualified,
                List.of(),
                startTimeout,
                stopTimeout,
                replaceForeign ? ForeignPolicy.REPLACE : ForeignPolicy.LEAVE_ALONE);
    }
}
