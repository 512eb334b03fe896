package io.schedcp.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a lab boot went.
 *
 * @param exitCode    the job's exit status: 0 when every scenario succeeded, else the first failure's; 125
 *                    when the guest gave no result (see {@link #crash()})
 * @param planned     the names of the scenarios the boot was to run, in order
 * @param scenarios   each scenario's result, in order; a scenario the guest never reached is missing
 * @param output      everything the job printed, markers removed
 * @param boot        from starting QEMU to the job starting in the guest
 * @param total       from starting QEMU to its end
 * @param consoleTail the last console lines (kernel messages included), for diagnosing a failed boot
 * @param crash       the guest kernel's crash report, when it crashed
 * @param console     the whole console of a failed boot, kept in a file; empty for a boot that passed
 */
public record LabResult(
        int exitCode,
        List<String> planned,
        List<ScenarioResult> scenarios,
        List<String> output,
        Duration boot,
        Duration total,
        List<String> consoleTail,
        Optional<KernelCrash> crash,
        Optional<Path> console) {

    public LabResult {
        planned = List.copyOf(planned);
        scenarios = List.copyOf(scenarios);
        output = List.copyOf(output);
        consoleTail = List.copyOf(consoleTail);
    }

    public Optional<ScenarioResult> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The planned scenarios that have no result: the guest never reached them, or was cut short in them. */
    public List<String> unfinished() {
        return planned.stream()
                .filter(name -> scenario(name).map(ScenarioResult::cutShort).orElse(true))
                .toList();
    }

    /**
     * Why {@code name} has no complete result: the crash that cut it short or kept it from running, or that
     * the guest ended without a result, with where the console was kept.
     */
    public String whyUnfinished(String name) {
        boolean started = scenario(name).isPresent();
        String what = "scenario " + name + (started ? " was cut short" : " did not run");
        String where = console.map(path -> "; the whole console is in " + path).orElse("");
        return crash.map(c -> what + " because " + c.summary() + where)
                .orElseGet(() -> what + ": the guest ended without a result" + where);
    }
}
