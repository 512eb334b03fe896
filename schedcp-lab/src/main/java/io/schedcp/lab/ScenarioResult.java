package io.schedcp.lab;

import java.time.Duration;
import java.util.List;

/**
 * How one scenario went in the guest.
 *
 * @param name     the scenario's name
 * @param exitCode its script's exit status; 124 when it hit its time limit
 * @param output   what it printed (stdout and stderr), line by line
 * @param duration how long it ran, as seen from the host
 * @param cutShort whether the guest ended (its kernel crashed, or the boot hit its limit) while it ran; its
 *                 exit code is then 125
 */
public record ScenarioResult(String name, int exitCode, List<String> output, Duration duration, boolean cutShort) {

    public ScenarioResult {
        output = List.copyOf(output);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String outputText() {
        return String.join("\n", output);
    }
}
