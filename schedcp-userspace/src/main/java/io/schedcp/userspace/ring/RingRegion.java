package io.schedcp.userspace.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory of one ring as the kernel lays it out: a word with the consumer's position, a word with the
 * producer's position, and the data area, whose records are addressed at {@code position & (size - 1)} and
 * may run past {@code size} (the kernel maps the data twice, back to back, so that a record never wraps).
 * Positions are {@code u64} byte counters that only grow; each side publishes its own with a release store and
 * reads the other's with a load-acquire, so that the records written before a position was published are seen
 * by whoever reads it.
 *
 * <p>The buffers are direct and page- or 8-byte-aligned, as acquire and release accesses need. A side that
 * must not write a word (the kernel maps it read-only) gets a read-only buffer, so a wrong write fails in Java
 * instead of faulting.
 */
public final class RingRegion {

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer consumerPage;
    private final ByteBuffer producerPage;
    private final ByteBuffer data;
    private final int size;
    private final long mask;

    /**
     * @param consumerPage holds the consumer's position at offset 0
     * @param producerPage holds the producer's position at offset 0
     * @param data the data area, {@code 2 * size} bytes
     * @param size the ring's size in bytes (the map's max_entries): a power of two
     */
    public RingRegion(ByteBuffer consumerPage, ByteBuffer producerPage, ByteBuffer data, int size) {
        if (size < RecordHeader.SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("A ring's size is a power of two of at least 8 bytes, not " + size
                    + "; BPF ring buffer maps need max_entries to be a power of two.");
        }
        requireDirect(consumerPage, Long.BYTES, "consumer position");
        requireDirect(producerPage, Long.BYTES, "producer position");
        requireDirect(data, 2L * size, "data area");
        this.consumerPage = consumerPage.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.producerPage = producerPage.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = size;
        this.mask = size - 1L;
    }

    private static void requireDirect(ByteBuffer buffer, long capacity, String what) {
        if (!buffer.isDirect() || buffer.capacity() < capacity) {
            throw new IllegalArgumentException("The ring's " + what + " needs a direct buffer of at least "
                    + capacity + " bytes, not " + (buffer.isDirect() ? "" : "a heap buffer of ") + buffer.capacity()
                    + " bytes.");
        }
    }

    /** The ring's size in bytes. */
    public int size() {
        return size;
    }

    /** The data area, little-endian; a record at position {@code p} starts at {@link #offsetOf offsetOf(p)}. */
    public ByteBuffer data() {
        return data;
    }

    /** Where the record at {@code position} starts in {@link #data()}. */
    public int offsetOf(long position) {
        return (int) (position & mask);
    }

    /** The consumer's position, load-acquire. */
    public long consumerPosition() {
        return (long) LONGS.getAcquire(consumerPage, 0);
    }

    /** Publishes the consumer's position, store-release: the records before it may be overwritten. */
    public void publishConsumerPosition(long position) {
        LONGS.setRelease(consumerPage, 0, position);
    }

    /** The producer's position, load-acquire. */
    public long producerPosition() {
        return (long) LONGS.getAcquire(producerPage, 0);
    }

    /** Publishes the producer's position, store-release: the headers before it may be read. */
    public void publishProducerPosition(long position) {
        LONGS.setRelease(producerPage, 0, position);
    }

    /** The length word of the header at {@code offset}, flags included, load-acquire. */
    public int headerLength(int offset) {
        return (int) INTS.getAcquire(data, offset);
    }

    /** Writes a header at {@code offset}, plainly: the producer position's release store publishes it. */
    public void writeHeader(int offset, int lengthWord, int pageOffset) {
        data.putInt(offset, lengthWord);
        data.putInt(offset + RecordHeader.PAGE_OFFSET, pageOffset);
    }

    /** Replaces the length word at {@code offset}, store-release: the sample written before it is published. */
    public void publishHeaderLength(int offset, int lengthWord) {
        INTS.setRelease(data, offset, lengthWord);
    }
}
