package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries of the probe's maps in the host's kernel. */
class BpfMapTest {

    private BpfObject object;

    @BeforeEach
    void load() {
        object = BpfObject.open(HostBpf.object(HostBpf.PROBE));
        object.load();
    }

    @AfterEach
    void close() {
        if (object != null) {
            object.close();
        }
    }

    @Test
    void aHashMapStoresLooksUpAndDeletesLongValuesUnderIntKeys() {
        BpfMap counts = object.map("counts");

        counts.updateLong(7, 700L);
        counts.updateLong(9, -1L);

        assertThat(counts.lookupLong(7)).isEqualTo(OptionalLong.of(700L));
        assertThat(counts.lookupLong(9)).isEqualTo(OptionalLong.of(-1L));
        assertThat(counts.lookupLong(8)).isEmpty();
        assertThat(counts.longKeys()).containsExactlyInAnyOrder(7L, 9L);

        assertThat(counts.delete(7)).isTrue();
        assertThat(counts.delete(7)).isFalse();
        assertThat(counts.longKeys()).containsExactly(9L);
    }

    @Test
    void rawBytesRoundTripInTheMachinesOrder() {
        BpfMap counts = object.map("counts");
        byte[] key =
                ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(3).array();
        byte[] value = ByteBuffer.allocate(8)
                .order(ByteOrder.nativeOrder())
                .putLong(0x0102030405060708L)
                .array();

        counts.update(key, value);

        assertThat(counts.lookup(key))
                .hasValueSatisfying(found -> assertThat(found).isEqualTo(value));
        assertThat(counts.lookupLong(3)).isEqualTo(OptionalLong.of(0x0102030405060708L));
        assertThat(counts.keys()).singleElement().satisfies(k -> assertThat(k).isEqualTo(key));
    }

    @Test
    void anArrayHasEveryIndexAsAKeyAndStartsZeroed() {
        BpfMap slots = object.map("slots");

        slots.updateInt(2, 42);

        assertThat(slots.longKeys()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(slots.lookupInt(0)).isEqualTo(OptionalInt.of(0));
        assertThat(slots.lookupInt(2)).isEqualTo(OptionalInt.of(42));
        assertThat(slots.lookupInt(4)).isEmpty();
    }

    @Test
    void updateFlagsRefuseToOverwriteOrToCreate() {
        BpfMap counts = object.map("counts");
        byte[] key = {1, 0, 0, 0};
        byte[] value = new byte[8];
        counts.update(key, value, UpdateFlag.NO_EXIST);

        assertThatThrownBy(() -> counts.update(key, value, UpdateFlag.NO_EXIST))
                .isInstanceOf(SchedcpException.class)
                .hasMessageStartingWith("bpf_map_update_elem on map 'counts' of BPF object 'binding_probe' failed: "
                        + "EEXIST (File exists)");
        assertThatThrownBy(() -> counts.update(new byte[] {2, 0, 0, 0}, value, UpdateFlag.EXIST))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("ENOENT");
    }

    @Test
    void aPerCpuArrayHasAValueForEachPossibleCpu() {
        BpfMap runs = object.map("runs");
        BpfProgram emit = object.program("emit");

        emit.run();
        emit.run();

        long[] perCpu = runs.lookupPerCpuLongs(0).orElseThrow();
        assertThat(perCpu).hasSize(Libbpf.lib().libbpf_num_possible_cpus());
        assertThat(Arrays.stream(perCpu).sum()).isEqualTo(2);
        assertThat(runs.valueBufferSize()).isEqualTo(8 * perCpu.length);
        assertThatThrownBy(() -> runs.lookupLong(0)).hasMessageContaining("per-CPU");
    }

    @Test
    void keysAndValuesOfTheWrongSizeAreRejectedBeforeTheKernelSeesThem() {
        BpfMap counts = object.map("counts");

        assertThatThrownBy(() -> counts.lookup(new byte[8]))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("Map 'counts' takes 4-byte keys; got 8 bytes.");
        assertThatThrownBy(() -> counts.update(new byte[4], new byte[4]))
                .hasMessage("Map 'counts' takes 8-byte values; got 4 bytes.");
        assertThatThrownBy(() -> counts.lookupInt(1)).hasMessage("Map 'counts' holds 8-byte values, not 4-byte ones.");
        assertThatThrownBy(() -> counts.lookupLong(1L << 40))
                .hasMessageContaining("takes 4-byte keys; 1099511627776 does not fit");
    }
}
