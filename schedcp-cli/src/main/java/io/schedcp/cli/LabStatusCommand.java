package io.schedcp.cli;

import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schedcp lab status}: whether the lab can boot, and what is missing. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Say whether the kernel, QEMU, virtiofsd and the reference schedulers are ready, and what is missing.")
final class LabStatusCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    /** The shape of {@code --json}. */
    record Status(
            boolean ready,
            String manifest,
            String kernelVersion,
            List<String> referenceSchedulers,
            List<String> missing) {}

    @Override
    public Integer call() {
        CliContext context = LabSupport.context(spec);
        Path cache = LabSupport.cacheDirectory(context.config());
        Optional<LabToolchain> toolchain = LabToolchain.load(cache);
        List<String> missing = toolchain
                .map(LabToolchain::missing)
                .orElse(List.of("the lab is not set up: " + LabToolchain.manifestIn(cache) + " does not exist"));
        Status status = new Status(
                missing.isEmpty(),
                LabToolchain.manifestIn(cache).toString(),
                toolchain.map(LabToolchain::kernelVersion).orElse(null),
                toolchain.map(LabToolchain::builtSchedulers).orElse(List.of()),
                missing);
        if (json) {
            context.json(status);
            return missing.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
        }
        context.out().println("lab:        " + (missing.isEmpty() ? "ready" : "not ready"));
        context.out().println("manifest:   " + status.manifest());
        if (toolchain.isPresent()) {
            context.out().println("kernel:     " + status.kernelVersion());
            context.out().println("schedulers: " + String.join(" ", status.referenceSchedulers()));
        }
        if (!missing.isEmpty()) {
            context.out().println("missing:");
            missing.forEach(m -> context.out().println("  - " + m));
            context.out().println("Run bpf/setup.sh from the schedcp source tree to set the lab up (docs/lab.md).");
        }
        return missing.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
