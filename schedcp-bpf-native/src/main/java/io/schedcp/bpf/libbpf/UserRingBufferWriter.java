package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Optional;

/**
 * Writes records into a {@code BPF_MAP_TYPE_USER_RINGBUF} map, for BPF programs to drain with
 * {@code bpf_user_ringbuf_drain()}. A record is reserved, filled and submitted; {@link #offer(byte[])} does
 * all three. Writers are serialized (libbpf's reserve is not safe for concurrent producers). The writer
 * closes with its object.
 */
public final class UserRingBufferWriter implements AutoCloseable {

    private final BpfObject owner;
    private final String subject;
    private Pointer ringBuffer;

    private UserRingBufferWriter(BpfObject owner, String subject, Pointer ringBuffer) {
        this.owner = owner;
        this.subject = subject;
        this.ringBuffer = ringBuffer;
    }

    /** A writer to the user ring buffer {@code map}, whose object must be loaded. */
    public static UserRingBufferWriter open(BpfMap map) {
        map.requireType(BpfMap.TYPE_USER_RINGBUF, "a user ring buffer writer");
        Pointer ringBuffer = map.owner().libbpf().user_ring_buffer__new(map.fd(), null);
        if (ringBuffer == null) {
            throw NativeErrors.failure("user_ring_buffer__new", map.subject(), NativeErrors.lastErrno(), Kind.IO);
        }
        UserRingBufferWriter writer = new UserRingBufferWriter(map.owner(), map.subject(), ringBuffer);
        map.owner().adopt(writer);
        return writer;
    }

    /** Writes {@code record} as one sample; false when the buffer has no room for it now. */
    public synchronized boolean offer(byte[] record) {
        Optional<Reservation> reservation = reserve(record.length);
        reservation.ifPresent(r -> {
            r.put(0, record);
            r.submit();
        });
        return reservation.isPresent();
    }

    /**
     * Reserves room for a sample of {@code size} bytes; empty when the buffer has no room now. The sample is
     * invisible to programs until {@link Reservation#submit()}.
     */
    public synchronized Optional<Reservation> reserve(int size) {
        Pointer sample = owner.libbpf().user_ring_buffer__reserve(open(), size);
        if (sample == null) {
            int errno = NativeErrors.lastErrno();
            if (errno == Errno.ENOSPC) {
                return Optional.empty();
            }
            throw NativeErrors.failure(
                    "user_ring_buffer__reserve of " + size + " bytes", subject, errno, Kind.INVALID_INPUT);
        }
        return Optional.of(new Reservation(sample, size));
    }

    /** Frees the writer, discarding samples reserved and not submitted; closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (ringBuffer == null) {
                return;
            }
            owner.libbpf().user_ring_buffer__free(ringBuffer);
            ringBuffer = null;
        }
        owner.release(this);
    }

    @Override
    public String toString() {
        return "user ring buffer writer of " + subject;
    }

    private Pointer open() {
        owner.handle();
        if (ringBuffer == null) {
            throw new IllegalStateException("the " + this + " is closed");
        }
        return ringBuffer;
    }

    /** A reserved sample: fill it, then submit or discard it, once. */
    public final class Reservation {
        private final Pointer sample;
        private final int size;
        private boolean done;

        private Reservation(Pointer sample, int size) {
            this.sample = sample;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public Reservation put(int offset, byte[] bytes) {
            synchronized (UserRingBufferWriter.this) {
                writable(offset, bytes.length).write(offset, bytes, 0, bytes.length);
            }
            return this;
        }

        public Reservation putInt(int offset, int value) {
            synchronized (UserRingBufferWriter.this) {
                writable(offset, Integer.BYTES).setInt(offset, value);
            }
            return this;
        }

        public Reservation putLong(int offset, long value) {
            synchronized (UserRingBufferWriter.this) {
                writable(offset, Long.BYTES).setLong(offset, value);
            }
            return this;
        }

        /** Makes the sample visible to the programs that drain the buffer. */
        public void submit() {
            synchronized (UserRingBufferWriter.this) {
                owner.libbpf().user_ring_buffer__submit(finish(), sample);
            }
        }

        public void discard() {
            synchronized (UserRingBufferWriter.this) {
                owner.libbpf().user_ring_buffer__discard(finish(), sample);
            }
        }

        /** The sample, checked to be open and large enough; called holding the writer's lock. */
        private Pointer writable(int offset, int length) {
            open();
            if (done) {
                throw new IllegalStateException("the sample was already submitted or discarded");
            }
            if (offset < 0 || length > size - offset) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "Cannot write " + length + " bytes at offset " + offset + " into a " + size + "-byte sample of "
                                + subject + ".");
            }
            return sample;
        }

        private Pointer finish() {
            Pointer ring = open();
            if (done) {
                throw new IllegalStateException("the sample was already submitted or discarded");
            }
            done = true;
            return ring;
        }
    }
}
