package io.schedcp.core.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake /sys/kernel/sched_ext in a temp directory, plus the fake scheduler script beside it. */
public final class FakeKernel {

    public final Path sysfs;
    final Path script;

    public FakeKernel(Path temp) {
        try {
            sysfs = Files.createDirectories(temp.resolve("sched_ext"));
            Files.writeString(sysfs.resolve("state"), "disabled\n");
            Files.writeString(sysfs.resolve("enable_seq"), "0\n");
            Files.writeString(sysfs.resolve("switch_all"), "1\n");
            Files.writeString(sysfs.resolve("nr_rejected"), "0\n");
            script = temp.resolve("fake-scheduler.sh");
            try (InputStream in = FakeKernel.class.getResourceAsStream("/fake-scheduler.sh")) {
                Files.copy(in, script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String state() throws IOException {
        return Files.readString(sysfs.resolve("state")).strip();
    }

    /** Pretends that a scheduler nobody here started is loaded. */
    public void runForeign(String ops) throws IOException {
        Files.createDirectories(sysfs.resolve("root"));
        Files.writeString(sysfs.resolve("root/ops"), ops + "\n");
        Files.writeString(sysfs.resolve("state"), "enabled\n");
    }
}
