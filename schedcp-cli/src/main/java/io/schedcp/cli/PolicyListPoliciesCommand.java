package io.schedcp.cli;

import io.schedcp.userspace.policy.PolicyInfo;
import io.schedcp.userspace.policy.PolicyRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy list-policies}: the policies scx_userspace's --policy can name. */
@Command(
        name = "list-policies",
        mixinStandardHelpOptions = true,
        description = {
            "List the policies that scx_userspace's --policy can name.",
            "They are the built-in ones, those on schedcp's module path and those of the plugins",
            "in ~/.schedcp/plugins and in each directory of SCHEDCP_PLUGIN_PATH.",
            "It needs no running scheduler."
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicyListPoliciesCommand implements Callable<Integer> {

    @ParentCommand
    private PolicyCommand policy;

    @Option(names = "--json", description = "Print the policies as JSON for scripts instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = policy.context();
        PolicyRegistry registry = PolicyRegistry.builder()
                .installedPlugins()
                .pluginDirectories(context.config().pluginDirectories())
                .build();
        registry.problems().forEach(problem -> context.err().println("schedcp: " + problem));
        List<PolicyInfo> policies = registry.list();
        if (json) {
            context.json(policies);
        } else {
            context.out().print(PolicyText.policies(policies));
        }
        return ExitCodes.OK;
    }
}
