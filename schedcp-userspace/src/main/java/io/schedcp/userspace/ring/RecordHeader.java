package io.schedcp.userspace.ring;

/**
 * The 8-byte header the kernel puts before every ring buffer record: a {@code u32} length whose top two bits
 * are flags, then a {@code u32} page offset that only the kernel uses.
 */
public final class RecordHeader {

    /** The header's size; the sample follows it. */
    public static final int SIZE = 8;

    /** Set while the producer still writes the record: a consumer stops there. */
    public static final int BUSY = 1 << 31;

    /** Set on a record the producer gave up: a consumer skips it. */
    public static final int DISCARD = 1 << 30;

    /** The bits of the length word that hold the sample's length. */
    public static final int LENGTH_MASK = ~(BUSY | DISCARD);

    /** Where the page offset word sits in the header. */
    static final int PAGE_OFFSET = 4;

    private RecordHeader() {}

    /** The bytes a record of {@code sampleLength} takes in the ring: header and sample, rounded up to 8. */
    public static int footprint(int sampleLength) {
        return (sampleLength + SIZE + 7) & ~7;
    }
}
