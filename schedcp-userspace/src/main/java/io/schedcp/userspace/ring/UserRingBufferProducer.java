package io.schedcp.userspace.ring;

import io.schedcp.api.policy.Dispatch;

/**
 * Writes dispatch records into a BPF_MAP_TYPE_USER_RINGBUF in place, as its single producer, the way the
 * kernel's {@code bpf_user_ringbuf_drain} expects them: the header goes in BUSY, the producer position is
 * published, the record is written, and the header's release store clears BUSY. Allocates nothing. Not
 * thread-safe.
 */
public final class UserRingBufferProducer {

    private static final int FOOTPRINT = RecordHeader.footprint(DispatchRecord.SIZE);

    private final RingRegion ring;
    private long producer;
    private long consumerSeen;

    public UserRingBufferProducer(RingRegion ring) {
        this.ring = ring;
        this.producer = ring.producerPosition();
        this.consumerSeen = ring.consumerPosition();
    }

    /**
     * Writes {@code dispatch} as one {@code struct uspace_dispatch}.
     *
     * @return false, having written nothing, when the ring has no room until the kernel drains it
     */
    public boolean tryWrite(Dispatch dispatch) {
        long position = producer;
        // The consumer only moves forward: room seen once is still there, so read its position only when short.
        if (ring.size() - (position - consumerSeen) < FOOTPRINT) {
            consumerSeen = ring.consumerPosition();
            if (ring.size() - (position - consumerSeen) < FOOTPRINT) {
                return false;
            }
        }
        int offset = ring.offsetOf(position);
        ring.writeHeader(offset, DispatchRecord.SIZE | RecordHeader.BUSY, 0);
        producer = position + FOOTPRINT;
        ring.publishProducerPosition(producer);
        DispatchRecords.write(ring.data(), offset + RecordHeader.SIZE, dispatch);
        ring.publishHeaderLength(offset, DispatchRecord.SIZE);
        return true;
    }

    /** The bytes written and not yet drained, as this producer last saw the consumer. */
    public long pendingBytes() {
        return producer - ring.consumerPosition();
    }
}
