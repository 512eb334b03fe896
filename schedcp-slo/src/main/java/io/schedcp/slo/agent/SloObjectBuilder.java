package io.schedcp.slo.agent;

import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.bpf.scx.BundledSources;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** scx_slo's BPF object: its source and header ship in this jar and are compiled once per toolchain. */
public final class SloObjectBuilder {

    static final String SOURCE = "scx_slo.bpf.c";
    static final String HEADER = "scx_slo.h";
    static final BundledSources SOURCES = new BundledSources(
            "scx_slo",
            "schedcp-slo",
            name -> Optional.ofNullable(SloObjectBuilder.class.getResourceAsStream(name)),
            SOURCE,
            HEADER);

    private final BundledObjectBuilder bundled;

    /** @param cacheDirectory where objects are kept; made when missing */
    public SloObjectBuilder(Path cacheDirectory, Optional<LabToolchain> toolchain) {
        this.bundled = new BundledObjectBuilder(SOURCES, cacheDirectory, toolchain);
    }

    /** Objects in {@code HOME/slo}, compiled with the toolchain of the lab cache that {@code env} names. */
    SloObjectBuilder(Path home, Map<String, String> env) {
        this.bundled = BundledObjectBuilder.inHome(SOURCES, home, "slo", env);
    }

    /** Whether an object can be had: a toolchain to compile with is set up. */
    public Optional<String> whyUnavailable() {
        return bundled.whyUnavailable();
    }

    /** The object's path in the cache; compiles it first when the cache does not hold it. */
    public BundledObjectBuilder.Built build() throws InterruptedException {
        return bundled.build();
    }
}
