package io.schedcp.cli;

import io.schedcp.daemon.client.DaemonClient;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.time.Duration;
import java.util.List;

/**
 * {@code schedcp run} and {@code schedcp stop} when a schedcp daemon runs: the daemon owns the scheduler, so
 * the command asks it, waits for the outcome, says so and returns; nothing runs in this process's foreground.
 */
final class DaemonRun {

    private DaemonRun() {}

    static int run(
            CliContext context,
            DaemonClient daemon,
            String name,
            List<String> args,
            boolean replaceForeign,
            Duration timeout) {
        context.err()
                .println("schedcp: the schedcp daemon on " + daemon.socket() + " owns the scheduler: asking it to run "
                        + name + (args.isEmpty() ? "" : " " + String.join(" ", args))
                        + " (run --no-daemon to run it here instead)");
        context.err().flush();
        SupervisorStatus status = daemon.run(name, args, replaceForeign, timeout);
        return report(context, status);
    }

    static int stop(CliContext context, DaemonClient daemon, Duration timeout) {
        SupervisorStatus status = daemon.stop(timeout);
        if (status.phase() == Phase.IDLE) {
            context.out()
                    .println("the daemon stopped " + status.scheduler().orElse("its scheduler")
                            + "; the kernel is on its default scheduler");
            return ExitCodes.OK;
        }
        context.err()
                .println("schedcp: the daemon's stop left it " + status.phase() + ": "
                        + status.lastFailure().orElse("see 'schedcp status'"));
        return ExitCodes.STOP_FAILED;
    }

    private static int report(CliContext context, SupervisorStatus status) {
        String scheduler = status.scheduler().orElse("the scheduler");
        switch (status.phase()) {
            case RUNNING -> {
                context.out()
                        .println("the daemon runs " + scheduler
                                + status.executionId()
                                        .map(id -> " (" + id + ")")
                                        .orElse("") + "; it restarts it if it ends; 'schedcp stop' stops it");
                return ExitCodes.OK;
            }
            case RESTARTING -> {
                context.err()
                        .println("schedcp: " + scheduler + " did not stay up: "
                                + status.lastFailure().orElse("it ended") + "; the daemon restarts it (restart "
                                + status.restarts() + "); follow it with 'schedcp status'");
                return ExitCodes.START_FAILED;
            }
            default -> {
                context.err()
                        .println("schedcp: the daemon could not run " + scheduler + ": "
                                + status.lastFailure().orElse(status.phase().toString()));
                return ExitCodes.START_FAILED;
            }
        }
    }
}
