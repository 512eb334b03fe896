package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Reads the records BPF programs submit to a {@code BPF_MAP_TYPE_RINGBUF} map, handing each to a
 * {@link RecordHandler} on the thread that polls.
 *
 * <p>Allocation per record: the record is copied into a buffer the reader reuses (it grows only for a
 * record larger than any before), and the handler sees it through one reused {@link ByteBuffer}. What
 * remains per record is JNA's own callback dispatch (an argument array, a {@code Pointer} for the record and
 * a boxed size), which a JNA callback cannot avoid.
 *
 * <p>Poll from one thread at a time. {@link #close()} waits for a poll in progress to return, so keep poll
 * timeouts short; the reader also closes with its object.
 */
public final class RingBufferReader implements AutoCloseable {

    /** Receives one record. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param record the record's bytes, from position 0 to the limit, in the machine's byte order; valid
         *               only during the call (copy what you keep)
         */
        void onRecord(ByteBuffer record);
    }

    /** Returned to libbpf to stop consuming when the handler threw. */
    private static final int STOP = -125;

    private final BpfObject owner;
    private final String subject;
    private final RecordHandler handler;
    /** Held for as long as libbpf may call it: JNA frees the native stub of a collected callback. */
    private final LibbpfNative.SampleFn sample = this::onSample;

    private Pointer ringBuffer;
    private byte[] bytes = new byte[256];
    private ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    private RuntimeException handlerFailure;
    private Error handlerError;

    private RingBufferReader(BpfMap map, RecordHandler handler) {
        this.owner = map.owner();
        this.subject = map.subject();
        this.handler = handler;
    }

    /** A reader of the ring buffer {@code map}, whose object must be loaded. */
    public static RingBufferReader open(BpfMap map, RecordHandler handler) {
        map.requireType(BpfMap.TYPE_RINGBUF, "a ring buffer reader");
        RingBufferReader reader = new RingBufferReader(map, handler);
        Pointer ringBuffer = map.owner().libbpf().ring_buffer__new(map.fd(), reader.sample, null, null);
        if (ringBuffer == null) {
            throw NativeErrors.failure("ring_buffer__new", map.subject(), NativeErrors.lastErrno(), Kind.IO);
        }
        reader.ringBuffer = ringBuffer;
        map.owner().adopt(reader);
        return reader;
    }

    /**
     * Waits up to {@code timeout} for records and hands each that is there to the handler; returns how many.
     * An exception the handler throws stops the poll and is thrown here; the records after it stay for the
     * next poll.
     */
    public synchronized int poll(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
        return finish(owner.libbpf().ring_buffer__poll(open(), millis), "ring_buffer__poll");
    }

    /** Hands the records that are there now to the handler, without waiting; returns how many. */
    public synchronized int consume() {
        return finish(owner.libbpf().ring_buffer__consume(open()), "ring_buffer__consume");
    }

    /** Frees the reader; closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (ringBuffer == null) {
                return;
            }
            owner.libbpf().ring_buffer__free(ringBuffer);
            ringBuffer = null;
        }
        owner.release(this);
    }

    @Override
    public String toString() {
        return "ring buffer reader of " + subject;
    }

    private Pointer open() {
        owner.handle();
        if (ringBuffer == null) {
            throw new IllegalStateException("the " + this + " is closed");
        }
        return ringBuffer;
    }

    private int finish(int result, String operation) {
        if (handlerFailure != null || handlerError != null) {
            RuntimeException failure = handlerFailure;
            Error error = handlerError;
            handlerFailure = null;
            handlerError = null;
            if (error != null) {
                throw error;
            }
            throw failure;
        }
        if (result == -Errno.EINTR) {
            return 0;
        }
        return NativeErrors.check(result, operation, subject, Kind.IO);
    }

    private int onSample(Pointer context, Pointer data, long size) {
        int length = (int) size;
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
            view = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        }
        data.read(0, bytes, 0, length);
        view.clear().limit(length);
        try {
            handler.onRecord(view);
            return 0;
        } catch (RuntimeException e) {
            handlerFailure = e;
        } catch (Error e) {
            handlerError = e;
        }
        return STOP;
    }
}
