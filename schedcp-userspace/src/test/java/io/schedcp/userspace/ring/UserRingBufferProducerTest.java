package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.policy.Dispatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatched ring written in place and drained as the kernel's bpf_user_ringbuf_drain drains it. */
class UserRingBufferProducerTest {

    private final InMemoryRings rings = InMemoryRings.create(1024, 256);
    private final UserRingBufferProducer producer = new UserRingBufferProducer(rings.dispatched());

    @Test
    void dispatchesAreDrainedInOrderWithEveryField() {
        List<DispatchSample> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Dispatch dispatch = Samples.dispatch(i);
            assertThat(producer.tryWrite(dispatch)).isTrue();
            written.add(DispatchSample.of(dispatch));
        }

        assertThat(rings.drainAll()).isEqualTo(written);
    }

    @Test
    void aFullRingRefusesTheWriteAndTakesItOnceTheKernelDrained() {
        // 256 bytes hold five records of 48 and 16 bytes over: the sixth does not fit.
        for (int i = 0; i < 5; i++) {
            assertThat(producer.tryWrite(Samples.dispatch(i))).isTrue();
        }
        long before = rings.dispatched().producerPosition();

        assertThat(producer.tryWrite(Samples.dispatch(5))).isFalse();
        assertThat(rings.dispatched().producerPosition()).isEqualTo(before);

        assertThat(rings.drain((data, offset, length) -> true, 1)).isEqualTo(1);

        assertThat(producer.tryWrite(Samples.dispatch(5))).isTrue();
        assertThat(rings.drainAll()).extracting(DispatchSample::pid).containsExactly(2001, 2002, 2003, 2004, 2005);
    }

    @Test
    void writesGoOnAcrossTheRingsEndAndPositionsStayMultiplesOfEight() {
        List<DispatchSample> written = new ArrayList<>();
        List<DispatchSample> drained = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 3; i++) {
                Dispatch dispatch = Samples.dispatch(round * 3 + i);
                assertThat(producer.tryWrite(dispatch)).isTrue();
                written.add(DispatchSample.of(dispatch));
            }
            assertThat(rings.dispatched().producerPosition() % 8).isZero();
            drained.addAll(rings.drainAll());
        }

        assertThat(drained).isEqualTo(written);
        assertThat(rings.dispatched().producerPosition()).isEqualTo(60 * 48L).isGreaterThan(256);
        assertThat(producer.pendingBytes()).isZero();
    }

    @Test
    void aWrittenRecordsHeaderHoldsItsLengthWithoutFlags() {
        producer.tryWrite(Samples.dispatch(0));

        int lengthWord = rings.dispatched().headerLength(0);

        assertThat(lengthWord).isEqualTo(DispatchRecord.SIZE);
        assertThat(rings.dispatched().data().getInt(4)).isZero();
    }

    @Test
    void theSimulatedDrainRefusesAProducerPositionTheKernelWouldRefuse() {
        rings.dispatched().publishProducerPosition(12);

        assertThatThrownBy(rings::drainAll).hasMessageContaining("not a multiple of 8");
    }

    @Test
    void theSimulatedDrainStopsAtARecordStillBeingWritten() {
        producer.tryWrite(Samples.dispatch(0));
        rings.dispatched().publishHeaderLength(0, DispatchRecord.SIZE | RecordHeader.BUSY);

        assertThat(rings.drainAll()).isEmpty();
    }
}
