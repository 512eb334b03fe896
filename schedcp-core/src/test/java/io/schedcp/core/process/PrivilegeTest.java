package io.schedcp.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegeTest {

    private static final List<String> COMMAND = List.of("/usr/bin/scx_simple", "-f");

    @Test
    void rootRunsTheCommandDirectly() {
        Privilege privilege = Privilege.detect(Map.of("SCHEDCP_SUDO_PASSWORD", "secret"), true);

        assertThat(privilege.mode()).isEqualTo(Privilege.Mode.DIRECT);
        assertThat(privilege.wrap(COMMAND, Map.of("A", "1"))).isEqualTo(COMMAND);
        assertThat(privilege.stdinPreamble()).isEmpty();
    }

    @Test
    void aUserWithoutPasswordUsesNonInteractiveSudo() {
        Privilege privilege = Privilege.detect(Map.of(), false);

        assertThat(privilege.mode()).isEqualTo(Privilege.Mode.SUDO_NON_INTERACTIVE);
        assertThat(privilege.wrap(COMMAND, Map.of())).containsExactly("sudo", "-n", "--", "/usr/bin/scx_simple", "-f");
    }

    @Test
    void thePasswordGoesToStdinAndNeverIntoTheCommandLine() {
        Privilege privilege = Privilege.detect(Map.of("SCHEDCP_SUDO_PASSWORD", "hunter2"), false);

        List<String> command = privilege.wrap(COMMAND, Map.of("RUST_LOG", "info"));

        assertThat(privilege.mode()).isEqualTo(Privilege.Mode.SUDO_PASSWORD);
        assertThat(command)
                .containsExactly("sudo", "-S", "-p", "", "--", "env", "RUST_LOG=info", "/usr/bin/scx_simple", "-f");
        assertThat(String.join(" ", command)).doesNotContain("hunter2");
        assertThat(privilege.toString()).doesNotContain("hunter2");
        assertThat(new String(privilege.stdinPreamble().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("hunter2\n");
    }

    @Test
    void anEmptyPasswordVariableMeansNoPassword() {
        assertThat(Privilege.detect(Map.of("SCHEDCP_SUDO_PASSWORD", ""), false).mode())
                .isEqualTo(Privilege.Mode.SUDO_NON_INTERACTIVE);
    }
}
