package io.schedcp.core.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the processes that hold a BPF struct_ops link: a sched_ext scheduler's program keeps one open for as
 * long as it is attached, and the kernel unloads the scheduler when the last one closes. Read from
 * {@code /proc/PID/fd} (an {@code anon_inode:bpf_link}) and {@code /proc/PID/fdinfo} ({@code link_type:
 * struct_ops}). Processes this user may not inspect are passed over.
 */
public final class StructOpsOwners {

    /**
     * @param pid     the process id
     * @param command its command name, from {@code /proc/PID/comm}
     */
    public record Owner(long pid, String command) {}

    private final Path proc;

    public StructOpsOwners(Path proc) {
        this.proc = proc;
    }

    public List<Owner> find() {
        List<Owner> owners = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> isPid(entry))) {
            for (Path process : processes) {
                if (holdsStructOpsLink(process)) {
                    owners.add(new Owner(Long.parseLong(process.getFileName().toString()), command(process)));
                }
            }
        } catch (IOException e) {
            return owners;
        }
        return owners;
    }

    private static boolean isPid(Path entry) {
        return entry.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    private static boolean holdsStructOpsLink(Path process) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                if (isBpfLink(fd) && isStructOps(process.resolve("fdinfo").resolve(fd.getFileName()))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    private static boolean isBpfLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().equals("anon_inode:bpf_link");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isStructOps(Path fdinfo) {
        try {
            return Files.readAllLines(fdinfo).stream()
                    .anyMatch(line -> line.startsWith("link_type:")
                            && line.substring(10).strip().equals("struct_ops"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
