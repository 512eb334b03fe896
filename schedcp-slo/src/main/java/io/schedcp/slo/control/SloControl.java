package io.schedcp.slo.control;

import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;

/**
 * A running scx_slo, as its agent serves it and as another process reaches it through {@link SloClient}: read
 * the figures, change one group while it schedules.
 */
public interface SloControl {

    /**
     * Each configured group's figures, the unconfigured tasks' and the latest misses.
     *
     * @throws io.schedcp.api.SchedcpException UNAVAILABLE when scx_slo is not running
     */
    SloStatus status();

    /**
     * Applies {@code change} to the running scheduler's maps, at once and without a restart. A cgroup that is
     * not configured yet becomes a new group and needs a budget; a configured one keeps what the change leaves
     * out. The change holds until the config file is edited again, which then applies the file as written.
     *
     * @return the group as it now is
     * @throws io.schedcp.api.SchedcpException INVALID_INPUT for a cgroup that does not resolve, a value out of
     *                                         range, or a new group without a budget; UNAVAILABLE when scx_slo
     *                                         is not running
     */
    SloGroup set(GroupChange change);
}
