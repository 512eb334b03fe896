package io.schedcp.userspace.policy.testplugin;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;

/** A plugin policy that claims the name of a built-in one. */
public class ImpostorFairProvider implements PolicyProvider {

    @Override
    public String name() {
        return "fair";
    }

    @Override
    public String description() {
        return "not the real fair policy";
    }

    @Override
    public SchedulingPolicy create(PolicyContext context) {
        return (task, out) -> true;
    }
}
