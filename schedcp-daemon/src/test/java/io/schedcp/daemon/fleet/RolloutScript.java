package io.schedcp.daemon.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's {@code scripts/fleet-rollout.sh}, run as an operator runs it: bash with curl and python3 from
 * the PATH. Under {@code CI=true} a missing curl or python3 fails the test, since CI installs them
 * (scripts/ensure-build-tools.sh); elsewhere the test is skipped, saying how to install them.
 */
final class RolloutScript {

    /** How it ended: its exit status, and its stdout and stderr together. */
    record Outcome(int exitCode, String output) {}

    /** Longer than the script's own per-daemon timeouts: a script still running then is a failure. */
    private static final long LIMIT_SECONDS = 60;

    private RolloutScript() {}

    /** Runs the script with {@code args} in {@code directory}, where its output goes too. */
    static Outcome run(Path directory, String... args) throws IOException, InterruptedException {
        requireOnPath("curl");
        requireOnPath("python3");
        Path script = Path.of("..").toAbsolutePath().normalize().resolve("scripts/fleet-rollout.sh");
        assertThat(script)
                .as("scripts/fleet-rollout.sh beside schedcp-daemon: run the tests from the module directory")
                .isRegularFile();
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(directory, "rollout-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("fleet-rollout.sh did not end within " + LIMIT_SECONDS + " s; it said:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static void requireOnPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (found) {
            return;
        }
        String message = tool + " is not on the PATH; install it (apt-get install " + tool
                + ", or scripts/ensure-build-tools.sh as root)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; CI must have it to run the fleet rollout");
        }
        Assumptions.abort(message + "; skipping the fleet rollout");
    }
}
