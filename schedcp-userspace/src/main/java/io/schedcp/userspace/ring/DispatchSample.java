package io.schedcp.userspace.ring;

import io.schedcp.api.policy.Dispatch;
import java.nio.ByteBuffer;

/**
 * The fields of one {@code struct uspace_dispatch}, as a value: what a simulated kernel drain reads
 * ({@link InMemoryRings#drainAll}) and what a test expects.
 */
public record DispatchSample(int pid, int cpu, long sliceNs, long vtime, long flags, long enqueueSeq) {

    /** What {@code dispatch} says now. */
    public static DispatchSample of(Dispatch dispatch) {
        return new DispatchSample(
                dispatch.pid(),
                dispatch.cpu(),
                dispatch.sliceNs(),
                dispatch.vtime(),
                dispatch.flags(),
                dispatch.enqueueSeq());
    }

    /** Reads the record at {@code offset} of {@code data} (little-endian). */
    public static DispatchSample read(ByteBuffer data, int offset) {
        return new DispatchSample(
                data.getInt(offset + DispatchRecord.PID),
                data.getInt(offset + DispatchRecord.CPU),
                data.getLong(offset + DispatchRecord.SLICE_NS),
                data.getLong(offset + DispatchRecord.VTIME),
                data.getLong(offset + DispatchRecord.FLAGS),
                data.getLong(offset + DispatchRecord.ENQ_SEQ));
    }
}
