package io.schedcp.lab;

import io.schedcp.core.ConfigVariable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param machine         QEMU's accelerator and CPU model
 * @param consoleDirectory where the console of a failed boot is kept; empty: {@code <cache>/lab/consoles}
 */
public record LabOptions(
        Duration scenarioTimeout,
        Duration bootAllowance,
        int cpus,
        int memoryMb,
        Path workDirectory,
        List<Path> path,
        Map<String, String> environment,
        LabMachine machine,
        Optional<Path> consoleDirectory) {

    public LabOptions {
        Objects.requireNonNull(scenarioTimeout, "scenarioTimeout");
        Objects.requireNonNull(bootAllowance, "bootAllowance");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(consoleDirectory, "consoleDirectory");
        path = List.copyOf(path);
        environment = Map.copyOf(environment);
    }

    /**
     * Five minutes a scenario, two CPUs, 2 GiB, the current directory; the machine and the console directory
     * as {@code SCHEDCP_LAB_ACCEL}, {@code SCHEDCP_LAB_CPU}, {@code SCHEDCP_LAB_QEMU} and
     * {@code SCHEDCP_LAB_CONSOLES} say, else the defaults.
     */
    public static LabOptions defaults() {
        return fromEnvironment(System.getenv());
    }

    public static LabOptions fromEnvironment(Map<String, String> env) {
        Optional<Path> consoles = Optional.ofNullable(env.get(ConfigVariable.LAB_CONSOLES.variable()))
                .filter(v -> !v.isBlank())
                .map(Path::of);
        return new LabOptions(
                Duration.ofMinutes(5),
                Duration.ofMinutes(3),
                2,
                2048,
                Path.of("").toAbsolutePath(),
                List.of(),
                Map.of(),
                LabMachine.fromEnvironment(env),
                consoles);
    }

    public LabOptions withScenarioTimeout(Duration timeout) {
        return new LabOptions(
                timeout, bootAllowance, cpus, memoryMb, workDirectory, path, environment, machine, consoleDirectory);
    }

    public LabOptions withPath(List<Path> directories) {
        return new LabOptions(
                scenarioTimeout,
                bootAllowance,
                cpus,
                memoryMb,
                workDirectory,
                directories,
                environment,
                machine,
                consoleDirectory);
    }

    public LabOptions withEnvironment(Map<String, String> env) {
        return new LabOptions(
                scenarioTimeout, bootAllowance, cpus, memoryMb, workDirectory, path, env, machine, consoleDirectory);
    }

    public LabOptions withMachine(LabMachine emulated) {
        return new LabOptions(
                scenarioTimeout,
                bootAllowance,
                cpus,
                memoryMb,
                workDirectory,
                path,
                environment,
                emulated,
                consoleDirectory);
    }

    public LabOptions withConsoleDirectory(Path dir) {
        return new LabOptions(
                scenarioTimeout,
                bootAllowance,
                cpus,
                memoryMb,
                workDirectory,
                path,
                environment,
                machine,
                Optional.of(dir));
    }

    public LabOptions withWorkDirectory(Path dir) {
        return new LabOptions(
                scenarioTimeout, bootAllowance, cpus, memoryMb, dir, path, environment, machine, consoleDirectory);
    }
}
