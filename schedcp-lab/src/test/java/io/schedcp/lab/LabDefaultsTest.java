package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.ConfigVariable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's defaults are those that ConfigVariable (and so docs/configuration.md) states. */
class LabDefaultsTest {

    @Test
    void theMachinesDefaultsAreTheDocumentedOnes() {
        assertThat(LabMachine.DEFAULT_ACCEL).isEqualTo(ConfigVariable.LAB_ACCEL.defaultValue());
        assertThat(LabMachine.DEFAULT_CPU).isEqualTo(ConfigVariable.LAB_CPU.defaultValue());
        assertThat(LabMachine.fromEnvironment(Map.of())).isEqualTo(LabMachine.defaults());
    }

    @Test
    void theVariablesOfTheListSetTheMachineAndTheCache() {
        LabMachine machine = LabMachine.fromEnvironment(Map.of(
                ConfigVariable.LAB_ACCEL.variable(),
                "tcg,thread=multi",
                ConfigVariable.LAB_CPU.variable(),
                "EPYC",
                ConfigVariable.LAB_QEMU.variable(),
                "/opt/qemu"));

        assertThat(machine)
                .isEqualTo(new LabMachine("tcg,thread=multi", "EPYC", java.util.Optional.of(Path.of("/opt/qemu"))));
        assertThat(LabToolchain.cacheDirectory(Map.of(ConfigVariable.CACHE.variable(), "/c"), Path.of("/home/x")))
                .isEqualTo(Path.of("/c"));
        assertThat(LabToolchain.cacheDirectory(Map.of(), Path.of("/home/x")))
                .isEqualTo(Path.of("/home/x/.cache/schedcp"));
    }
}
