package io.schedcp.core.scx;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.Availability;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.core.provider.DefaultProviderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScxProviderTest {

    @TempDir
    Path temp;

    private Path executable(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho " + dir.getFileName() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ScxProvider provider(Map<String, String> env) {
        ScxProvider provider = new ScxProvider();
        provider.initialize(
                new DefaultProviderContext(new PrivilegedLauncher(Privilege.direct()), temp.resolve("home"), env));
        return provider;
    }

    @Test
    void aMissingBinaryIsUnavailableWithTheDirectoriesSearchedAndTheFix() {
        ScxProvider provider = provider(Map.of("PATH", temp.resolve("empty").toString()));

        Availability availability = provider.availability("scx_lavd");

        assertThat(availability).isInstanceOf(Availability.Unavailable.class);
        assertThat(((Availability.Unavailable) availability).reason())
                .contains("scx_lavd is not installed")
                .contains("SCHEDCP_SCX_PATH")
                .contains("scxbin");
    }

    @Test
    void schedcpScxPathComesBeforeHomeWhichComesBeforePath() throws Exception {
        Path first = executable(temp.resolve("first"), "scx_simple");
        executable(temp.resolve("home/scxbin"), "scx_simple");
        executable(temp.resolve("bin"), "scx_simple");
        BinaryLocator all = BinaryLocator.of(
                java.util.List.of(temp.resolve("first")), temp.resolve("home"), java.util.List.of(temp.resolve("bin")));
        BinaryLocator withoutScxPath =
                BinaryLocator.of(java.util.List.of(), temp.resolve("home"), java.util.List.of(temp.resolve("bin")));
        BinaryLocator pathOnly =
                BinaryLocator.of(java.util.List.of(), temp.resolve("nohome"), java.util.List.of(temp.resolve("bin")));

        assertThat(all.find("scx_simple")).contains(first);
        assertThat(withoutScxPath.find("scx_simple")).contains(temp.resolve("home/scxbin/scx_simple"));
        assertThat(pathOnly.find("scx_simple")).contains(temp.resolve("bin/scx_simple"));
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(dir.resolve("scx_simple"), "not a program");

        assertThat(provider(Map.of("PATH", dir.toString()))
                        .availability("scx_simple")
                        .isAvailable())
                .isFalse();
    }

    @Test
    void anInstalledBinaryMakesItsSchedulerAvailable() throws Exception {
        executable(temp.resolve("scx"), "scx_rusty");

        ScxProvider provider =
                provider(Map.of("SCHEDCP_SCX_PATH", temp.resolve("scx").toString()));

        assertThat(provider.availability("scx_rusty").isAvailable()).isTrue();
        assertThat(provider.availability("scx_lavd").isAvailable()).isFalse();
    }
}
