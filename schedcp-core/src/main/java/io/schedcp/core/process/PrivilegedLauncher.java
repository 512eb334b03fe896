package io.schedcp.core.process;

import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts scheduler programs as root according to a {@link Privilege}, with stdout and stderr merged. */
public final class PrivilegedLauncher implements ProcessLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(PrivilegedLauncher.class);

    private final Privilege privilege;
    private final SignalSender signals;

    public PrivilegedLauncher(Privilege privilege) {
        this.privilege = privilege;
        this.signals = new SignalSender(privilege);
    }

    public Privilege privilege() {
        return privilege;
    }

    @Override
    public SchedulerHandle launch(Spec spec) {
        Map<String, String> environment = ChildEnvironment.without(spec.environment());
        List<String> command = privilege.wrap(spec.command(), environment);
        ProcessBuilder builder = ChildEnvironment.builder(command).redirectErrorStream(true);
        if (privilege.mode() == Privilege.Mode.DIRECT) {
            builder.environment().putAll(environment);
        }
        spec.workDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
        Optional<byte[]> preamble = privilege.stdinPreamble();
        if (preamble.isEmpty()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        LOG.info("exec {} ({})", String.join(" ", command), privilege.mode());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (privilege.mode() != Privilege.Mode.DIRECT) {
                throw new SchedcpException(
                        SchedcpException.Kind.PERMISSION,
                        "cannot start " + spec.schedulerName()
                                + ": root is needed to load a scheduler, and sudo could not be run (" + e.getMessage()
                                + ")",
                        new RootRefused(RootRefused.Why.NO_SUDO),
                        e);
            }
            throw new SchedcpException(
                    SchedcpException.Kind.START_FAILED,
                    "could not run " + command.get(0) + " to start " + spec.schedulerName() + ": " + e.getMessage(),
                    e);
        }
        if (preamble.isPresent()) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(preamble.get());
            } catch (IOException e) {
                LOG.warn("could not pass the sudo password to {}: {}", spec.schedulerName(), e.getMessage());
            }
        }
        return new ProcessSchedulerHandle(spec.schedulerName(), process, signals);
    }
}
