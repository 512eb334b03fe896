package io.schedcp.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin directories that hold no working provider cost a warning each, never a failure; a plugin that provides
 * scx_userspace policies alone is no problem, and its layer or class loader is handed out as its scope.
 */
class PluginLoaderTest {

    @TempDir
    Path temp;

    @Test
    void aJarWithoutAProviderIsNamedWithWhatItLacks() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(plugins.resolve("nothing.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(plugins))).isEmpty();

        assertThat(problems.messages())
                .singleElement()
                .asString()
                .contains("nothing.jar")
                .contains("provides neither a scheduler provider nor a policy")
                .contains("provides io.schedcp.api.spi.SchedulerProvider with")
                .contains("provides io.schedcp.api.policy.PolicyProvider with")
                .contains("docs/plugins.md");
    }

    @Test
    void aModuleThatProvidesOnlyAPolicyIsNoProblemAndHasAScopeOfItsOwn() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PolicyPluginJars.moduleJar(temp, plugins.resolve("only-policy.jar"), "example.only");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(plugins))).isEmpty();
        List<PluginScope> scopes = new PluginLoader(problems).scopes(List.of(plugins));

        assertThat(problems.messages()).isEmpty();
        assertThat(scopes).singleElement().satisfies(scope -> {
            assertThat(scope).isInstanceOf(PluginScope.Modules.class);
            assertThat(scope.location()).isEqualTo(jar);
            assertThat(scope.name()).isEqualTo(jar.toString());
            assertThat(PolicyPluginJars.moduleNames(scope)).containsExactly("example.only");
        });
    }

    @Test
    void aPlainJarThatProvidesOnlyAPolicyIsNoProblemAsAnAutomaticModule() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PolicyPluginJars.plainJar(plugins.resolve("plain-policy.jar"), "example.plain.PlainProvider");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(plugins))).isEmpty();
        List<PluginScope> scopes = new PluginLoader(problems).scopes(List.of(plugins));

        assertThat(problems.messages()).isEmpty();
        assertThat(scopes).singleElement().satisfies(scope -> {
            assertThat(scope.location()).isEqualTo(jar);
            assertThat(PolicyPluginJars.moduleNames(scope)).containsExactly("plain.policy");
        });
    }

    @Test
    void aPlainJarThatProvidesOnlyAPolicyIsNoProblemOnAClassPath() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PolicyPluginJars.plainJar(plugins.resolve("plain-policy.jar"), "example.plain.PlainProvider");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems, false).load(List.of(plugins))).isEmpty();
        List<PluginScope> scopes = new PluginLoader(problems, false).scopes(List.of(plugins));

        assertThat(problems.messages()).isEmpty();
        assertThat(scopes).singleElement().satisfies(scope -> {
            assertThat(scope.location()).isEqualTo(jar);
            ClassLoader loader = ((PluginScope.ClassPath) scope).loader();
            assertThat(loader.getName()).isEqualTo("plugin " + jar);
            assertThat(loader.getResource("META-INF/services/io.schedcp.api.policy.PolicyProvider"))
                    .isNotNull();
        });
    }

    @Test
    void aJarOnAClassPathWithoutAProviderIsStillNamedWithWhatItLacks() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("nothing.jar")))) {
            jar.putNextEntry(new JarEntry("example/Unrelated.class"));
            jar.closeEntry();
        }
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems, false).load(List.of(plugins))).isEmpty();

        assertThat(problems.messages())
                .singleElement()
                .asString()
                .contains("plugin " + plugins.resolve("nothing.jar") + " provides neither");
    }

    @Test
    void scopesListEveryPluginThatLoadsInFileOrderAndReportTheOthers() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path first = PolicyPluginJars.plainJar(plugins.resolve("a-policy.jar"), "example.a.AProvider");
        Files.writeString(plugins.resolve("b-broken.jar"), "not a zip");
        Path withLibrary = Files.createDirectories(plugins.resolve("c-policy"));
        PolicyPluginJars.moduleJar(temp, withLibrary.resolve("c-policy.jar"), "example.c");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(withLibrary.resolve("c-library.jar")))) {
            jar.putNextEntry(new JarEntry("example/library/Helper.class"));
            jar.closeEntry();
        }
        Problems problems = new Problems();

        List<PluginScope> scopes = new PluginLoader(problems).scopes(List.of(plugins, temp.resolve("absent")));

        assertThat(scopes).extracting(PluginScope::location).containsExactly(first, withLibrary);
        assertThat(PolicyPluginJars.moduleNames(scopes.get(1))).containsExactly("c.library", "example.c");
        assertThat(problems.messages())
                .singleElement()
                .asString()
                .startsWith("plugin " + plugins.resolve("b-broken.jar") + " was skipped: ");
    }

    @Test
    void aPolicyServicesFileNamingAMissingClassIsReportedWithTheFileAndTheClass() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jarFile = plugins.resolve("missing-policy.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile))) {
            jar.putNextEntry(new JarEntry("META-INF/services/io.schedcp.api.policy.PolicyProvider"));
            jar.write("com.example.MissingPolicyProvider\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).scopes(List.of(plugins))).isEmpty();

        assertThat(problems.messages())
                .singleElement()
                .asString()
                .isEqualTo("plugin " + jarFile + " was skipped: META-INF/services/io.schedcp.api.policy.PolicyProvider"
                        + " in " + jarFile + " names com.example.MissingPolicyProvider, which is not in that jar; add "
                        + "the class, or correct the name in that file");
    }

    @Test
    void aServicesFileNamingAMissingClassIsReportedWithTheClassAndTheJarNotTheModuleName() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        // "missing-class" gives the module name missing.class, which the JDK refuses before it looks further.
        Path jarFile = plugins.resolve("missing-class.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile))) {
            jar.putNextEntry(new JarEntry("META-INF/services/io.schedcp.api.spi.SchedulerProvider"));
            jar.write("# the provider\ncom.example.MissingProvider\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(plugins))).isEmpty();

        assertThat(problems.messages())
                .singleElement()
                .asString()
                .isEqualTo("plugin " + jarFile + " was skipped: META-INF/services/io.schedcp.api.spi.SchedulerProvider"
                        + " in " + jarFile + " names com.example.MissingProvider, which is not in that jar; add the "
                        + "class, or correct the name in that file")
                .doesNotContain("Invalid module name");
    }

    @Test
    void aFileThatIsNotAJarIsReportedAsUnreadable() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(plugins))).isEmpty();

        assertThat(problems.messages())
                .singleElement()
                .asString()
                .startsWith("plugin " + plugins.resolve("broken.jar") + " was skipped: " + plugins.resolve("broken.jar")
                        + " is not a readable jar (");
    }

    @Test
    void aMissingDirectoryIsQuietAndAFileInThePathIsReported() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir.jar"), "x");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(temp.resolve("absent"), file)))
                .isEmpty();

        assertThat(problems.messages()).singleElement().asString().contains("is not a directory");
    }
}
