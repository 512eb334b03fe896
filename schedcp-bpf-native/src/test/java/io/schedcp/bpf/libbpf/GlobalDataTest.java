package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe's global variables in .rodata, .data and .bss, before and after load. */
class GlobalDataTest {

    private BpfObject object;

    @BeforeEach
    void open() {
        object = BpfObject.open(HostBpf.object(HostBpf.PROBE));
    }

    @AfterEach
    void close() {
        if (object != null) {
            object.close();
        }
    }

    @Test
    void variablesAreFoundByNameWithTheirPlaceInTheSection() {
        GlobalData bss = object.globals(".bss");

        assertThat(bss.variables())
                .extracting(GlobalVariable::name)
                .containsExactlyInAnyOrder("sequence", "command_sum", "commands_seen");
        assertThat(bss.variable("sequence").size()).isEqualTo(8);
        assertThat(bss.variable("commands_seen").size()).isEqualTo(4);
        assertThat(object.globals(".rodata").variable("event_tag")).isEqualTo(new GlobalVariable("event_tag", 0, 4));
        assertThatThrownBy(() -> bss.variable("nope"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("no variable 'nope'")
                .hasMessageContaining("sequence");
    }

    @Test
    void beforeLoadTheInitialValuesAreReadAndSet() {
        GlobalData rodata = object.globals(".rodata");
        GlobalData data = object.globals(".data");

        assertThat(rodata.readInt("event_tag")).isEqualTo(1);
        assertThat(data.readInt("step")).isEqualTo(1);

        rodata.writeInt("event_tag", 77);
        data.writeInt("step", 5);

        assertThat(rodata.readInt("event_tag")).isEqualTo(77);
        assertThat(rodata.isWritable()).isTrue();
    }

    @Test
    void valuesSetBeforeLoadReachTheProgramAndWhatItWritesIsReadAfterwards() {
        object.globals(".data").writeInt("step", 5);
        object.load();
        BpfProgram emit = object.program("emit");

        emit.run();
        emit.run();

        assertThat(object.globals(".bss").readLong("sequence")).isEqualTo(10);
    }

    @Test
    void afterLoadDataIsWritableLiveAndRodataIsFrozen() {
        object.load();
        GlobalData data = object.globals(".data");
        GlobalData rodata = object.globals(".rodata");

        data.writeInt("step", 3);
        object.program("emit").run();

        assertThat(object.globals(".bss").readLong("sequence")).isEqualTo(3);
        assertThat(rodata.isWritable()).isFalse();
        assertThat(rodata.readInt("event_tag")).isEqualTo(1);
        assertThatThrownBy(() -> rodata.writeInt("event_tag", 2))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("read-only once the object is loaded");
    }

    @Test
    void aVariableIsWrittenOnlyWithItsOwnSize() {
        assertThatThrownBy(() -> object.globals(".bss").writeInt("sequence", 1))
                .hasMessageContaining("'sequence' in .bss of BPF object 'binding_probe' is 8 bytes, not 4");
    }

    @Test
    void anAbsentSectionIsNotFound() {
        assertThatThrownBy(() -> object.globals(".data.nope"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("no data section '.data.nope'");
    }
}
