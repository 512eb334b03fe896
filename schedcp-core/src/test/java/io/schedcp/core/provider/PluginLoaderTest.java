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

/** Plugin directories that hold no working provider cost a warning each, never a failure. */
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
                .contains("provides no scheduler provider")
                .contains("docs/plugins.md");
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
