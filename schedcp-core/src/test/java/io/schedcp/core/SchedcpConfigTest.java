package io.schedcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.manager.ManagerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedcpConfigTest {

    private static SchedcpConfig config(Map<String, String> env) {
        return SchedcpConfig.fromEnvironment(env, Path.of("/home/someone"));
    }

    @Test
    void theStartTimeoutVariableSetsTheManagersDefaultForEveryFrontEnd() {
        SchedcpConfig config = config(Map.of("SCHEDCP_START_TIMEOUT", " 90 "));

        assertThat(config.startTimeout()).contains(Duration.ofSeconds(90));
        assertThat(ManagerSettings.from(config).startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(ManagerSettings.from(config).stopStepTimeout())
                .isEqualTo(ManagerSettings.DEFAULTS.stopStepTimeout());
    }

    @Test
    void unsetOrBlankTheDefaultsHold() {
        assertThat(config(Map.of()).startTimeout()).isEmpty();
        assertThat(config(Map.of("SCHEDCP_START_TIMEOUT", " "))).satisfies(c -> {
            assertThat(c.startTimeout()).isEmpty();
            assertThat(ManagerSettings.from(c)).isEqualTo(ManagerSettings.DEFAULTS);
        });
        assertThat(config(Map.of()).home()).isEqualTo(Path.of("/home/someone/.schedcp"));
        assertThat(config(Map.of()).schedExtDirectory()).isEqualTo(SchedcpConfig.DEFAULT_SCHED_EXT_DIR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1.5", "86401", "99999999999999999999"})
    void aStartTimeoutThatIsNotAWholeNumberOfSecondsInRangeIsBlamedOnTheVariable(String value) {
        SchedcpConfig config = config(Map.of("SCHEDCP_START_TIMEOUT", value));

        assertThatThrownBy(config::startTimeout)
                .isInstanceOf(SchedcpException.class)
                .hasMessageStartingWith(
                        "SCHEDCP_START_TIMEOUT=" + value + " is not a whole number of seconds from 1 " + "to 86400")
                .hasMessageContaining("the default of 20 s");
    }

    @Test
    void valuesAreReadByTheirVariable() {
        SchedcpConfig config = config(Map.of("SCHEDCP_SCX_PATH", "/a::/b", "SCHEDCP_LIBBPF", "/opt/libbpf.so.1"));

        assertThat(config.pathList(ConfigVariable.SCX_PATH)).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(config.value(ConfigVariable.LIBBPF)).contains("/opt/libbpf.so.1");
        assertThat(config.value(ConfigVariable.LOG_LEVEL)).isEmpty();
    }
}
