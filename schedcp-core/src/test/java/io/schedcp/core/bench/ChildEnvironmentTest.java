package io.schedcp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sudo password reaches sudo's stdin and no child's environment: a JVM with the password set starts real
 * children through the bench runner, the scheduler launcher and the sudo path, and each prints the variable.
 */
class ChildEnvironmentTest {

    private static final String SECRET = "probe-secret-42";

    @TempDir
    Path dir;

    @Test
    void noChildThatSchedcpStartsCanSeeTheSudoPassword() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sudoLog = dir.resolve("sudo.log");
        // A stand-in for sudo -S: reads the password from stdin, says whether it came, and what it sees in its
        // environment; then runs the command after "--".
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, """
                #!/bin/sh
                read -r line
                if [ "$line" = "%s" ]; then got=yes; else got=no; fi
                echo "sudo[$SCHEDCP_SUDO_PASSWORD] stdin=$got $*" >> "%s"
                while [ "$1" != "--" ]; do shift; done
                shift
                exec "$@"
                """.formatted(SECRET, sudoLog));
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder probe = new ProcessBuilder(javaCommand()).redirectErrorStream(true);
        probe.environment().put("SCHEDCP_SUDO_PASSWORD", SECRET);
        probe.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process process = probe.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("bench[]", "direct[]", "mode SUDO_PASSWORD", "under-sudo[]")
                .doesNotContain(SECRET);
        List<String> sudoRuns = Files.readAllLines(sudoLog);
        assertThat(sudoRuns).hasSize(2).allMatch(line -> line.startsWith("sudo[] stdin=yes"));
        assertThat(sudoRuns.get(1)).contains("kill -s TERM 4000000");
    }

    private static List<String> javaCommand() throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        entries.add(Path.of(PasswordProbeMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString());
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                String.join(File.pathSeparator, entries),
                PasswordProbeMain.class.getName());
    }
}
