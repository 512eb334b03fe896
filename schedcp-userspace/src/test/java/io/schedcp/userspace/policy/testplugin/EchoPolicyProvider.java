package io.schedcp.userspace.policy.testplugin;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;

/** A plugin policy that dispatches every task as it came: loaded from a temporary directory, on its own. */
public class EchoPolicyProvider implements PolicyProvider {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "dispatches every task as it came";
    }

    @Override
    public SchedulingPolicy create(PolicyContext context) {
        if (context.options().containsKey("loud")) {
            throw new IllegalArgumentException("echo has no option loud");
        }
        return (task, out) -> true;
    }
}
