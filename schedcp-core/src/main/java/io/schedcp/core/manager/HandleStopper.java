package io.schedcp.core.manager;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StopSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a scheduler's program: SIGINT, then SIGTERM, then SIGKILL, each after the previous had its time. */
final class HandleStopper {

    private static final Logger LOG = LoggerFactory.getLogger(HandleStopper.class);

    /**
     * @param signals what was sent, in order
     * @param exit    how the program ended; empty if it outlived SIGKILL
     */
    record Outcome(List<StopSignal> signals, Optional<ExitInfo> exit) {}

    private final Duration stepTimeout;

    HandleStopper(Duration stepTimeout) {
        this.stepTimeout = stepTimeout;
    }

    Outcome stop(String executionId, SchedulerHandle handle) throws InterruptedException {
        List<StopSignal> sent = new ArrayList<>();
        Optional<ExitInfo> exit = handle.exitInfo();
        for (StopSignal signal : StopSignal.values()) {
            if (exit.isPresent()) {
                break;
            }
            LOG.info("stop {}: sending {} to {}", executionId, signal, handle);
            handle.signal(signal);
            sent.add(signal);
            exit = handle.awaitExit(stepTimeout);
        }
        return new Outcome(sent, exit);
    }
}
