package io.schedcp.userspace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedcp.bpf.libbpf.BpfMap;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.GlobalVariable;
import io.schedcp.bpf.scx.BundledObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserspaceObjectsTest {

    @TempDir
    Path home;

    @Test
    void theJarHoldsTheBpfSourceAndTheHeaderItIncludes() {
        String source = new String(UserspaceObjects.SOURCES.read(UserspaceObjects.SOURCE), StandardCharsets.UTF_8);

        assertThat(source).contains("#include \"scx_userspace.h\"").contains("SCX_OPS_DEFINE(userspace_ops");
        assertThat(new String(UserspaceObjects.SOURCES.read(UserspaceObjects.HEADER), StandardCharsets.UTF_8))
                .contains("struct uspace_task");
    }

    /** With the toolchain of bpf/setup.sh (CI sets it up before the tests): the real compile. */
    @Test
    void compilesAnObjectWithTheRingsStatsAndOptionsTheAgentUses() throws Exception {
        BundledObjectBuilder builder = UserspaceObjects.builder(home, Map.copyOf(System.getenv()));
        assumeTrue(builder.whyUnavailable().isEmpty(), "no lab toolchain: run bpf/setup.sh");

        Path object = builder.build().object();

        assertThat(object.getFileName().toString()).matches("scx_userspace-[0-9a-f]{16}\\.bpf\\.o");
        try (BpfObject opened = BpfObject.open(object)) {
            assertThat(opened.maps())
                    .extracting(BpfMap::name)
                    .contains(
                            UserspaceLayout.QUEUED_RING,
                            UserspaceLayout.DISPATCHED_RING,
                            UserspaceLayout.STATS,
                            UserspaceLayout.RTT,
                            "userspace_ops");
            assertThat(opened.map(UserspaceLayout.QUEUED_RING).type()).isEqualTo(27);
            assertThat(opened.map(UserspaceLayout.DISPATCHED_RING).type()).isEqualTo(31);
            assertThat(opened.map(UserspaceLayout.STATS).maxEntries())
                    .isEqualTo(io.schedcp.userspace.stats.UserspaceCounters.COUNT);
            assertThat(opened.globals(".rodata").variables())
                    .extracting(GlobalVariable::name)
                    .contains("agent_tgid", "slice_ns", "stall_ns", "priority_budget_ns");
        }
    }

    @Test
    void theProviderOffersScxUserspaceWithItsOpsName() {
        var descriptor = UserspaceProvider.descriptor();

        assertThat(descriptor.name()).isEqualTo("scx_userspace");
        assertThat(descriptor.provider()).isEqualTo("userspace");
        assertThat(descriptor.opsName()).isEqualTo("userspace");
    }
}
