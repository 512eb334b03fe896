package io.schedcp.slo.config;

import java.util.Objects;

/** Where a setting was written: the config file as it was named, and the line. Messages start with it. */
public record ConfigOrigin(String file, int line) {

    public ConfigOrigin {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, not " + line);
        }
    }

    /** {@code slo.yaml line 4}. */
    @Override
    public String toString() {
        return file + " line " + line;
    }
}
