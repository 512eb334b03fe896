package io.schedcp.userspace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.userspace.policy.PolicyPluginJar;
import io.schedcp.userspace.policy.PolicyPluginJar.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's policies come from the plugin directories too, and the agent's process is told where they are: its
 * home is an argument, and SCHEDCP_PLUGIN_PATH goes with it, since sudo resets the environment.
 */
class PoliciesTest {

    @TempDir
    Path temp;

    @Test
    void aPolicyOfAPluginInTheHomePluginDirectoryIsCreatedByItsName() throws Exception {
        SchedcpConfig config = new SchedcpConfig(temp.resolve("home"), Map.of());
        Path plugins = Files.createDirectories(config.home().resolve("plugins"));
        PolicyPluginJar.write(temp, plugins.resolve("acme.jar"), "acme.policy", "lowest-pid", true, Kind.WORKING);

        SchedulingPolicy policy = new Policies(config.pluginDirectories())
                .create(
                        UserspaceArgs.parse(List.of("--policy", "lowest-pid")),
                        new PolicyContext(1, 5_000_000, Map.of()));

        assertThat(policy.getClass().getName()).isEqualTo("acme.policy.Policy");
    }

    @Test
    void theAgentsProcessCarriesThePluginPathAndNothingElseOfTheEnvironment() {
        SchedcpConfig config = new SchedcpConfig(
                temp, Map.of("SCHEDCP_PLUGIN_PATH", "/opt/a:/opt/b", "SCHEDCP_SUDO_PASSWORD", "secret"));

        ProcessLauncher.Spec spec = UserspaceProvider.agentSpec(List.of("java", "-version"), config);

        assertThat(spec.schedulerName()).isEqualTo("scx_userspace");
        assertThat(spec.command()).containsExactly("java", "-version");
        assertThat(spec.environment()).containsExactly(Map.entry("SCHEDCP_PLUGIN_PATH", "/opt/a:/opt/b"));
        assertThat(spec.workDirectory()).isEqualTo(Optional.empty());
    }

    @Test
    void withoutAPluginPathTheAgentsProcessGetsNoVariable() {
        ProcessLauncher.Spec spec =
                UserspaceProvider.agentSpec(List.of("java"), new SchedcpConfig(temp, Map.of("PATH", "/bin")));

        assertThat(spec.environment()).isEmpty();
    }
}
