package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The running kernel's enumerators from its BTF; the host kernel has the bpf ones, if not the scx ones. */
class KernelEnumsTest {

    @Test
    void readsEnumeratorValuesFromTheKernelsBtf() {
        HostBpf.assumeReady();

        Map<String, Long> values = KernelEnums.read(name -> name.startsWith("BPF_MAP_TYPE_"));

        assertThat(values)
                .containsEntry("BPF_MAP_TYPE_HASH", 1L)
                .containsEntry("BPF_MAP_TYPE_ARRAY", 2L)
                .containsEntry("BPF_MAP_TYPE_RINGBUF", 27L)
                .allSatisfy((name, value) -> assertThat(name).startsWith("BPF_MAP_TYPE_"));
    }

    @Test
    void anObjectWithoutScxEnumsIsLeftAsItIs() throws Exception {
        HostBpf.assumeReady();

        try (BpfObject object = BpfObject.open(HostBpf.object(HostBpf.PROBE))) {
            assertThat(ScxEnums.apply(object)).isEmpty();
        }
    }
}
