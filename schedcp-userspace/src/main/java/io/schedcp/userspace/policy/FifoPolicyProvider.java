package io.schedcp.userspace.policy;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import java.util.Set;

/** The {@code fifo} policy: {@link FifoPolicy}, without options. */
public final class FifoPolicyProvider implements PolicyProvider {

    public static final String NAME = "fifo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "first come, first served, whatever the weight; the default slice";
    }

    @Override
    public FifoPolicy create(PolicyContext context) {
        PolicyOptions.of(NAME, context.options(), Set.of());
        return new FifoPolicy();
    }
}
