package io.schedcp.daemon.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker of the text format, {@code promtool check metrics} (Debian package {@code prometheus}),
 * run on a scrape through its stdin. Under {@code CI=true} a missing promtool fails the test, since CI installs
 * it (scripts/ensure-build-tools.sh); elsewhere the test is skipped, saying how to install it.
 */
final class Promtool {

    /** What promtool said: its exit status, and its stdout and stderr together (the lint problems). */
    record Verdict(int exitCode, String output) {}

    private Promtool() {}

    static Verdict checkMetrics(String scrape) throws IOException, InterruptedException {
        Path promtool = find().orElseGet(Promtool::missing);
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(scrape.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool check metrics did not end within 30 s");
        }
        return new Verdict(process.exitValue(), output.strip());
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path missing() {
        String message = "promtool is not on the PATH; install the Debian package prometheus"
                + " (apt-get install prometheus, or scripts/ensure-build-tools.sh as root)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; CI must have it to check the metrics' text format");
        }
        Assumptions.abort(message + "; skipping the check of the metrics' text format");
        throw new AssertionError("unreachable");
    }
}
