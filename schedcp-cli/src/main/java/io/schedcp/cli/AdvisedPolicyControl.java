package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.strategy.Strategy;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link PolicyControl} whose "not running" says how to start scx_userspace from the command line; the
 * client states the fact alone.
 */
final class AdvisedPolicyControl implements PolicyControl {

    static final String START = "start it with 'schedcp run scx_userspace -- --policy strategies'";

    private final PolicyControl control;

    AdvisedPolicyControl(PolicyControl control) {
        this.control = control;
    }

    @Override
    public PolicyStatus status() {
        return advised(control::status);
    }

    @Override
    public List<Strategy> strategies() {
        return advised(control::strategies);
    }

    @Override
    public long put(Strategy strategy) {
        return advised(() -> control.put(strategy));
    }

    @Override
    public boolean remove(String id) {
        return advised(() -> control.remove(id));
    }

    private static <T> T advised(Supplier<T> call) {
        try {
            return call.get();
        } catch (SchedcpException e) {
            if (e.kind() != Kind.UNAVAILABLE) {
                throw e;
            }
            throw new SchedcpException(Kind.UNAVAILABLE, e.messageWith(START), e);
        }
    }
}
