package io.schedcp.slo.maps;

import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.RecentMisses;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code struct slo_miss_event} read in place: {@link #wrap} a ring buffer record and read its fields, with
 * one view reused for every record, so decoding allocates nothing.
 */
public final class MissEventView {

    private ByteBuffer record = ByteBuffer.allocate(SloLayout.EVENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * Shows {@code buffer}'s record from its position (its byte order is set to little-endian).
     *
     * @throws IllegalArgumentException when fewer bytes than an event remain
     */
    public MissEventView wrap(ByteBuffer buffer) {
        if (buffer.remaining() < SloLayout.EVENT_SIZE) {
            throw new IllegalArgumentException(
                    "a miss event is " + SloLayout.EVENT_SIZE + " bytes, not " + buffer.remaining());
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        record = buffer;
        return this;
    }

    public long cgroupId() {
        return record.getLong(record.position() + SloLayout.EVENT_CGROUP_ID);
    }

    public int pid() {
        return record.getInt(record.position() + SloLayout.EVENT_PID);
    }

    public int cpu() {
        return record.getInt(record.position() + SloLayout.EVENT_CPU);
    }

    public long latenessNs() {
        return record.getLong(record.position() + SloLayout.EVENT_LATENESS_NS);
    }

    public long timestampNs() {
        return record.getLong(record.position() + SloLayout.EVENT_TIMESTAMP_NS);
    }

    /** Copies the event into {@code misses}, allocating nothing. */
    public void addTo(RecentMisses misses) {
        misses.add(cgroupId(), pid(), cpu(), latenessNs(), timestampNs());
    }

    public MissEvent toEvent() {
        return new MissEvent(cgroupId(), pid(), cpu(), latenessNs(), timestampNs());
    }
}
