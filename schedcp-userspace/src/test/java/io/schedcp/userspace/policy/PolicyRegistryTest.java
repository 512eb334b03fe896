package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.userspace.policy.PolicyInfo.Origin;
import io.schedcp.userspace.policy.testplugin.BrokenPolicyProvider;
import io.schedcp.userspace.policy.testplugin.EchoPolicyProvider;
import io.schedcp.userspace.policy.testplugin.ImpostorFairProvider;
import io.schedcp.userspace.policy.testplugin.SecondEchoPolicyProvider;
import io.schedcp.userspace.strategy.StrategiesPolicy;
import io.schedcp.userspace.strategy.StrategyBook;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRegistryTest {

    private static final PolicyContext CONTEXT = new PolicyContext(4, 5_000_000, Map.of());

    @TempDir
    Path temp;

    @Test
    void theBuiltInPoliciesAreListedInOrderWithTheirDescriptions() {
        assertThat(PolicyRegistry.builtIn().list())
                .extracting(PolicyInfo::name, PolicyInfo::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fair", Origin.BUILTIN),
                        org.assertj.core.groups.Tuple.tuple("fifo", Origin.BUILTIN),
                        org.assertj.core.groups.Tuple.tuple("strategies", Origin.BUILTIN));
        assertThat(PolicyRegistry.builtIn().list())
                .allSatisfy(info -> assertThat(info.description()).isNotBlank());
    }

    @Test
    void eachBuiltInCreatesItsOwnPolicy() {
        PolicyRegistry registry = PolicyRegistry.builtIn();

        assertThat(registry.create("fair", CONTEXT)).isInstanceOf(FairPolicy.class);
        assertThat(registry.create("fifo", CONTEXT)).isInstanceOf(FifoPolicy.class);
        assertThat(registry.create("strategies", CONTEXT)).isInstanceOf(StrategiesPolicy.class);
    }

    @Test
    void theStrategiesPolicyFollowsABookGivenToTheRegistry() {
        StrategyBook book = new StrategyBook();
        PolicyRegistry registry = PolicyRegistry.builder().strategyBook(book).build();

        StrategiesPolicy policy = (StrategiesPolicy) registry.create("strategies", CONTEXT);

        assertThat(policy.book()).isSameAs(book);
        assertThat(registry.list()).extracting(PolicyInfo::name).containsExactly("fair", "fifo", "strategies");
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndTheKnownPolicies() {
        assertThatThrownBy(() -> PolicyRegistry.builtIn().create("fiar", CONTEXT))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage("there is no policy named fiar; the policies are fair, fifo, strategies");
    }

    @Test
    void anUnknownOptionIsRefusedAsInvalidInputNamingTheOptionAndTheKnownOnes() {
        PolicyContext context = new PolicyContext(4, 5_000_000, Map.of("slice", "3000"));

        assertThatThrownBy(() -> PolicyRegistry.builtIn().create("fair", context))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage("the fair policy refused its options: there is no option slice (fair takes slice_us)");
    }

    @Test
    void aSliceOutOfRangeIsRefusedWithTheRange() {
        PolicyContext context = new PolicyContext(4, 5_000_000, Map.of("slice_us", "5"));

        assertThatThrownBy(() -> PolicyRegistry.builtIn().create("fair", context))
                .hasMessageContaining("option slice_us is 5, not a whole number of microseconds from 100 to 1000000");
    }

    @Test
    void aPluginInItsOwnClassLoaderIsListedAndCreated() throws Exception {
        try (URLClassLoader plugin = PluginDirectory.loader(temp, EchoPolicyProvider.class)) {
            PolicyRegistry registry = PolicyRegistry.builder().plugins(plugin).build();

            assertThat(registry.list())
                    .extracting(PolicyInfo::name)
                    .containsExactly("fair", "fifo", "strategies", "echo");
            PolicyInfo echo = registry.list().get(3);
            assertThat(echo.builtin()).isFalse();
            assertThat(echo.source()).contains(temp.getFileName().toString());
            assertThat(registry.create("echo", CONTEXT).getClass().getClassLoader())
                    .isSameAs(plugin);
            assertThat(registry.problems()).isEmpty();
        }
    }

    @Test
    void aPluginsIllegalArgumentBecomesInvalidInputWithItsMessage() throws Exception {
        try (URLClassLoader plugin = PluginDirectory.loader(temp, EchoPolicyProvider.class)) {
            PolicyRegistry registry = PolicyRegistry.builder().plugins(plugin).build();
            PolicyContext loud = new PolicyContext(1, 5_000_000, Map.of("loud", "yes"));

            assertThatThrownBy(() -> registry.create("echo", loud))
                    .isInstanceOfSatisfying(
                            SchedcpException.class,
                            e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                    .hasMessage("the echo policy refused its options: echo has no option loud");
        }
    }

    @Test
    void aPluginNamedLikeABuiltInIsRefusedAndTheBuiltInStays() throws Exception {
        try (URLClassLoader plugin = PluginDirectory.loader(temp, ImpostorFairProvider.class)) {
            PolicyRegistry registry = PolicyRegistry.builder().plugins(plugin).build();

            assertThat(registry.list()).extracting(PolicyInfo::name).containsExactly("fair", "fifo", "strategies");
            assertThat(registry.create("fair", CONTEXT)).isInstanceOf(FairPolicy.class);
            assertThat(registry.problems())
                    .singleElement()
                    .asString()
                    .contains("the policy fair of " + ImpostorFairProvider.class.getName())
                    .contains("was refused: a built-in policy has that name");
        }
    }

    @Test
    void aSecondPluginOfTheSameNameIsRefusedAndTheFirstStays() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        try (URLClassLoader one = PluginDirectory.loader(first, EchoPolicyProvider.class);
                URLClassLoader two = PluginDirectory.loader(second, SecondEchoPolicyProvider.class)) {
            PolicyRegistry registry =
                    PolicyRegistry.builder().plugins(one).plugins(two).build();

            assertThat(registry.list())
                    .filteredOn(info -> info.name().equals("echo"))
                    .singleElement()
                    .extracting(PolicyInfo::description)
                    .isEqualTo("dispatches every task as it came");
            assertThat(registry.problems())
                    .singleElement()
                    .asString()
                    .contains("was refused: the plugin " + EchoPolicyProvider.class.getName());
        }
    }

    @Test
    void aPluginThatThrowsIsSkippedAndTheOthersOfItsLoaderAreStillFound() throws Exception {
        try (URLClassLoader plugin =
                PluginDirectory.loader(temp, BrokenPolicyProvider.class, EchoPolicyProvider.class)) {
            PolicyRegistry registry = PolicyRegistry.builder().plugins(plugin).build();

            assertThat(registry.list())
                    .extracting(PolicyInfo::name)
                    .containsExactly("fair", "fifo", "strategies", "echo");
            assertThat(registry.problems())
                    .singleElement()
                    .asString()
                    .contains("could not be loaded and was skipped")
                    .contains("the broken plugin refuses to start");
        }
    }

    @Test
    void aServicesFileNamingAMissingClassIsSkipped() throws Exception {
        Path services = temp.resolve("META-INF/services/io.schedcp.api.policy.PolicyProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.NoSuchPolicy\n");
        try (URLClassLoader plugin =
                new URLClassLoader(new java.net.URL[] {temp.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            PolicyRegistry registry = PolicyRegistry.builder().plugins(plugin).build();

            assertThat(registry.list()).hasSize(3);
            assertThat(registry.problems()).singleElement().asString().contains("com.example.NoSuchPolicy");
        }
    }

    @Test
    void theInstalledPluginsDoNotRepeatTheBuiltIns() {
        PolicyRegistry registry = PolicyRegistry.builder().installedPlugins().build();

        assertThat(registry.list()).extracting(PolicyInfo::name).containsExactly("fair", "fifo", "strategies");
        assertThat(registry.problems()).isEmpty();
    }
}
