package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.lab.KernelCrash;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedcp lab run -- COMMAND...}: one command inside a sched_ext guest. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Boot the lab kernel, run COMMAND inside it, print its output and exit with its status.",
            "In the guest this host's files are visible read-only, HOME and SCHEDCP_HOME are writable scratch,",
            "and schedcp and the reference schedulers are on PATH. Example:",
            "  schedcp lab run -- schedcp run scx_simple",
            "A boot takes about 30 s before COMMAND starts. Exit 124: COMMAND hit --timeout; 125: the guest gave",
            "no result; 12: the guest kernel crashed, and its report is printed. The console of a failed boot is",
            "kept in a file (SCHEDCP_LAB_CONSOLES, default <cache>/lab/consoles) whose path is printed."
        })
final class LabRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "The time limit of COMMAND in the guest (default ${DEFAULT-VALUE}).")
    private int timeout;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its arguments (after '--').")
    private List<String> command;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = LabSupport.context(spec);
        if (timeout < 1) {
            throw new SchedcpException(SchedcpException.Kind.INVALID_INPUT, "--timeout takes whole seconds, 1 or more");
        }
        Path cache = LabSupport.cacheDirectory(context.config());
        LabToolchain toolchain = LabToolchain.load(cache)
                .orElseThrow(() -> new SchedcpException(
                        SchedcpException.Kind.UNAVAILABLE,
                        "the kernel lab is not set up (" + LabToolchain.manifestIn(cache)
                                + " does not exist); run bpf/setup.sh from the schedcp source tree (see docs/lab.md)"));
        LabOptions options = LabOptions.fromEnvironment(context.config().environment())
                .withScenarioTimeout(Duration.ofSeconds(timeout))
                .withPath(LabSupport.launcherDirectory().map(List::of).orElse(List.of()));
        context.err().println("schedcp: booting the lab kernel " + toolchain.kernelVersion() + " ...");
        LabResult result = new Lab(toolchain, cache).runCommand(command, options, line -> {
            context.out().println(line);
            context.out().flush();
        });
        if (result.crash().isPresent()) {
            KernelCrash crash = result.crash().get();
            context.err().println("schedcp: " + crash.summary() + "; its report:");
            crash.report().forEach(line -> context.err().println("  | " + line));
        } else if (result.exitCode() == 125 && result.scenarios().isEmpty()) {
            context.err().println("schedcp: the lab guest gave no result; its last console lines:");
            result.consoleTail().forEach(line -> context.err().println("  | " + line));
        }
        result.console().ifPresent(path -> context.err().println("schedcp: the whole console is in " + path));
        int exit = result.crash().isPresent() ? ExitCodes.LAB_KERNEL_CRASHED : result.exitCode();
        context.err()
                .printf(
                        "schedcp: lab boot %.1f s, command %.1f s, exit status %d%s%n",
                        result.boot().toMillis() / 1000.0,
                        result.scenarios().isEmpty()
                                ? 0.0
                                : result.scenarios().get(0).duration().toMillis() / 1000.0,
                        exit,
                        result.crash().isPresent() ? " (the guest kernel crashed)" : "");
        return exit;
    }
}
