package io.schedcp.userspace.ring;

/**
 * What the kernel's {@code bpf_user_ringbuf_drain} does with a BPF_MAP_TYPE_USER_RINGBUF, over a
 * {@link RingRegion}: load-acquire the producer position and refuse one that is not a multiple of 8, stop at a
 * BUSY header, refuse a record longer than what was published, skip a discarded one, and store-release the
 * consumer position after each record. Written apart from {@link RingBufferConsumer} on purpose, so that the
 * tests check the Java producer against a second reading of the kernel's rules.
 */
final class SimulatedDrain {

    private final RingRegion ring;

    SimulatedDrain(RingRegion ring) {
        this.ring = ring;
    }

    /**
     * Hands up to {@code max} records to {@code handler}.
     *
     * @throws IllegalStateException where the kernel would fail the drain (EINVAL, ENOSPC)
     */
    int drain(RecordHandler handler, int max) {
        long consumer = ring.consumerPosition();
        int drained = 0;
        while (drained < max) {
            long producer = ring.producerPosition();
            if ((producer & 7) != 0) {
                throw new IllegalStateException("The user ring's producer position " + producer
                        + " is not a multiple of 8: the kernel refuses the drain (EINVAL).");
            }
            if (producer - consumer <= 0) {
                break;
            }
            int header = ring.offsetOf(consumer);
            int lengthWord = ring.headerLength(header);
            int length = lengthWord & RecordHeader.LENGTH_MASK;
            int footprint = RecordHeader.footprint(length);
            if (footprint > ring.size()) {
                throw new IllegalStateException("A user ring record of " + length + " bytes at position " + consumer
                        + " is larger than the ring: the kernel refuses the drain (ENOSPC).");
            }
            if ((lengthWord & RecordHeader.BUSY) != 0) {
                break;
            }
            if (footprint > producer - consumer) {
                throw new IllegalStateException("A user ring record of " + length + " bytes at position " + consumer
                        + " runs past the producer position " + producer + ": the kernel refuses the drain (EINVAL).");
            }
            boolean more = true;
            if ((lengthWord & RecordHeader.DISCARD) == 0) {
                drained++;
                more = handler.onRecord(ring.data(), header + RecordHeader.SIZE, length);
            }
            consumer += footprint;
            ring.publishConsumerPosition(consumer);
            if (!more) {
                break;
            }
        }
        return drained;
    }
}
