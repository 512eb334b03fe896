package io.schedcp.userspace.ring;

/**
 * Reads the records of a BPF_MAP_TYPE_RINGBUF in place, in order, as its single consumer: a record still
 * being written (BUSY) ends the poll, a discarded one is skipped, and the consumer position is published once
 * per poll, after the handler has read the records it frees. Allocates nothing. Not thread-safe.
 */
public final class RingBufferConsumer {

    private final RingRegion ring;
    private long consumer;
    private long producerSeen;

    public RingBufferConsumer(RingRegion ring) {
        this.ring = ring;
        this.consumer = ring.consumerPosition();
        this.producerSeen = consumer;
    }

    /**
     * Hands up to {@code max} records to {@code handler}, fewer when the ring runs out or the handler says stop.
     *
     * @return how many records the handler got
     */
    public int poll(RecordHandler handler, int max) {
        long position = consumer;
        int handled = 0;
        try {
            while (handled < max) {
                if (producerSeen - position <= 0) {
                    producerSeen = ring.producerPosition();
                    if (producerSeen - position <= 0) {
                        break;
                    }
                }
                int offset = ring.offsetOf(position);
                int lengthWord = ring.headerLength(offset);
                if ((lengthWord & RecordHeader.BUSY) != 0) {
                    break;
                }
                int length = lengthWord & RecordHeader.LENGTH_MASK;
                position += RecordHeader.footprint(length);
                if ((lengthWord & RecordHeader.DISCARD) != 0) {
                    continue;
                }
                handled++;
                if (!handler.onRecord(ring.data(), offset + RecordHeader.SIZE, length)) {
                    break;
                }
            }
        } finally {
            // Also when a handler throws: its record counts as read rather than being handed out again forever.
            if (position != consumer) {
                consumer = position;
                ring.publishConsumerPosition(position);
            }
        }
        return handled;
    }

    /** Whether a poll now would find a record (or one still being written). */
    public boolean hasPending() {
        return ring.producerPosition() - consumer > 0;
    }
}
