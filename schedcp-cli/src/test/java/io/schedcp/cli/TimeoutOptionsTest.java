package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.ConfigVariable;
import io.schedcp.core.manager.ManagerSettings;
import org.junit.jupiter.api.Test;

class TimeoutOptionsTest {

    @Test
    void theHelpsConstantsAreTheConfigsVariableAndTheManagersDefault() {
        assertThat(TimeoutOptions.START_VARIABLE).isEqualTo(ConfigVariable.START_TIMEOUT.variable());
        assertThat((long) TimeoutOptions.START_DEFAULT_SECONDS)
                .isEqualTo(ManagerSettings.DEFAULTS.startTimeout().toSeconds());
    }
}
