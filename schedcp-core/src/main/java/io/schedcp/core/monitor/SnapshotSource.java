package io.schedcp.core.monitor;

/** Where a monitor's snapshots come from: the kernel's files, or a script of them in tests. */
@FunctionalInterface
public interface SnapshotSource {

    /**
     * Takes one snapshot.
     *
     * @throws io.schedcp.api.SchedcpException when a file cannot be read or is not what the kernel writes
     */
    SystemSnapshot read();
}
