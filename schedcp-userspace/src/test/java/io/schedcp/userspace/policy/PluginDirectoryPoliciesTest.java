package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.core.provider.PluginScope;
import io.schedcp.userspace.policy.PolicyPluginJar.Kind;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy plugins in the plugin directories of scheduler providers ({@code ~/.schedcp/plugins},
 * {@code SCHEDCP_PLUGIN_PATH}), loaded by core's plugin loader in a layer or class loader of their own: found,
 * named by their jar, created by name; a broken one reported and skipped.
 */
class PluginDirectoryPoliciesTest {

    private static final PolicyContext CONTEXT = new PolicyContext(1, 5_000_000, Map.of());

    @TempDir
    Path temp;

    @Test
    void aModularPolicyJarInAPluginDirectoryIsFoundAndCreatedByName() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PolicyPluginJar.write(
                temp, plugins.resolve("acme-policy.jar"), "acme.policy", "lowest-pid", true, Kind.WORKING);

        PolicyRegistry registry =
                PolicyRegistry.builder().pluginDirectories(List.of(plugins)).build();

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.list())
                .filteredOn(info -> info.name().equals("lowest-pid"))
                .singleElement()
                .satisfies(info -> {
                    assertThat(info.builtin()).isFalse();
                    assertThat(info.description()).isEqualTo("a policy from acme.policy");
                    assertThat(info.source()).isEqualTo("plugin " + jar);
                });
        SchedulingPolicy policy = registry.create("lowest-pid", CONTEXT);
        assertThat(policy.getClass().getName()).isEqualTo("acme.policy.Policy");
        assertThat(policy.getClass().getModule().getName()).isEqualTo("acme.policy");
    }

    @Test
    void aPlainPolicyJarInAPluginDirectoryIsFoundAsAnAutomaticModule() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PolicyPluginJar.write(
                temp, plugins.resolve("plain-policy.jar"), "example.plain", "plain", false, Kind.WORKING);

        PolicyRegistry registry =
                PolicyRegistry.builder().pluginDirectories(List.of(plugins)).build();

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.list())
                .filteredOn(info -> info.name().equals("plain"))
                .singleElement()
                .satisfies(info -> assertThat(info.source()).isEqualTo("plugin " + jar));
        assertThat(registry.create("plain", CONTEXT).getClass().getModule().getName())
                .isEqualTo("plain.policy");
    }

    @Test
    void aPlainPolicyJarLoadedOnAClassPathIsFoundInItsClassLoaderAlone() throws Exception {
        Path jar = PolicyPluginJar.write(
                temp, temp.resolve("plain-policy.jar"), "example.plain", "plain", false, Kind.WORKING);
        URLClassLoader loader = new URLClassLoader(
                "plugin " + jar, new URL[] {jar.toUri().toURL()}, PolicyProvider.class.getClassLoader());

        PolicyRegistry registry = PolicyRegistry.builder()
                .plugins(new PluginScope.ClassPath(jar, loader))
                .build();

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.list())
                .extracting(PolicyInfo::name, PolicyInfo::source)
                .endsWith(tuple("plain", "plugin " + jar));
        assertThat(registry.create("plain", CONTEXT).getClass().getClassLoader())
                .isSameAs(loader);
    }

    @Test
    void aBrokenPolicyPluginIsReportedAndSkippedAndTheOthersAreStillFound() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path broken = PolicyPluginJar.write(
                temp, plugins.resolve("a-broken.jar"), "example.broken", "broken", true, Kind.BROKEN);
        PolicyPluginJar.write(temp, plugins.resolve("b-good.jar"), "example.good", "good", true, Kind.WORKING);
        Path garbage = Files.writeString(plugins.resolve("c-garbage.jar"), "not a zip");

        PolicyRegistry registry =
                PolicyRegistry.builder().pluginDirectories(List.of(plugins)).build();

        assertThat(registry.list()).extracting(PolicyInfo::name).containsExactly("fair", "fifo", "strategies", "good");
        assertThat(registry.problems())
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("plugin " + garbage + " was skipped: " + garbage + " is not a readable jar"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("a policy provider in plugin " + broken + " could not be loaded and was skipped")
                        .contains("the broken plugin refuses"));
        assertThatThrownBy(() -> registry.create("broken", CONTEXT))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("there is no policy named broken");
    }

    @Test
    void aPolicyNameTakenInAnEarlierDirectoryIsRefusedNamingTheJarThatHasIt() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home/plugins"));
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Path first = PolicyPluginJar.write(temp, home.resolve("mine.jar"), "example.mine", "echo", true, Kind.WORKING);
        Path second =
                PolicyPluginJar.write(temp, shared.resolve("theirs.jar"), "example.theirs", "echo", true, Kind.WORKING);

        PolicyRegistry registry = PolicyRegistry.builder()
                .pluginDirectories(List.of(home, temp.resolve("absent"), shared))
                .build();

        assertThat(registry.list())
                .filteredOn(info -> info.name().equals("echo"))
                .singleElement()
                .satisfies(info -> assertThat(info.source()).isEqualTo("plugin " + first));
        assertThat(registry.problems())
                .singleElement()
                .asString()
                .contains("the policy echo of example.theirs.Provider in plugin " + second + " was refused")
                .contains("the plugin example.mine.Provider in plugin " + first + " has that name");
    }
}
