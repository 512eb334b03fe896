package io.schedcp.slo.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloArgsTest {

    @Test
    void readsTheConfigAndTheSocketInBothSpellings() {
        SloArgs args = SloArgs.parse(List.of("--config", "slo.yaml", "--socket=/run/x.sock"));

        assertThat(args.config()).isEqualTo(Path.of("slo.yaml"));
        assertThat(args.socket()).contains(Path.of("/run/x.sock"));
    }

    @Test
    void givesTheAgentAbsolutePathsAndTheHomesSocketWhenNoneIsGiven() {
        List<String> list = SloArgs.parse(List.of("--config=slo.yaml")).toList(Path.of("/h/slo.sock"));

        assertThat(list)
                .containsExactly(
                        "--config", Path.of("slo.yaml").toAbsolutePath().toString(), "--socket", "/h/slo.sock");
    }

    @Test
    void refusesNoConfigWithTheUsage() {
        assertRefused(List.of(), "scx_slo needs its config; scx_slo's flags are --config FILE");
    }

    @Test
    void refusesAnUnknownFlagByName() {
        assertRefused(List.of("--config", "a.yaml", "--budget", "2"), "scx_slo does not take --budget;");
    }

    @Test
    void refusesAFlagWithoutItsValue() {
        assertRefused(List.of("--config"), "--config needs a value");
    }

    @Test
    void refusesTwoConfigs() {
        assertRefused(List.of("--config", "a.yaml", "--config", "b.yaml"), "--config is given twice");
    }

    private static void assertRefused(List<String> args, String message) {
        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> SloArgs.parse(args));
        assertThat(refused.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refused.getMessage()).contains(message);
    }
}
