package io.schedcp.core.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a lab boot went.
 *
 * @param exitCode    the job's exit status: 0 when every scenario succeeded, else the first failure's
 * @param scenarios   each scenario's result, in order; a scenario the guest never reached is missing
 * @param output      everything the job printed, markers removed
 * @param boot        from starting QEMU to the job starting in the guest
 * @param total       from starting QEMU to its end
 * @param consoleTail the last console lines (kernel messages included), for diagnosing a failed boot
 */
public record LabResult(int exitCode, List<ScenarioResult> scenarios, List<String> output, Duration boot,
        Duration total, List<String> consoleTail) {

    public LabResult {
        scenarios = List.copyOf(scenarios);
        output = List.copyOf(output);
        consoleTail = List.copyOf(consoleTail);
    }

    public Optional<ScenarioResult> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
