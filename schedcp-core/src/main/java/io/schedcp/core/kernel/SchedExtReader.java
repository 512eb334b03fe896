package io.schedcp.core.kernel;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kernel's sched_ext state from sysfs: {@code state}, {@code enable_seq}, {@code nr_rejected},
 * {@code switch_all}, and for the running scheduler {@code root/ops} and {@code root/events}.
 */
public final class SchedExtReader {

    /** Said wherever sched_ext is missing: names the config option and where to go instead. */
    public static final String NO_SCHED_EXT_MESSAGE =
            "this kernel has no sched_ext (it was built without CONFIG_SCHED_CLASS_EXT), so it cannot run "
                    + "sched_ext schedulers; use a kernel with sched_ext, or try them in the kernel lab "
                    + "(see docs/lab.md)";

    private final Path root;

    public SchedExtReader(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Whether the kernel has sched_ext at all. */
    public boolean isSupported() {
        return Files.isRegularFile(root.resolve("state"));
    }

    /**
     * Reads a consistent-enough snapshot; files that vanish while a scheduler unloads read as absent.
     *
     * @throws SchedcpException of kind IO when a file holds something that is not what the kernel writes
     */
    public SchedExtState read() {
        if (!isSupported()) {
            return SchedExtState.UNSUPPORTED;
        }
        String state = readText("state").orElse("unknown");
        Optional<String> ops = readText("root/ops").filter(s -> !s.isEmpty());
        long enableSeq = readLong("enable_seq");
        long nrRejected = readLong("nr_rejected");
        boolean switchAll = readLong("switch_all") != 0;
        Map<String, Long> events = readEvents();
        return new SchedExtState(true, state, ops, enableSeq, nrRejected, switchAll, events);
    }

    private Map<String, Long> readEvents() {
        Map<String, Long> events = new LinkedHashMap<>();
        Optional<String> text = readText("root/events");
        if (text.isEmpty()) {
            return events;
        }
        for (String line : text.get().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                throw malformed("root/events", line);
            }
            events.put(parts[0], parseLong("root/events", parts[1]));
        }
        return events;
    }

    private long readLong(String name) {
        return readText(name).map(v -> parseLong(name, v)).orElse(0L);
    }

    private long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw malformed(name, value);
        }
    }

    private SchedcpException malformed(String name, String value) {
        return new SchedcpException(
                SchedcpException.Kind.IO,
                "unexpected content in " + root.resolve(name) + ": '" + value.strip()
                        + "'; is SCHEDCP_SCHED_EXT_DIR pointing at a sched_ext sysfs directory?");
    }

    private Optional<String> readText(String name) {
        Path file = root.resolve(name);
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new SchedcpException(SchedcpException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
