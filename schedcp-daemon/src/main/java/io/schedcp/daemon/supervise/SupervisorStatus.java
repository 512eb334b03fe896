package io.schedcp.daemon.supervise;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daemon's scheduler is doing, as a snapshot that reads take without waiting on a start.
 *
 * @param phase where it is
 * @param scheduler the scheduler asked for; empty when none was
 * @param args its flags
 * @param executionId the current or last execution's id
 * @param restarts the restarts since it was asked for
 * @param runningSince when the kernel confirmed the current execution
 * @param lastFailure how it last ended or failed without being asked
 * @param request the number of the last run or stop request; a client waits until the status has reached it
 * @param settled whether the status is the outcome of that request so far: false only while its start or stop
 *     is under way; RESTARTING is settled, as the run's outcome until the restart, which then unsettles it
 */
public record SupervisorStatus(
        Phase phase,
        Optional<String> scheduler,
        List<String> args,
        Optional<String> executionId,
        int restarts,
        Optional<Instant> runningSince,
        Optional<String> lastFailure,
        long request,
        boolean settled) {

    public SupervisorStatus {
        Objects.requireNonNull(phase, "phase");
        args = List.copyOf(args);
    }

    static SupervisorStatus idle() {
        return new SupervisorStatus(
                Phase.IDLE,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                0,
                true);
    }
}
