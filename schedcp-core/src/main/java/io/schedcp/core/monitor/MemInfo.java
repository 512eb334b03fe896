package io.schedcp.core.monitor;

/**
 * The memory figures of {@code /proc/meminfo} that the monitor keeps, in kB as the kernel writes them (its kB
 * are KiB).
 *
 * @param totalKb     {@code MemTotal}: usable RAM
 * @param freeKb      {@code MemFree}: RAM nothing uses
 * @param availableKb {@code MemAvailable}: the kernel's estimate of what could be had without swapping
 * @param buffersKb   {@code Buffers}: raw block-device cache
 * @param cachedKb    {@code Cached}: the page cache
 */
public record MemInfo(long totalKb, long freeKb, long availableKb, long buffersKb, long cachedKb) {

    /** What is not available, as a share of the total, in percent: what {@code free} calls used. */
    public double usedPercent() {
        return totalKb == 0 ? 0.0 : 100.0 * Math.max(0, totalKb - availableKb) / totalKb;
    }
}
