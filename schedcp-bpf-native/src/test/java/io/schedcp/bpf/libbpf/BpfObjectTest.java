package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, loading and closing objects in the host's kernel. */
class BpfObjectTest {

    private Path probe;

    @BeforeEach
    void compile() {
        probe = HostBpf.object(HostBpf.PROBE);
    }

    @Test
    void opensAFileAndLoadsItIntoTheKernel() {
        try (BpfObject object = BpfObject.open(probe)) {
            assertThat(object.name()).isEqualTo("binding_probe");
            assertThat(object.isLoaded()).isFalse();

            object.load();

            assertThat(object.isLoaded()).isTrue();
            assertThat(object.program("emit").fd()).isPositive();
            assertThat(object.programs()).extracting(BpfProgram::name).containsExactly("emit", "drain");
        }
    }

    @Test
    void opensTheBytesOfAnObjectUnderTheGivenName() throws Exception {
        try (BpfObject object = BpfObject.open("probe_from_bytes", Files.readAllBytes(probe))) {
            object.load();

            assertThat(object.name()).isEqualTo("probe_from_bytes");
            assertThat(object.program("emit").run()).isZero();
        }
    }

    @Test
    void listsItsMapsWithTheirShapes() {
        try (BpfObject object = BpfObject.open(probe)) {
            assertThat(object.maps())
                    .extracting(BpfMap::name)
                    .contains("counts", "slots", "runs", "events", "commands")
                    .anyMatch(name -> name.endsWith(".rodata"))
                    .anyMatch(name -> name.endsWith(".data"))
                    .anyMatch(name -> name.endsWith(".bss"));
            BpfMap counts = object.map("counts");
            assertThat(counts.typeName()).isEqualTo("hash");
            assertThat(counts.keySize()).isEqualTo(4);
            assertThat(counts.valueSize()).isEqualTo(8);
            assertThat(counts.maxEntries()).isEqualTo(64);
            assertThat(object.map("events").typeName()).isEqualTo("ringbuf");
            assertThat(object.map("commands").typeName()).isEqualTo("user_ringbuf");
        }
    }

    @Test
    void anUnknownMapOrProgramIsNotFoundAndTheErrorNamesWhatThereIs() {
        try (BpfObject object = BpfObject.open(probe)) {
            assertThat(object.findMap("nope")).isEmpty();
            assertThatThrownBy(() -> object.map("nope"))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                    .hasMessageContaining("no map 'nope'")
                    .hasMessageContaining("counts");
            assertThatThrownBy(() -> object.program("nope"))
                    .hasMessageContaining("no program 'nope'")
                    .hasMessageContaining("emit");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseFailsClearly() {
        BpfObject object = BpfObject.open(probe);
        object.load();
        BpfMap counts = object.map("counts");

        object.close();
        object.close();
        counts.close();

        assertThatThrownBy(() -> object.map("counts"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> counts.lookupLong(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void entriesNeedALoadedObject() {
        try (BpfObject object = BpfObject.open(probe)) {
            assertThatThrownBy(() -> object.map("counts").lookupLong(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not loaded");
        }
    }

    @Test
    void onlyAStructOpsMapCanBeAttached() {
        try (BpfObject object = BpfObject.open(probe)) {
            object.load();

            assertThatThrownBy(() -> object.attachStructOps("counts"))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                    .hasMessage("Map 'counts' is a hash map; attaching struct_ops needs a struct_ops map.");
        }
    }

    @Test
    void theSystemLibbpfIsVersionOne() {
        assertThat(Libbpf.isAvailable()).isTrue();
        assertThat(Libbpf.version()).startsWith("v1.");
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> BpfObject.open(Path.of("/nonexistent/x.bpf.o")))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("/nonexistent/x.bpf.o");
    }

    @Test
    void aFileThatIsNotABpfObjectFailsNamingTheCallTheFileAndTheErrno(@TempDir Path dir) throws Exception {
        Path notElf = Files.writeString(dir.resolve("not-elf.bpf.o"), "this is not an ELF file");

        assertThatThrownBy(() -> BpfObject.open(notElf))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("bpf_object__open_file on file " + notElf + " failed: ")
                .hasMessageMatching("(?s).*(LIBBPF_ERRNO__FORMAT|EINVAL).*");
    }
}
