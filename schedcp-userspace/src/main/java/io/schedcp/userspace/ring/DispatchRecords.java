package io.schedcp.userspace.ring;

import io.schedcp.api.policy.Dispatch;
import java.nio.ByteBuffer;

/** Writes a {@link Dispatch} as a {@code struct uspace_dispatch}, in place and without allocating. */
public final class DispatchRecords {

    private DispatchRecords() {}

    /** Writes {@code dispatch} at {@code offset} of {@code data}, which must be little-endian. */
    public static void write(ByteBuffer data, int offset, Dispatch dispatch) {
        data.putInt(offset + DispatchRecord.PID, dispatch.pid());
        data.putInt(offset + DispatchRecord.CPU, dispatch.cpu());
        data.putLong(offset + DispatchRecord.SLICE_NS, dispatch.sliceNs());
        data.putLong(offset + DispatchRecord.VTIME, dispatch.vtime());
        data.putLong(offset + DispatchRecord.FLAGS, dispatch.flags());
        data.putLong(offset + DispatchRecord.ENQ_SEQ, dispatch.enqueueSeq());
    }
}
