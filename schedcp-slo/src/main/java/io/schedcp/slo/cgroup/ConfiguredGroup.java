package io.schedcp.slo.cgroup;

import io.schedcp.slo.config.SloGroup;
import java.util.Objects;

/** A configured group and the cgroup its path names. */
public record ConfiguredGroup(SloGroup slo, Cgroup cgroup) {

    public ConfiguredGroup {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(cgroup, "cgroup");
    }
}
