package io.schedcp.core.bench;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.process.ChildEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a benchmark command to its end, with its output (stdout and stderr merged) and its wall time. */
class CommandRunner {

    static final int OUTPUT_LINES_KEPT = 5000;

    /**
     * @param failure why the run counts as failed (exit status, time limit); empty when it succeeded
     */
    record Outcome(List<String> output, double seconds, String failure) {}

    Outcome run(List<String> command, Duration timeout) throws InterruptedException {
        Process process;
        long start = System.nanoTime();
        try {
            process =
                    ChildEnvironment.builder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "cannot run the benchmark command " + command.get(0) + ": " + e.getMessage()
                            + "; check that it is installed and on PATH");
        }
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> read(process, output), "bench-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The command reads no input.
        }
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        reader.join(2000);
        List<String> lines = List.copyOf(output);
        if (!ended) {
            return new Outcome(
                    lines, seconds, "the command did not finish within " + timeout.toSeconds() + " s and was killed");
        }
        int status = process.exitValue();
        return new Outcome(lines, seconds, status == 0 ? "" : "the command exited with status " + status);
    }

    private static void read(Process process, List<String> output) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (output.size() >= OUTPUT_LINES_KEPT) {
                    output.remove(0);
                }
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output could not be read: " + e.getMessage() + ")");
        }
    }
}
