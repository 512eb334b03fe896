package io.schedcp.core.manager;

import io.schedcp.api.ErrorDetail;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.kernel.StructOpsOwners.Owner;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A start refused because the kernel runs a sched_ext scheduler that this manager did not start, held by
 * {@link #owners()}, and the start was not asked to replace it ({@link ForeignPolicy#LEAVE_ALONE}). Its kind
 * is {@link Kind#START_FAILED}, its detail an {@link ErrorDetail.ForeignScheduler}, from which front ends say how
 * to ask for the replacement.
 */
public final class ForeignSchedulerRunning extends SchedcpException {

    private static final long serialVersionUID = 1L;

    private final String ops;
    private final transient List<Owner> owners;

    ForeignSchedulerRunning(String next, String ops, List<Owner> owners) {
        super(
                Kind.START_FAILED,
                "cannot start " + next + ": the kernel runs the sched_ext scheduler '" + ops + "', held by "
                        + describe(owners) + ", which this schedcp did not start, so it was left alone",
                new ErrorDetail.ForeignScheduler(next, ops, true));
        this.ops = ops;
        this.owners = List.copyOf(owners);
    }

    /** The running scheduler's ops name, from {@code root/ops}. */
    public String ops() {
        return ops;
    }

    /** The programs that hold it. */
    public List<Owner> owners() {
        return owners;
    }

    static String describe(List<Owner> owners) {
        return owners.stream().map(o -> o.command() + " (pid " + o.pid() + ")").collect(Collectors.joining(", "));
    }
}
