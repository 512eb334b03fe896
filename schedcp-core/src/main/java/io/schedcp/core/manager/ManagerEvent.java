package io.schedcp.core.manager;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.kernel.StructOpsOwners;
import java.util.List;

/** What the manager tells its listeners. */
public sealed interface ManagerEvent {

    /** A scheduler is about to be stopped so that another can start. */
    record Replacing(Execution execution, String next) implements ManagerEvent {}

    /**
     * The kernel runs a scheduler this manager did not start (ops name {@code ops}); its programs are being
     * stopped so that {@code next} can start.
     */
    record StoppingForeign(String ops, List<StructOpsOwners.Owner> owners, String next) implements ManagerEvent {}

    /** The provider started the scheduler; the kernel has not confirmed it yet. Its output can be followed now. */
    record Launched(Execution execution) implements ManagerEvent {}

    /** The kernel confirmed the scheduler enabled. */
    record Started(Execution execution, SchedExtState kernel) implements ManagerEvent {}

    /** A requested stop finished. */
    record Stopped(Execution execution, StopResult result) implements ManagerEvent {}

    /** The scheduler ended without being asked: ejected by the kernel, or its program died. */
    record Ended(Execution execution, ExecutionState cause, String message) implements ManagerEvent {}
}
