package io.schedcp.cli;

import io.schedcp.slo.control.SloControl;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --socket PATH}, shared by the slo commands: which running scx_slo to reach. */
final class SloSocketOption {

    @Option(
            names = "--socket",
            paramLabel = "PATH",
            description = "The agent's socket (default ~/.schedcp/slo.sock, under SCHEDCP_HOME if set).")
    private Path socket;

    /** The scx_slo at {@code --socket}, or at the socket in the schedcp home. */
    SloControl control(CliContext context) {
        return context.slo(Optional.ofNullable(socket));
    }
}
