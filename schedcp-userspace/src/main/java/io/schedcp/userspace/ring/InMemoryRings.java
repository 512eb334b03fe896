package io.schedcp.userspace.ring;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The two rings of scx_userspace in direct buffers laid out like the kernel's, with the kernel's side
 * simulated: a BPF producer that writes task records into {@link #queued()} and a drain that reads dispatch
 * records out of {@link #dispatched()}. For tests and benchmarks: the consumer and producer run over these
 * exactly as over the mapped maps.
 *
 * <p>The kernel maps a ring's data twice, back to back, so a record that starts near the end runs on into the
 * second mapping and reads whole. Here the data buffer is {@code 2 * size} bytes and not aliased: every side
 * addresses a record at {@code position & (size - 1)} and reads or writes it contiguously from there, so a
 * record that crosses the end lies whole in the second half, and nothing ever reads it through another offset.
 * The aliasing itself is left out because nothing here can observe it.
 */
public final class InMemoryRings {

    private final RingRegion queued;
    private final RingRegion dispatched;
    private final SimulatedBpfProducer producer;
    private final SimulatedDrain drain;

    private InMemoryRings(RingRegion queued, RingRegion dispatched) {
        this.queued = queued;
        this.dispatched = dispatched;
        this.producer = new SimulatedBpfProducer(queued);
        this.drain = new SimulatedDrain(dispatched);
    }

    /** Rings of the given sizes in bytes (powers of two), empty. */
    public static InMemoryRings create(int queuedSize, int dispatchedSize) {
        return new InMemoryRings(region(queuedSize), region(dispatchedSize));
    }

    private static RingRegion region(int size) {
        return new RingRegion(aligned(Long.BYTES), aligned(Long.BYTES), aligned(2 * size), size);
    }

    /** Acquire and release accesses need aligned words: align the buffer's start to 8 bytes. */
    private static ByteBuffer aligned(int bytes) {
        return ByteBuffer.allocateDirect(bytes + Long.BYTES).alignedSlice(Long.BYTES);
    }

    /** The ring BPF writes tasks into. */
    public RingRegion queued() {
        return queued;
    }

    /** The ring Java writes dispatches into. */
    public RingRegion dispatched() {
        return dispatched;
    }

    /** Writes {@code task} as BPF's {@code bpf_ringbuf_output} would; false when the ring is full. */
    public boolean emit(TaskSample task) {
        int offset = producer.reserve(TaskRecord.SIZE);
        if (offset < 0) {
            return false;
        }
        task.writeTo(queued.data(), offset);
        producer.submit(offset);
        return true;
    }

    /** Reserves {@code length} bytes as {@code bpf_ringbuf_reserve} would: the sample's offset in the data. */
    public OptionalInt reserve(int length) {
        int offset = producer.reserve(length);
        return offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset);
    }

    /** Commits a reserved sample, as {@code bpf_ringbuf_submit}. */
    public void submit(int sampleOffset) {
        producer.submit(sampleOffset);
    }

    /** Gives up a reserved sample, as {@code bpf_ringbuf_discard}: the consumer skips it. */
    public void discard(int sampleOffset) {
        producer.discard(sampleOffset);
    }

    /**
     * Drains up to {@code max} dispatch records as the kernel's {@code bpf_user_ringbuf_drain}, allocating
     * nothing.
     *
     * @throws IllegalStateException where the kernel would refuse the ring
     */
    public int drain(RecordHandler handler, int max) {
        return drain.drain(handler, max);
    }

    /** Drains every dispatch record there is, as values. */
    public List<DispatchSample> drainAll() {
        List<DispatchSample> drained = new ArrayList<>();
        drain.drain(
                (data, offset, length) -> {
                    if (length != DispatchRecord.SIZE) {
                        throw new IllegalStateException("A dispatch record is " + DispatchRecord.SIZE
                                + " bytes, but the user ring holds one of " + length + ".");
                    }
                    drained.add(DispatchSample.read(data, offset));
                    return true;
                },
                Integer.MAX_VALUE);
        return drained;
    }
}
