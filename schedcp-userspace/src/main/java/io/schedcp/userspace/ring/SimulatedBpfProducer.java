package io.schedcp.userspace.ring;

/**
 * What the kernel does when a BPF program writes into a BPF_MAP_TYPE_RINGBUF ({@code bpf_ringbuf_reserve},
 * then {@code submit} or {@code discard}), over a {@link RingRegion}: reserve at the producer position with a
 * BUSY header and publish the new position, then clear BUSY (setting DISCARD to discard) with a release store.
 * Like the kernel it leaves at least one byte free, so the ring never fills completely. Written apart from
 * {@link UserRingBufferProducer} on purpose, so that the tests check the Java consumer against a second reading
 * of the kernel's rules.
 */
final class SimulatedBpfProducer {

    private final RingRegion ring;
    private long producer;

    SimulatedBpfProducer(RingRegion ring) {
        this.ring = ring;
        this.producer = ring.producerPosition();
    }

    /** The sample's offset in the data area, or -1 when the ring has no room for {@code length} bytes. */
    int reserve(int length) {
        if (length < 0 || length > ring.size() - RecordHeader.SIZE) {
            return -1;
        }
        long next = producer + RecordHeader.footprint(length);
        if (next - ring.consumerPosition() > ring.size() - 1L) {
            return -1;
        }
        int header = ring.offsetOf(producer);
        // The page offset helps the kernel find its ring from a sample; nothing outside the kernel reads it.
        ring.writeHeader(header, length | RecordHeader.BUSY, 0);
        producer = next;
        ring.publishProducerPosition(next);
        return header + RecordHeader.SIZE;
    }

    void submit(int sampleOffset) {
        commit(sampleOffset, 0);
    }

    void discard(int sampleOffset) {
        commit(sampleOffset, RecordHeader.DISCARD);
    }

    private void commit(int sampleOffset, int flag) {
        int header = sampleOffset - RecordHeader.SIZE;
        int lengthWord = ring.headerLength(header);
        if ((lengthWord & RecordHeader.BUSY) == 0) {
            throw new IllegalStateException("The record at offset " + sampleOffset + " was already committed.");
        }
        ring.publishHeaderLength(header, (lengthWord & ~RecordHeader.BUSY) | flag);
    }
}
