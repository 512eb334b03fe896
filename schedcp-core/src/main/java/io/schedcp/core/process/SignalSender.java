package io.schedcp.core.process;

import io.schedcp.api.spi.StopSignal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends POSIX signals with {@code kill(1)}: the JDK can only send SIGTERM and SIGKILL, and a scheduler
 * detaches cleanly on SIGINT. When a plain kill is refused (the target runs as root under sudo), the
 * signal is sent again through the privilege rules.
 */
public final class SignalSender {

    private static final Logger LOG = LoggerFactory.getLogger(SignalSender.class);

    private final Privilege privilege;

    public SignalSender(Privilege privilege) {
        this.privilege = privilege;
    }

    public static String signalName(StopSignal signal) {
        return switch (signal) {
            case INTERRUPT -> "INT";
            case TERMINATE -> "TERM";
            case KILL -> "KILL";
        };
    }

    /** Sends {@code signal} to each of {@code pids}; returns whether all were delivered. */
    public boolean send(StopSignal signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return true;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-s", signalName(signal)));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        if (run(command, false)) {
            return true;
        }
        if (privilege.mode() == Privilege.Mode.DIRECT) {
            return false;
        }
        return run(privilege.wrap(command, Map.of()), true);
    }

    private boolean run(List<String> command, boolean throughSudo) {
        try {
            ProcessBuilder builder = ChildEnvironment.builder(command).redirectErrorStream(true);
            Process process = builder.start();
            privilege.stdinPreamble().filter(p -> throughSudo).ifPresent(p -> {
                try {
                    process.getOutputStream().write(p);
                } catch (IOException e) {
                    LOG.debug("could not pass the sudo password to kill", e);
                }
            });
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0) {
                LOG.debug("{} failed: {}", command.get(0), output);
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            LOG.warn("could not run kill: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
