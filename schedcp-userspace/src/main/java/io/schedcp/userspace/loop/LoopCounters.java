package io.schedcp.userspace.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's counters: plain fields, bumped by the loop's thread alone, and copied into a second set that
 * other threads read, under a sequence lock so that a snapshot never mixes two rounds. Publishing costs a few
 * ordered stores a round and allocates nothing; a snapshot retries while a publication is under way.
 */
final class LoopCounters {

    private static final VarHandle SEQUENCE;
    private static final VarHandle[] PUBLISHED = new VarHandle[5];

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SEQUENCE = lookup.findVarHandle(LoopCounters.class, "sequence", long.class);
            String[] names = {"publishedTasks", "publishedDispatched", "publishedKept", "publishedFull", "publishedBad"
            };
            for (int i = 0; i < names.length; i++) {
                PUBLISHED[i] = lookup.findVarHandle(LoopCounters.class, names[i], long.class);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long tasksRead;
    long dispatched;
    long kept;
    long ringFull;
    long malformed;

    @SuppressWarnings("unused") // through SEQUENCE
    private long sequence;

    @SuppressWarnings("unused") // through PUBLISHED
    private long publishedTasks;

    @SuppressWarnings("unused")
    private long publishedDispatched;

    @SuppressWarnings("unused")
    private long publishedKept;

    @SuppressWarnings("unused")
    private long publishedFull;

    @SuppressWarnings("unused")
    private long publishedBad;

    /** Makes the counters as they are now visible to {@link #snapshot()}; the loop's thread only. */
    void publish() {
        long odd = (long) SEQUENCE.getOpaque(this) + 1;
        SEQUENCE.setOpaque(this, odd);
        VarHandle.storeStoreFence();
        PUBLISHED[0].setOpaque(this, tasksRead);
        PUBLISHED[1].setOpaque(this, dispatched);
        PUBLISHED[2].setOpaque(this, kept);
        PUBLISHED[3].setOpaque(this, ringFull);
        PUBLISHED[4].setOpaque(this, malformed);
        SEQUENCE.setRelease(this, odd + 1);
    }

    /** The counters as last published; any thread. */
    LoopStats snapshot() {
        while (true) {
            long before = (long) SEQUENCE.getAcquire(this);
            if ((before & 1) == 0) {
                LoopStats stats = new LoopStats(
                        (long) PUBLISHED[0].getOpaque(this),
                        (long) PUBLISHED[1].getOpaque(this),
                        (long) PUBLISHED[2].getOpaque(this),
                        (long) PUBLISHED[3].getOpaque(this),
                        (long) PUBLISHED[4].getOpaque(this));
                VarHandle.loadLoadFence();
                if ((long) SEQUENCE.getOpaque(this) == before) {
                    return stats;
                }
            }
            Thread.onSpinWait();
        }
    }
}
