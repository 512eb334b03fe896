package io.schedcp.cli;

import static org.assertj.core.api.Assertions.fail;

import io.schedcp.lab.KernelCrash;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabScenario;
import io.schedcp.lab.LabToolchain;
import io.schedcp.lab.ScenarioResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the lab tests share: where the project and its guest scripts are, and the lab's readiness. */
final class LabTests {

    static final Path PROJECT = Path.of(System.getProperty("schedcp.project.dir", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path SCRIPTS = PROJECT.resolve("bpf/lab/tests");

    private LabTests() {}

    static Path cache() {
        return LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The lab's toolchain when it can boot. Otherwise the calling tests are skipped, loudly, off CI, and fail
     * on CI (CI=true), which must run them.
     */
    static LabToolchain readyOrSkip(String tests) {
        Optional<LabToolchain> toolchain = LabToolchain.load(cache());
        List<String> missing = toolchain
                .map(LabToolchain::missing)
                .orElse(List.of("no lab manifest at " + LabToolchain.manifestIn(cache())));
        if (!missing.isEmpty()) {
            String why = "the kernel lab is not ready (" + String.join("; ", missing) + "); run bpf/setup.sh";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must run the " + tests + ", but " + why);
            }
            System.err.println("\n*** " + tests.toUpperCase(Locale.ROOT) + " SKIPPED: " + why + " ***\n");
            Assumptions.abort(why);
        }
        return toolchain.orElseThrow();
    }

    /** The exit code of a scenario that hit its time limit (coreutils' timeout). */
    private static final int TIMED_OUT = 124;

    /**
     * The output of {@code scenario}, ended by a line that says so when it hit its time limit, or a failure that
     * says why it has none (a crash, with its report).
     */
    static String output(LabResult result, String scenario) {
        return result.scenario(scenario)
                .filter(s -> !s.cutShort())
                .map(s -> s.exitCode() == TIMED_OUT
                        ? s.outputText() + "\n*** scenario " + scenario + " hit its time limit (exit 124):"
                                + " what it did not print is missing; give it more time ***"
                        : s.outputText())
                .orElseGet(() -> fail(result.whyUnfinished(scenario)
                        + result.crash()
                                .map(c -> "\nthe kernel's report:\n" + String.join("\n", c.report()))
                                .orElse("\nconsole:\n" + String.join("\n", result.consoleTail()))));
    }

    /**
     * One boot of {@code scenarios}, the consoles of failed boots kept in target/lab-consoles. A boot whose
     * guest kernel crashed through the emulator's fault ({@link KernelCrash#staleBreakpoint()}) is followed by
     * one more, fresh boot of the scenarios it did not finish; the retry is printed and counted. Any other
     * crash stays in the result, and fails the tests of the scenarios it cut off.
     */
    static LabResult boot(Lab lab, List<LabScenario> scenarios, LabOptions options) throws InterruptedException {
        LabOptions kept = options.consoleDirectory().isPresent()
                ? options
                : options.withConsoleDirectory(Path.of("target/lab-consoles").toAbsolutePath());
        LabResult first = lab.run(scenarios, kept, line -> {});
        first.crash()
                .ifPresent(c -> System.out.println("lab boot: " + c.summary()
                        + first.console().map(p -> "; console kept in " + p).orElse("")));
        if (first.crash().filter(KernelCrash::staleBreakpoint).isEmpty()
                || first.unfinished().isEmpty()) {
            System.out.println("lab retries: 0");
            return first;
        }
        List<LabScenario> rest = scenarios.stream()
                .filter(s -> first.unfinished().contains(s.name()))
                .toList();
        System.out.println("lab retry: the crash above is the emulator's (a stale breakpoint, see docs/lab.md); "
                + "booting once more for the " + rest.size() + " unfinished scenario(s)");
        LabResult second = lab.run(rest, kept, line -> {});
        System.out.println("lab retries: 1");
        List<ScenarioResult> done = new ArrayList<>(
                first.scenarios().stream().filter(s -> !s.cutShort()).toList());
        done.addAll(second.scenarios());
        return new LabResult(
                first.exitCode() == 0 ? second.exitCode() : first.exitCode(),
                first.planned(),
                done,
                second.output(),
                first.boot(),
                first.total().plus(second.total()),
                second.consoleTail(),
                second.crash(),
                second.console());
    }
}
