package io.schedcp.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        assertThat(problems.messages()).singleElement().asString()
                .contains("nothing.jar").contains("provides no scheduler provider").contains("docs/plugins.md");
    }

    @Test
    void aMissingDirectoryIsQuietAndAFileInThePathIsReported() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir.jar"), "x");
        Problems problems = new Problems();

        assertThat(new PluginLoader(problems).load(List.of(temp.resolve("absent"), file))).isEmpty();

        assertThat(problems.messages()).singleElement().asString().contains("is not a directory");
    }
}
