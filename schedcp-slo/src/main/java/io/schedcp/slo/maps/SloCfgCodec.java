package io.schedcp.slo.maps;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The keys and values of {@code cfg_map} (cgroup id to {@code struct slo_cfg}) and the keys of {@code stats}. */
public final class SloCfgCodec {

    private SloCfgCodec() {}

    /** A {@code struct slo_cfg}; {@code flags} is 0, the only value scx_slo defines. */
    public static byte[] value(long budgetNs, int importance, int maxCpuPct, int slot) {
        if (slot < 1 || slot > SloLayout.MAX_GROUPS) {
            throw new IllegalArgumentException("a group's slot is 1 to " + SloLayout.MAX_GROUPS + ", not " + slot);
        }
        return ByteBuffer.allocate(SloLayout.CFG_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(SloLayout.CFG_BUDGET_NS, budgetNs)
                .putInt(SloLayout.CFG_IMPORTANCE, importance)
                .putInt(SloLayout.CFG_FLAGS, 0)
                .putInt(SloLayout.CFG_MAX_CPU_PCT, maxCpuPct)
                .putInt(SloLayout.CFG_SLOT, slot)
                .array();
    }

    /** A {@code cfg_map} key: the cgroup id, a {@code u64}. */
    public static byte[] cgroupKey(long cgroupId) {
        return ByteBuffer.allocate(Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0, cgroupId)
                .array();
    }

    /** A {@code stats} key: the slot, a {@code u32}. */
    public static byte[] slotKey(int slot) {
        return ByteBuffer.allocate(Integer.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, slot)
                .array();
    }
}
