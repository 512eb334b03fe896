package io.schedcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpsNamesTest {

    @Test
    void theExactNameMatches() {
        assertThat(OpsNames.matches("simple", "simple")).isTrue();
        assertThat(OpsNames.matches("simple", "simple\n")).isTrue();
    }

    @Test
    void aVersionSuffixMatchesAsRustSchedulersAppendOne() {
        assertThat(OpsNames.matches("bpfland", "bpfland_1.0.14_g1234abc_x86_64_unknown_linux_gnu"))
                .isTrue();
    }

    @Test
    void anotherSchedulerWithTheSamePrefixDoesNotMatch() {
        assertThat(OpsNames.matches("rusty", "rustland")).isFalse();
        assertThat(OpsNames.matches("lay", "layered")).isFalse();
        assertThat(OpsNames.matches("fifo", "fifo_custom")).isFalse();
    }

    @Test
    void nothingMatchesAnAbsentName() {
        assertThat(OpsNames.matches("simple", null)).isFalse();
        assertThat(OpsNames.matches("simple", "")).isFalse();
    }
}
