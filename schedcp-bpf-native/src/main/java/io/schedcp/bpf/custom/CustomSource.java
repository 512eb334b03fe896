package io.schedcp.bpf.custom;

import java.nio.file.Path;
import java.util.Objects;

/** Where a new custom scheduler's BPF C source comes from: a file a user names, or text a client sent. */
public sealed interface CustomSource {

    /** A file, read (bounded, UTF-8) only once every other argument has been checked. */
    record File(Path path) implements CustomSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Source text.
     *
     * @param fileLabel the file name clang's messages use, such as {@code fifo.bpf.c}
     * @param origin    where it came from, recorded for people
     */
    record Text(String text, String fileLabel, String origin) implements CustomSource {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(fileLabel, "fileLabel");
            Objects.requireNonNull(origin, "origin");
        }
    }

    static CustomSource file(Path path) {
        return new File(path);
    }

    static CustomSource text(String text, String fileLabel, String origin) {
        return new Text(text, fileLabel, origin);
    }
}
