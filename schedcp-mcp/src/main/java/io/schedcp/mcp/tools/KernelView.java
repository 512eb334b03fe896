package io.schedcp.mcp.tools;

import io.schedcp.api.SchedExtState;
import java.util.Optional;

/** The kernel's sched_ext state as the tools report it. */
record KernelView(
        boolean supported, String state, Optional<String> ops, long enableSeq, long nrRejected, boolean switchAll) {

    static KernelView of(SchedExtState state) {
        return new KernelView(
                state.supported(),
                state.state(),
                state.ops(),
                state.enableSeq(),
                state.nrRejected(),
                state.switchAll());
    }

    /** "sched_ext enabled, ops simple" or "sched_ext disabled". */
    String inWords() {
        if (!supported) {
            return "no sched_ext in this kernel";
        }
        return "sched_ext " + state + ops.map(o -> ", ops " + o).orElse("");
    }
}
