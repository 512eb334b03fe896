package io.schedcp.userspace.agent;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.policy.PolicyRegistry;
import io.schedcp.userspace.strategy.StrategyBook;

/**
 * The agent's policy: the built-in ones and those on schedcp's module path, by name, with one strategy book that
 * the {@code strategies} policy follows, so that changing the book changes the running policy.
 */
final class Policies {

    private final StrategyBook book = new StrategyBook();
    private final PolicyRegistry registry =
            PolicyRegistry.builder().strategyBook(book).installedPlugins().build();

    /** @throws io.schedcp.api.SchedcpException INVALID_INPUT for an unknown policy or a refused option */
    SchedulingPolicy create(UserspaceArgs flags, PolicyContext context) {
        registry.problems().forEach(UserspaceMain::say);
        return registry.create(flags.policy(), context);
    }

    StrategyBook book() {
        return book;
    }
}
