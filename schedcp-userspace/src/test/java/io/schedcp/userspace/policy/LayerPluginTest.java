package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy plugin that is a module, in a module layer of its own, as the plugin loader makes one for a plugin jar
 * when schedcp runs on the module path. The plugin is compiled here, against the API alone.
 */
class LayerPluginTest {

    @TempDir
    Path temp;

    @Test
    void aPolicyProvidedByAModuleInAPluginLayerIsFoundAndCreated() throws Exception {
        ModuleLayer layer = pluginLayer(Files.createDirectories(temp.resolve("classes")));

        PolicyRegistry registry = PolicyRegistry.builder().plugins(layer).build();

        assertThat(registry.list())
                .filteredOn(info -> info.name().equals("layered"))
                .singleElement()
                .satisfies(info -> {
                    assertThat(info.builtin()).isFalse();
                    assertThat(info.description()).isEqualTo("a policy from a module layer");
                });
        SchedulingPolicy policy = registry.create("layered", new PolicyContext(1, 5_000_000, Map.of()));
        assertThat(policy.getClass().getModule().getName()).isEqualTo("example.layered");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aPluginLayerAddedTwiceGivesItsPolicyOnceAndRefusesTheRepeatByName() throws Exception {
        ModuleLayer layer = pluginLayer(Files.createDirectories(temp.resolve("classes")));

        PolicyRegistry registry =
                PolicyRegistry.builder().plugins(layer).plugins(layer).build();

        assertThat(registry.list())
                .extracting(PolicyInfo::name)
                .containsExactly("fair", "fifo", "strategies", "layered");
        assertThat(registry.problems()).singleElement().asString().contains("the policy layered of");
    }

    private ModuleLayer pluginLayer(Path classes) throws Exception {
        Optional<ToolProvider> javac = ToolProvider.findFirst("javac");
        assumeTrue(javac.isPresent(), "this JDK has no javac to compile the plugin with");
        Path sources = Files.createDirectories(temp.resolve("src/example/layered"));
        Files.writeString(
                temp.resolve("src/module-info.java"),
                "module example.layered { requires io.schedcp.api;"
                        + " provides io.schedcp.api.policy.PolicyProvider with example.layered.LayeredProvider; }");
        Files.writeString(sources.resolve("LayeredProvider.java"), """
                package example.layered;
                import io.schedcp.api.policy.*;
                public class LayeredProvider implements PolicyProvider {
                  public String name() { return "layered"; }
                  public String description() { return "a policy from a module layer"; }
                  public SchedulingPolicy create(PolicyContext c) { return new LayeredPolicy(); }
                }
                """);
        Files.writeString(sources.resolve("LayeredPolicy.java"), """
                package example.layered;
                import io.schedcp.api.policy.*;
                public class LayeredPolicy implements SchedulingPolicy {
                  public boolean decide(QueuedTask t, Dispatch d) { return true; }
                }
                """);
        Path api = Path.of(PolicyProvider.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        StringWriter errors = new StringWriter();
        int status = javac.get()
                .run(
                        new PrintWriter(errors),
                        new PrintWriter(errors),
                        "--release",
                        "17",
                        "--module-path",
                        api.toString(),
                        "-d",
                        classes.toString(),
                        temp.resolve("src/module-info.java").toString(),
                        sources.resolve("LayeredProvider.java").toString(),
                        sources.resolve("LayeredPolicy.java").toString());
        assertThat(status).as("javac: %s", errors).isZero();

        ModuleLayer boot = PolicyProvider.class.getModule().getLayer();
        assumeTrue(boot != null, "the API is not in a module layer here");
        Configuration configuration = boot.configuration()
                .resolveAndBind(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("example.layered"));
        return boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }
}
