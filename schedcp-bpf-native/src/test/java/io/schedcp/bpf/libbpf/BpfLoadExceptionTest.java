package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException.Kind;
import org.junit.jupiter.api.Test;

/** A program the host kernel's verifier rejects. */
class BpfLoadExceptionTest {

    @Test
    void aRejectedProgramFailsTheLoadWithTheVerifiersReasonTrimmed() {
        try (BpfObject object = BpfObject.open(HostBpf.object(HostBpf.REJECTED))) {
            assertThatThrownBy(object::load).isInstanceOfSatisfying(BpfLoadException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.START_FAILED);
                assertThat(e.errno()).isEqualTo(Errno.EACCES);
                assertThat(e.getMessage())
                        .startsWith("Loading BPF object 'rejected_by_ver' failed: the kernel verifier rejected "
                                + "program 'read_past_end' (EACCES):")
                        .contains("; return sum + value[16]; @ rejected_by_verifier.bpf.c:")
                        .containsPattern("\\d+: \\(61\\) r\\d = \\*\\(u32 \\*\\)\\(r\\d \\+64\\)")
                        .contains("invalid access to map value, value_size=4 off=64 size=4")
                        .doesNotContain("R1=ctx()")
                        .doesNotContain("processed ");
                assertThat(e.getMessage().lines()).hasSizeLessThanOrEqualTo(12);
                VerifierLog log = e.verifierLog().orElseThrow();
                assertThat(log.program()).isEqualTo("read_past_end");
                // Far beyond the print bridge's first 4 KiB buffer: the long message was formatted again, whole.
                assertThat(log.text()).hasSizeGreaterThan(16 * 1024);
                assertThat(log.lines()).contains("0: R1=ctx() R10=fp0").anyMatch(line -> line.startsWith("processed "));
            });
            assertThat(object.isLoaded()).isFalse();
            assertThatThrownBy(object::load)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open it again to retry");
        }
    }
}
