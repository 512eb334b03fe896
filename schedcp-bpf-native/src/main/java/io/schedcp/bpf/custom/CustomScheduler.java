package io.schedcp.bpf.custom;

import java.nio.file.Path;

/** A stored custom scheduler: its directory under {@code ~/.schedcp/custom} and its metadata. */
public record CustomScheduler(Path directory, CustomMeta meta) {

    static final String SOURCE = "source.bpf.c";
    static final String OBJECT = "object.bpf.o";
    static final String META = "meta.json";

    public String name() {
        return meta.name();
    }

    public Path source() {
        return directory.resolve(SOURCE);
    }

    public Path object() {
        return directory.resolve(OBJECT);
    }

    public Path metaFile() {
        return directory.resolve(META);
    }
}
