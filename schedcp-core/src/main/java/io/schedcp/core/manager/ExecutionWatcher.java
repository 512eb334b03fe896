package io.schedcp.core.manager;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.core.kernel.SchedExtReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Notices a running scheduler whose program died ({@link ExecutionState#EXITED}) or that the kernel no longer
 * runs ({@link ExecutionState#EJECTED}), and says so with the program's own last words.
 */
final class ExecutionWatcher {

    /** Where an ending goes. */
    interface Ending {
        void ended(Execution execution, ExecutionState cause, String message);
    }

    private final SchedExtReader kernel;
    private final HandleStopper stopper;
    private final Duration grace;
    private final Ending ending;

    /** @param grace how long a program may take to end by itself once the kernel let it go */
    ExecutionWatcher(SchedExtReader kernel, HandleStopper stopper, Duration grace, Ending ending) {
        this.kernel = kernel;
        this.stopper = stopper;
        this.grace = grace;
        this.ending = ending;
    }

    void check(Execution execution) throws InterruptedException {
        SchedulerHandle handle = execution.handle();
        String name = execution.scheduler().name();
        if (!handle.isAlive()) {
            ExitInfo exit = exitInfo(handle, grace);
            SchedExtState state = kernel.read();
            ending.ended(
                    execution,
                    ExecutionState.EXITED,
                    name + " " + exit.summary() + " while it was running; " + "sched_ext is now " + state.state()
                            + OutputBlock.of(exit.lastOutput()));
            return;
        }
        SchedExtState state = kernel.read();
        if ((state.isEnabled()
                        && execution.scheduler().matchesKernelOps(state.ops().orElse(null)))
                || execution.state() != ExecutionState.RUNNING) {
            return;
        }
        // Give the program a moment to print the kernel's exit reason and end by itself.
        Optional<ExitInfo> exit = handle.awaitExit(grace);
        if (exit.isEmpty() && execution.state() == ExecutionState.RUNNING) {
            exit = stopper.stop(execution.id(), handle).exit();
        }
        List<String> output = exit.map(ExitInfo::lastOutput).orElse(handle.outputTail());
        String program = exit.map(e -> "; its program " + e.summary()).orElse("");
        ending.ended(
                execution,
                ExecutionState.EJECTED,
                "the kernel ejected " + name + " (sched_ext state " + state.state() + ", ops "
                        + state.ops().orElse("none") + ")" + program + OutputBlock.of(output));
    }

    /** The handle's exit info, waiting up to {@code timeout} for its output to be read to the end. */
    static ExitInfo exitInfo(SchedulerHandle handle, Duration timeout) {
        try {
            return handle.awaitExit(timeout)
                    .orElseGet(() -> new ExitInfo(OptionalInt.empty(), "ended", handle.outputTail()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExitInfo(OptionalInt.empty(), "ended", handle.outputTail());
        }
    }
}
