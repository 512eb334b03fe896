package io.schedcp.bpf.scx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledObjectBuilderTest {

    @TempDir
    Path dir;

    private static Optional<InputStream> only(String name, String wanted) {
        return name.equals(wanted) ? Optional.of(new ByteArrayInputStream(new byte[] {1})) : Optional.empty();
    }

    @Test
    void anotherCompilerCommandGivesTheObjectAnotherName() {
        byte[] source = {1, 2};
        byte[] header = {3};

        assertThat(BundledObjectBuilder.hash(source, header, "clang-22 -O2"))
                .isNotEqualTo(BundledObjectBuilder.hash(source, header, "clang-22 -O1"))
                .isNotEqualTo(BundledObjectBuilder.hash(header, source, "clang-22 -O2"))
                .isEqualTo(BundledObjectBuilder.hash(source, header, "clang-22 -O2"))
                .hasSize(16);
    }

    @Test
    void aMissingResourceIsNamedWithTheJarAndTheFix() {
        BundledSources sources = new BundledSources("scx_x", "schedcp-x", n -> only(n, "x.bpf.c"), "x.bpf.c", "x.h");

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> sources.read("x.h"));

        assertThat(sources.read("x.bpf.c")).containsExactly(1);
        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("scx_x", "x.h", "schedcp-x", "mvn package");
    }

    @Test
    void withoutAToolchainItNamesTheSchedulerAndSetUp() {
        BundledSources sources = new BundledSources("scx_x", "schedcp-x", n -> Optional.empty(), "x.bpf.c", "x.h");
        BundledObjectBuilder builder = new BundledObjectBuilder(sources, dir, Optional.empty());

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, builder::build);

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("scx_x", "run bpf/setup.sh");
    }
}
