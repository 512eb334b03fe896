package io.schedcp.userspace.ring;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.libbpf.BpfMap;

/**
 * scx_userspace's two rings mapped from a loaded object's maps: {@code queued}, the BPF_MAP_TYPE_RINGBUF the
 * tasks come through, and {@code dispatched}, the BPF_MAP_TYPE_USER_RINGBUF the decisions go back through.
 * Closing unmaps both; close only once the loop over them has stopped.
 */
public final class RingMaps implements AutoCloseable {

    /** {@code BPF_MAP_TYPE_RINGBUF} in the kernel's enum bpf_map_type. */
    public static final int RINGBUF = 27;

    /** {@code BPF_MAP_TYPE_USER_RINGBUF} in the kernel's enum bpf_map_type. */
    public static final int USER_RINGBUF = 31;

    private final MappedRing queued;
    private final MappedRing dispatched;
    private final int queuedFd;

    private RingMaps(MappedRing queued, MappedRing dispatched, int queuedFd) {
        this.queued = queued;
        this.dispatched = dispatched;
        this.queuedFd = queuedFd;
    }

    /**
     * Maps both rings; on a failure nothing stays mapped. The agent, in this module, calls it: libbpf's types
     * are exported to this module alone, so other modules cannot, which is as meant.
     */
    @SuppressWarnings("exports")
    public static RingMaps open(BpfMap queued, BpfMap dispatched) {
        requireType(queued, RINGBUF, "BPF_MAP_TYPE_RINGBUF");
        requireType(dispatched, USER_RINGBUF, "BPF_MAP_TYPE_USER_RINGBUF");
        MappedRing tasks = MappedRing.ringBuffer(queued.name(), queued.fd(), queued.maxEntries());
        try {
            MappedRing decisions =
                    MappedRing.userRingBuffer(dispatched.name(), dispatched.fd(), dispatched.maxEntries());
            return new RingMaps(tasks, decisions, queued.fd());
        } catch (RuntimeException e) {
            tasks.close();
            throw e;
        }
    }

    private static void requireType(BpfMap map, int type, String typeName) {
        if (map.type() != type) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + map.name() + "' is a " + map.typeName() + ", not a " + typeName
                            + ": the BPF program and the agent disagree on the rings; rebuild them together.");
        }
    }

    /** The tasks' ring, for a {@link RingBufferConsumer}. */
    public RingRegion queued() {
        return queued.region();
    }

    /** The decisions' ring, for a {@link UserRingBufferProducer}. */
    public RingRegion dispatched() {
        return dispatched.region();
    }

    /** The tasks' ring's map fd, which epoll reports readable when tasks wait. */
    public int queuedFd() {
        return queuedFd;
    }

    @Override
    public void close() {
        try {
            dispatched.close();
        } finally {
            queued.close();
        }
    }
}
