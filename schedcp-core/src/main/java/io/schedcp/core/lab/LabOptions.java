package io.schedcp.core.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a lab boot.
 *
 * @param scenarioTimeout the time limit of each scenario inside the guest
 * @param bootAllowance   added to the scenarios' total for the hard limit on the whole boot
 * @param cpus            guest CPUs
 * @param memoryMb        guest memory
 * @param workDirectory   where scenarios start in the guest (read-only there)
 * @param path            directories put in front of the guest's PATH
 * @param environment     more variables for the scenarios
 */
public record LabOptions(Duration scenarioTimeout, Duration bootAllowance, int cpus, int memoryMb,
        Path workDirectory, List<Path> path, Map<String, String> environment) {

    public LabOptions {
        Objects.requireNonNull(scenarioTimeout, "scenarioTimeout");
        Objects.requireNonNull(bootAllowance, "bootAllowance");
        Objects.requireNonNull(workDirectory, "workDirectory");
        path = List.copyOf(path);
        environment = Map.copyOf(environment);
    }

    public static LabOptions defaults() {
        return new LabOptions(Duration.ofMinutes(5), Duration.ofMinutes(3), 2, 2048,
                Path.of("").toAbsolutePath(), List.of(), Map.of());
    }

    public LabOptions withScenarioTimeout(Duration timeout) {
        return new LabOptions(timeout, bootAllowance, cpus, memoryMb, workDirectory, path, environment);
    }

    public LabOptions withPath(List<Path> directories) {
        return new LabOptions(scenarioTimeout, bootAllowance, cpus, memoryMb, workDirectory, directories, environment);
    }

    public LabOptions withEnvironment(Map<String, String> env) {
        return new LabOptions(scenarioTimeout, bootAllowance, cpus, memoryMb, workDirectory, path, env);
    }

    public LabOptions withWorkDirectory(Path dir) {
        return new LabOptions(scenarioTimeout, bootAllowance, cpus, memoryMb, dir, path, environment);
    }
}
