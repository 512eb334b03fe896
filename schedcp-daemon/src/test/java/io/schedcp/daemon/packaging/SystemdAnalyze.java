package io.schedcp.daemon.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code systemd-analyze}, run on unit files. Where it is missing the tests that need it are skipped, except on
 * CI ({@code CI=true}), where they fail: scripts/ensure-build-tools.sh installs it there.
 */
final class SystemdAnalyze {

    /** What one run printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {
        List<String> linesNaming(String text) {
            return output.lines().filter(line -> line.contains(text)).toList();
        }
    }

    private final Path program;

    private SystemdAnalyze(Path program) {
        this.program = program;
    }

    /** The {@code systemd-analyze} on PATH; skips the test (fails it on CI) when there is none. */
    static SystemdAnalyze onPath() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "systemd-analyze");
            if (Files.isExecutable(candidate)) {
                return new SystemdAnalyze(candidate);
            }
        }
        String why = "systemd-analyze is not on PATH (" + path + "); install Debian's systemd package"
                + " (scripts/ensure-build-tools.sh does)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI must check the systemd unit");
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Plain text to parse: no colours, no pager.
        builder.environment().put("SYSTEMD_COLORS", "0");
        builder.environment().put("SYSTEMD_PAGER", "");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
