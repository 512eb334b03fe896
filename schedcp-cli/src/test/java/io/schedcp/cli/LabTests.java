package io.schedcp.cli;

import static org.assertj.core.api.Assertions.fail;

import io.schedcp.core.lab.LabResult;
import io.schedcp.core.lab.LabToolchain;
import io.schedcp.core.lab.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** What the lab tests share: where the project and its guest scripts are, and the lab's readiness. */
final class LabTests {

    static final Path PROJECT = Path.of(System.getProperty("schedcp.project.dir", "..")).toAbsolutePath()
            .normalize();
    static final Path SCRIPTS = PROJECT.resolve("bpf/lab/tests");

    private LabTests() {
    }

    static Path cache() {
        return LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The lab's toolchain when it can boot. Otherwise the calling tests are skipped, loudly, off CI, and fail
     * on CI (CI=true), which must run them.
     */
    static LabToolchain readyOrSkip(String tests) {
        Optional<LabToolchain> toolchain = LabToolchain.load(cache());
        List<String> missing = toolchain.map(LabToolchain::missing)
                .orElse(List.of("no lab manifest at " + LabToolchain.manifestIn(cache())));
        if (!missing.isEmpty()) {
            String why = "the kernel lab is not ready (" + String.join("; ", missing) + "); run bpf/setup.sh";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must run the " + tests + ", but " + why);
            }
            System.err.println("\n*** " + tests.toUpperCase() + " SKIPPED: " + why + " ***\n");
            Assumptions.abort(why);
        }
        return toolchain.orElseThrow();
    }

    /** The output of {@code scenario}, or a failure with the console when it did not run. */
    static String output(LabResult result, String scenario) {
        return result.scenario(scenario).map(ScenarioResult::outputText)
                .orElseGet(() -> fail("scenario " + scenario + " did not run; console:\n"
                        + String.join("\n", result.consoleTail())));
    }
}
