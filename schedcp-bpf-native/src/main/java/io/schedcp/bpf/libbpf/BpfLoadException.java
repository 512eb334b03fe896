package io.schedcp.bpf.libbpf;

import io.schedcp.api.SchedcpException;
import java.util.List;
import java.util.Optional;

/**
 * A BPF object that did not load. When the kernel verifier rejected a program, the message holds the
 * lines of its log that say why ({@link VerifierLog#essentials()}) and {@link #verifierLog()} the whole
 * log; otherwise the message holds the errno and what libbpf warned about.
 */
public final class BpfLoadException extends SchedcpException {

    private static final long serialVersionUID = 1L;
    private static final int WARNINGS_KEPT = 3;

    private final int errno;
    private final transient VerifierLog verifierLog;

    private BpfLoadException(Kind kind, String message, int errno, VerifierLog verifierLog) {
        super(kind, message);
        this.errno = errno;
        this.verifierLog = verifierLog;
    }

    /** The failure of {@code bpf_object__load} with {@code result}, from what libbpf printed meanwhile. */
    static BpfLoadException of(String object, int result, LibbpfLog.Capture printed) {
        int errno = Math.abs(result);
        List<VerifierLog> logs = VerifierLog.extract(printed.messages());
        if (logs.isEmpty()) {
            String message = "bpf_object__load of BPF object '" + object + "' failed: " + NativeErrors.describe(errno)
                    + libbpfSaid(printed.warnings());
            return new BpfLoadException(Errno.kind(errno, Kind.START_FAILED), message, errno, null);
        }
        VerifierLog log = logs.get(0);
        String message = "Loading BPF object '" + object + "' failed: the kernel verifier rejected program '"
                + log.program() + "' (" + Errno.name(errno) + "):\n    "
                + String.join("\n    ", log.essentials())
                + "\nChange the program so the verifier can prove it safe; the whole verifier log ("
                + log.lines().size() + " lines) is logged at DEBUG.";
        return new BpfLoadException(Kind.START_FAILED, message, errno, log);
    }

    /** {@code ; libbpf: <its last warnings>}, or nothing when it printed none. */
    static String libbpfSaid(List<String> warnings) {
        List<String> telling = warnings.stream()
                .filter(w -> !VerifierLog.containsProgramLog(w))
                .filter(w -> !w.startsWith("failed to load object") && !w.startsWith("failed to open"))
                .toList();
        if (telling.isEmpty()) {
            return "";
        }
        return "; libbpf: "
                + String.join(" / ", telling.subList(Math.max(0, telling.size() - WARNINGS_KEPT), telling.size()));
    }

    /** The errno the load failed with, for example 13 (EACCES) for a verifier rejection. */
    public int errno() {
        return errno;
    }

    /** The verifier's log of the rejected program, when the verifier rejected one. */
    public Optional<VerifierLog> verifierLog() {
        return Optional.ofNullable(verifierLog);
    }
}
