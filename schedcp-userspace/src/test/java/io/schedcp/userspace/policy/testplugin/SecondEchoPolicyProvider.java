package io.schedcp.userspace.policy.testplugin;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;

/** A plugin policy that claims the name another plugin already has. */
public class SecondEchoPolicyProvider implements PolicyProvider {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "a second echo";
    }

    @Override
    public SchedulingPolicy create(PolicyContext context) {
        return (task, out) -> false;
    }
}
