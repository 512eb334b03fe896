package io.schedcp.testkit.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fake /sys/kernel/sched_ext in a directory: the files schedcp reads, which the tests and the fake scheduler
 * program write as the kernel would.
 */
public final class FakeSchedExt {

    private final Path directory;

    private FakeSchedExt(Path directory) {
        this.directory = directory;
    }

    /** {@code parent/sched_ext}, as a kernel with sched_ext and no scheduler loaded shows it. */
    public static FakeSchedExt in(Path parent) {
        FakeSchedExt sysfs = new FakeSchedExt(parent.resolve("sched_ext"));
        try {
            Files.createDirectories(sysfs.directory);
            sysfs.write("state", "disabled");
            sysfs.write("enable_seq", "0");
            sysfs.write("switch_all", "1");
            sysfs.write("nr_rejected", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sysfs;
    }

    /** The directory to give schedcp as {@code SCHEDCP_SCHED_EXT_DIR}. */
    public Path directory() {
        return directory;
    }

    /** What {@code state} says: {@code enabled}, {@code disabled}... */
    public String state() throws IOException {
        return Files.readString(directory.resolve("state")).strip();
    }

    /** The ops name in {@code root/ops}, if a scheduler is registered. */
    public Optional<String> ops() throws IOException {
        Path ops = directory.resolve("root/ops");
        return Files.exists(ops) ? Optional.of(Files.readString(ops).strip()) : Optional.empty();
    }

    /**
     * Makes the kernel report {@code state}, with {@code ops} registered or, if empty, none, as after at least
     * one scheduler was enabled ({@code enable_seq} 1).
     */
    public void report(String state, Optional<String> ops) throws IOException {
        write("state", state);
        write("enable_seq", "1");
        write("switch_all", "1");
        write("nr_rejected", "0");
        Files.createDirectories(directory.resolve("root"));
        if (ops.isPresent()) {
            write("root/ops", ops.get());
        } else {
            Files.deleteIfExists(directory.resolve("root/ops"));
        }
    }

    /** Pretends that a scheduler nobody here started is loaded; no program holds it. */
    public void runForeign(String ops) throws IOException {
        Files.createDirectories(directory.resolve("root"));
        write("root/ops", ops);
        write("state", "enabled");
    }

    /**
     * Runs the fake scheduler {@code program} as another program would, outside schedcp, registering
     * {@code ops}, and waits until the kernel reports it enabled. The caller ends the process.
     */
    public Process startForeign(Path program, String ops) throws IOException, InterruptedException {
        Process other = new ProcessBuilder(FakeSchedulerProgram.command(program, this, ops, List.of()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitState("enabled", Duration.ofSeconds(10));
        return other;
    }

    /** Waits until {@code state} says {@code expected}; fails naming what it says instead. */
    public void awaitState(String expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state().equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake sched_ext state in " + directory + " is still '" + state()
                        + "' after " + timeout + ", not '" + expected + "'");
            }
            Thread.sleep(20);
        }
    }

    /** From now on the kernel has no sched_ext: the directory is gone. */
    public void remove() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void write(String file, String value) throws IOException {
        Files.writeString(directory.resolve(file), value + "\n");
    }
}
