package io.schedcp.slo.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.libbpf.BpfMap;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.GlobalVariable;
import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.lab.LabToolchain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloObjectBuilderTest {

    @TempDir
    Path dir;

    @Test
    void theJarHoldsTheBpfSourceAndTheHeaderItIncludes() {
        String source = new String(SloObjectBuilder.SOURCES.read(SloObjectBuilder.SOURCE), StandardCharsets.UTF_8);

        assertThat(source).contains("#include \"scx_slo.h\"").contains("SCX_OPS_DEFINE(slo_ops");
        assertThat(new String(SloObjectBuilder.SOURCES.read(SloObjectBuilder.HEADER), StandardCharsets.UTF_8))
                .contains("struct slo_cfg");
    }

    @Test
    void withoutAToolchainItSaysHowToSetOneUp() {
        SloObjectBuilder builder = new SloObjectBuilder(dir, Optional.empty());

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, builder::build);

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("run bpf/setup.sh");
        assertThat(builder.whyUnavailable()).isPresent();
    }

    /** With the toolchain of bpf/setup.sh (CI sets it up before the tests): the real compile, once. */
    @Test
    void compilesOnceAnObjectWithTheMapsAndTheVariableTheAgentUses() throws Exception {
        Optional<LabToolchain> toolchain = LabToolchain.load(
                LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home"))));
        assumeTrue(toolchain.isPresent(), "no lab toolchain: run bpf/setup.sh");
        SloObjectBuilder builder = new SloObjectBuilder(dir.resolve("slo"), toolchain);

        BundledObjectBuilder.Built first = builder.build();
        Path object = first.object();
        Files.setLastModifiedTime(object, FileTime.fromMillis(0));
        BundledObjectBuilder.Built second = builder.build();
        Path again = second.object();

        assertThat(first.compiledIn()).isPresent();
        assertThat(second.compiledIn()).isEmpty();
        assertThat(again).isEqualTo(object);
        assertThat(Files.getLastModifiedTime(again)).isEqualTo(FileTime.fromMillis(0));
        assertThat(object.getFileName().toString()).matches("scx_slo-[0-9a-f]{16}\\.bpf\\.o");
        try (BpfObject opened = BpfObject.open(object)) {
            assertThat(opened.maps()).extracting(BpfMap::name).contains("cfg_map", "stats", "events", "slo_ops");
            assertThat(opened.globals(".data").variables())
                    .extracting(GlobalVariable::name)
                    .contains(SloMaps.DEFAULT_BUDGET);
        }
        try (Stream<Path> kept = Files.list(dir.resolve("slo"))) {
            assertThat(kept).containsExactly(object);
        }
    }
}
