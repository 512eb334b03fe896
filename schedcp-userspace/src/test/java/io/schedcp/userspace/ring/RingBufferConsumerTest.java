package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The queued ring read in place, over memory laid out like the kernel's and written as BPF writes it. */
class RingBufferConsumerTest {

    private final InMemoryRings rings = InMemoryRings.create(1024, 1024);
    private final RingBufferConsumer consumer = new RingBufferConsumer(rings.queued());
    private final TaskRecordView view = new TaskRecordView();
    private final List<TaskSample> read = new ArrayList<>();
    private final RecordHandler collect = (data, offset, length) -> {
        assertThat(length).isEqualTo(TaskRecord.SIZE);
        read.add(TaskSample.of(view.at(data, offset)));
        return true;
    };

    @Test
    void recordsAreReadInTheOrderBpfWroteThem() {
        List<TaskSample> written = emit(0, 5);

        int handled = consumer.poll(collect, 100);

        assertThat(handled).isEqualTo(5);
        assertThat(read).isEqualTo(written);
    }

    @Test
    void aRecordThatCrossesTheRingsEndIsReadWhole() {
        emit(0, 6);
        consumer.poll(collect, 100);
        List<TaskSample> written = emit(6, 6);
        read.clear();

        int handled = consumer.poll(collect, 100);

        // The ninth record starts at 8 * 112 = 896 and the tenth at 1008, 16 bytes before the end.
        assertThat(handled).isEqualTo(6);
        assertThat(read).isEqualTo(written);
        assertThat(rings.queued().consumerPosition()).isEqualTo(12 * 112L).isGreaterThan(1024);
    }

    @Test
    void aRecordStillBeingWrittenStopsTheConsumerUntilItIsSubmitted() {
        emit(0, 1);
        int busy = rings.reserve(TaskRecord.SIZE).orElseThrow();
        emit(2, 1);

        assertThat(consumer.poll(collect, 100)).isEqualTo(1);
        assertThat(consumer.poll(collect, 100)).isZero();
        assertThat(consumer.hasPending()).isTrue();

        Samples.probeTask(1).writeTo(rings.queued().data(), busy);
        rings.submit(busy);

        assertThat(consumer.poll(collect, 100)).isEqualTo(2);
        assertThat(read).extracting(TaskSample::pid).containsExactly(1000, 1001, 1002);
    }

    @Test
    void aDiscardedRecordIsSkippedAndItsSpaceFreed() {
        emit(0, 1);
        rings.discard(rings.reserve(TaskRecord.SIZE).orElseThrow());
        emit(1, 1);

        int handled = consumer.poll(collect, 100);

        assertThat(handled).isEqualTo(2);
        assertThat(read).extracting(TaskSample::pid).containsExactly(1000, 1001);
        assertThat(rings.queued().consumerPosition()).isEqualTo(rings.queued().producerPosition());
    }

    @Test
    void aPollReadsNoMoreThanItsMaximumAndTheNextGoesOn() {
        emit(0, 5);

        assertThat(consumer.poll(collect, 2)).isEqualTo(2);
        assertThat(rings.queued().consumerPosition()).isEqualTo(2 * 112L);
        assertThat(consumer.poll(collect, 100)).isEqualTo(3);
        assertThat(read).extracting(TaskSample::pid).containsExactly(1000, 1001, 1002, 1003, 1004);
    }

    @Test
    void aHandlerThatSaysStopEndsThePollAfterItsRecord() {
        emit(0, 3);

        int handled = consumer.poll((data, offset, length) -> false, 100);

        assertThat(handled).isEqualTo(1);
        assertThat(consumer.poll(collect, 100)).isEqualTo(2);
        assertThat(read).extracting(TaskSample::pid).containsExactly(1001, 1002);
    }

    @Test
    void theConsumerPositionIsAlwaysAMultipleOfEight() {
        for (int round = 0; round < 40; round++) {
            rings.reserve(1 + round % 13).ifPresent(rings::submit);
            emit(round, 1);
            consumer.poll((data, offset, length) -> true, 100);

            assertThat(rings.queued().consumerPosition() % 8).isZero();
            assertThat(rings.queued().consumerPosition())
                    .isEqualTo(rings.queued().producerPosition());
        }
    }

    @Test
    void anEmptyRingGivesNothingAndLeavesThePositionAlone() {
        assertThat(consumer.poll(collect, 100)).isZero();
        assertThat(consumer.hasPending()).isFalse();
        assertThat(rings.queued().consumerPosition()).isZero();
    }

    @Test
    void theSimulatedKernelNeverFillsTheRingCompletelyAndTheConsumerFreesIt() {
        // 9 records of 112 bytes fit in 1024 with room to spare; the tenth does not.
        assertThat(emit(0, 9)).hasSize(9);
        assertThat(rings.emit(Samples.probeTask(9))).isFalse();

        consumer.poll(collect, 1);

        assertThat(rings.emit(Samples.probeTask(9))).isTrue();
    }

    private List<TaskSample> emit(int first, int count) {
        List<TaskSample> written = new ArrayList<>();
        IntStream.range(first, first + count).mapToObj(Samples::probeTask).forEach(task -> {
            if (rings.emit(task)) {
                written.add(task);
            }
        });
        return written;
    }
}
