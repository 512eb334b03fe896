package io.schedcp.cli;

import io.schedcp.bpf.custom.CreateAndVerify;
import io.schedcp.bpf.custom.CreationReport;
import io.schedcp.bpf.custom.CustomSource;
import io.schedcp.bpf.custom.DescriptorFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp create NAME FILE.bpf.c}: checks, compiles and stores a custom scheduler. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Create a custom scheduler from BPF C source (scx style).",
            "The source is checked (a sched_ext_ops struct_ops map with a .name and a scheduling callback, the",
            "callbacks it names defined, a GPL license), then compiled with clang for BPF against the lab",
            "kernel's vmlinux.h and the scx headers (bpf/setup.sh installs them). Errors come back as",
            "file:line:column as clang wrote them. The result is stored in ~/.schedcp/custom/NAME and listed",
            "as custom:NAME; it can run once 'schedcp verify NAME' passes."
        })
final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "A lower-case identifier, such as my_fifo.")
    private String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "The scheduler's BPF C source (.bpf.c).")
    private Path file;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the scheduler does.")
    private String description;

    @Option(names = "--algorithm", paramLabel = "TEXT", description = "How it decides what runs.")
    private String algorithm;

    @Option(names = "--use-case", paramLabel = "TEXT", description = "A workload it suits (repeatable).")
    private List<String> useCases = new ArrayList<>();

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        DescriptorFields fields = new DescriptorFields(description, algorithm, useCases, null, null, null);
        CreationReport report = CreateAndVerify.of(context.custom()).create(name, CustomSource.file(file), fields);
        if (json) {
            context.json(report);
            return report.created() ? ExitCodes.OK : ExitCodes.REJECTED;
        }
        int code = CustomText.report(context, report);
        if (code == ExitCodes.OK) {
            ForegroundRun.say(context, "next: schedcp verify " + name + " (it must pass before it can run)");
        }
        return code;
    }
}
