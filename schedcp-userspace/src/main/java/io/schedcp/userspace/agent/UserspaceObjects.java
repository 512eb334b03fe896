package io.schedcp.userspace.agent;

import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.bpf.scx.BundledSources;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** scx_userspace's BPF object: its source and header ship in this jar and are compiled once per toolchain. */
final class UserspaceObjects {

    static final String SOURCE = "scx_userspace.bpf.c";
    static final String HEADER = "scx_userspace.h";
    static final BundledSources SOURCES = new BundledSources(
            UserspaceLayout.SCHEDULER,
            "schedcp-userspace",
            name -> Optional.ofNullable(UserspaceObjects.class.getResourceAsStream(name)),
            SOURCE,
            HEADER);

    private UserspaceObjects() {}

    /** Objects in {@code HOME/userspace}, compiled with the toolchain of the lab cache that {@code env} names. */
    static BundledObjectBuilder builder(Path home, Map<String, String> env) {
        return BundledObjectBuilder.inHome(SOURCES, home, "userspace", env);
    }
}
