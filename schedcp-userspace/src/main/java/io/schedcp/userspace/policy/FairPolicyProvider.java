package io.schedcp.userspace.policy;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import java.util.OptionalLong;
import java.util.Set;

/** The {@code fair} policy: {@link FairPolicy}, with the option {@code slice_us}. */
public final class FairPolicyProvider implements PolicyProvider {

    public static final String NAME = "fair";
    public static final String SLICE_US = "slice_us";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weighted fair sharing by virtual time; a waking task gets at most one slice of credit"
                + " (option slice_us)";
    }

    @Override
    public FairPolicy create(PolicyContext context) {
        OptionalLong slice =
                PolicyOptions.of(NAME, context.options(), Set.of(SLICE_US)).sliceNs(SLICE_US);
        return new FairPolicy(slice.orElse(context.defaultSliceNs()), slice.orElse(Dispatch.DEFAULT_SLICE));
    }
}
