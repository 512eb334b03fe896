package io.schedcp.userspace.ring;

import java.nio.ByteBuffer;

/** Receives the records a consumer reads, in place: valid only during the call. */
@FunctionalInterface
public interface RecordHandler {

    /**
     * Handles the sample of {@code length} bytes at {@code offset} in {@code data} (little-endian).
     *
     * @return true to go on with the next record, false to stop after this one
     */
    boolean onRecord(ByteBuffer data, int offset, int length);
}
