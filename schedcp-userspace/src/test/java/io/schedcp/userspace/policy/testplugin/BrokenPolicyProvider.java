package io.schedcp.userspace.policy.testplugin;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;

/** A plugin policy that cannot even be instantiated. */
public class BrokenPolicyProvider implements PolicyProvider {

    public BrokenPolicyProvider() {
        throw new IllegalStateException("the broken plugin refuses to start");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public String description() {
        return "never seen";
    }

    @Override
    public SchedulingPolicy create(PolicyContext context) {
        throw new UnsupportedOperationException("never created");
    }
}
