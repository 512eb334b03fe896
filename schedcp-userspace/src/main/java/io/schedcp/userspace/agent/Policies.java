package io.schedcp.userspace.agent;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.policy.PolicyRegistry;
import io.schedcp.userspace.strategy.StrategyBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's policy: the built-in ones, those on schedcp's module path and those of the plugins in the plugin
 * directories, by name, with one strategy book that the {@code strategies} policy follows, so that changing the
 * book changes the running policy.
 */
final class Policies {

    private final StrategyBook book = new StrategyBook();
    private final PolicyRegistry registry;

    /** @param pluginDirectories where plugins are, {@code SchedcpConfig.pluginDirectories()} */
    Policies(List<Path> pluginDirectories) {
        registry = PolicyRegistry.builder()
                .strategyBook(book)
                .installedPlugins()
                .pluginDirectories(pluginDirectories)
                .build();
    }

    /** @throws io.schedcp.api.SchedcpException INVALID_INPUT for an unknown policy or a refused option */
    SchedulingPolicy create(UserspaceArgs flags, PolicyContext context) {
        registry.problems().forEach(UserspaceMain::say);
        return registry.create(flags.policy(), context);
    }

    StrategyBook book() {
        return book;
    }
}
