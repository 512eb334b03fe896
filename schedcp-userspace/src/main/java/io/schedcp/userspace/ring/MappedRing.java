package io.schedcp.userspace.ring;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.ByteBuffer;

/**
 * A ring buffer map's memory mapped into the JVM as a {@link RingRegion}: the consumer page at offset 0, and
 * at one page the producer page followed by the data, mapped twice ({@code page + 2 * size} bytes). Which side
 * may write which part depends on the map's type: for a BPF_MAP_TYPE_RINGBUF user space owns the consumer
 * position and reads the rest; for a BPF_MAP_TYPE_USER_RINGBUF it owns the producer page and the data and reads
 * the consumer position. Closing unmaps it: the region must not be used after that (it would fault), so close
 * only once the loop over it has stopped.
 */
public final class MappedRing implements AutoCloseable {

    private final String name;
    private final Pointer consumerMapping;
    private final long consumerLength;
    private final Pointer producerMapping;
    private final long producerLength;
    private final RingRegion region;
    private boolean closed;

    private MappedRing(
            String name,
            Pointer consumerMapping,
            long consumerLength,
            Pointer producerMapping,
            long producerLength,
            RingRegion region) {
        this.name = name;
        this.consumerMapping = consumerMapping;
        this.consumerLength = consumerLength;
        this.producerMapping = producerMapping;
        this.producerLength = producerLength;
        this.region = region;
    }

    /** Maps the BPF_MAP_TYPE_RINGBUF {@code fd} of {@code maxEntries} bytes, for its user-space consumer. */
    public static MappedRing ringBuffer(String name, int fd, int maxEntries) {
        return map(name, fd, maxEntries, true);
    }

    /** Maps the BPF_MAP_TYPE_USER_RINGBUF {@code fd} of {@code maxEntries} bytes, for its user-space producer. */
    public static MappedRing userRingBuffer(String name, int fd, int maxEntries) {
        return map(name, fd, maxEntries, false);
    }

    /** The system's page size. */
    public static int pageSize() {
        return RingLibc.getpagesize();
    }

    private static MappedRing map(String name, int fd, int maxEntries, boolean userConsumes) {
        int page = pageSize();
        if (Integer.bitCount(maxEntries) != 1 || maxEntries < page || maxEntries > (1 << 30)) {
            throw new IllegalArgumentException("Ring '" + name + "' has max_entries " + maxEntries
                    + ": a ring buffer map is a power of two of bytes, from the page size (" + page
                    + ") to 1 GiB; fix the map's definition.");
        }
        int readWrite = RingLibc.PROT_READ | RingLibc.PROT_WRITE;
        long producerLength = page + 2L * maxEntries;
        Pointer consumer = mmap(name, "consumer page", page, userConsumes ? readWrite : RingLibc.PROT_READ, fd, 0);
        Pointer producer;
        try {
            producer = mmap(
                    name,
                    "producer page and data",
                    producerLength,
                    userConsumes ? RingLibc.PROT_READ : readWrite,
                    fd,
                    page);
        } catch (RuntimeException e) {
            unmap(consumer, page);
            throw e;
        }
        ByteBuffer consumerPage = consumer.getByteBuffer(0, page);
        ByteBuffer producerPage = producer.getByteBuffer(0, page);
        ByteBuffer data = producer.getByteBuffer(page, 2L * maxEntries);
        if (userConsumes) {
            producerPage = producerPage.asReadOnlyBuffer();
            data = data.asReadOnlyBuffer();
        } else {
            consumerPage = consumerPage.asReadOnlyBuffer();
        }
        RingRegion region = new RingRegion(consumerPage, producerPage, data, maxEntries);
        return new MappedRing(name, consumer, page, producer, producerLength, region);
    }

    private static Pointer mmap(String name, String part, long length, int protection, int fd, long offset) {
        try {
            return RingLibc.mmap(null, length, protection, RingLibc.MAP_SHARED, fd, offset);
        } catch (LastErrorException e) {
            throw new SchedcpException(
                    e.getErrorCode() == 1 || e.getErrorCode() == 13 ? Kind.PERMISSION : Kind.IO,
                    "Could not map the " + part + " of ring '" + name + "' (fd " + fd + ", " + length
                            + " bytes at offset " + offset + "): mmap failed with errno " + e.getErrorCode() + " ("
                            + e.getMessage() + "); check that the fd is a ring buffer map of this type and size, "
                            + "and that the process may lock that much memory (ulimit -l).",
                    e);
        }
    }

    private static void unmap(Pointer address, long length) {
        try {
            RingLibc.munmap(address, length);
        } catch (LastErrorException e) {
            // Nothing to do on the way out: the memory goes with the process.
        }
    }

    /** The mapped memory, valid until {@link #close()}. */
    public RingRegion region() {
        if (closed) {
            throw new IllegalStateException("Ring '" + name + "' is unmapped; map it again.");
        }
        return region;
    }

    public String name() {
        return name;
    }

    /** Unmaps the ring; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        unmap(producerMapping, producerLength);
        unmap(consumerMapping, consumerLength);
    }

    @Override
    public String toString() {
        return "ring '" + name + "' (" + region.size() + " bytes" + (closed ? ", unmapped)" : ")");
    }
}
