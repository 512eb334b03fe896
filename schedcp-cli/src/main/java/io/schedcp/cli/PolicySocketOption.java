package io.schedcp.cli;

import io.schedcp.userspace.control.PolicyControl;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --socket PATH}, shared by the policy commands: which running scx_userspace to reach. */
final class PolicySocketOption {

    @Option(
            names = "--socket",
            paramLabel = "PATH",
            description = "The agent's socket (default ~/.schedcp/userspace.sock, under SCHEDCP_HOME if set).")
    private Path socket;

    /** The scx_userspace at {@code --socket}, or at the socket in the schedcp home. */
    PolicyControl control(CliContext context) {
        return new AdvisedPolicyControl(context.policy(Optional.ofNullable(socket)));
    }
}
