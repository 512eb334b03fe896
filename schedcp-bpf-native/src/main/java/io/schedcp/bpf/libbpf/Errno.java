package io.schedcp.bpf.libbpf;

import io.schedcp.api.SchedcpException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Linux errno values as libbpf and the bpf() syscall return them: names, libbpf's own codes (4000 and up),
 * what a user can do about the common ones, and which {@link Kind} of failure each is.
 */
final class Errno {

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int E2BIG = 7;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int EOPNOTSUPP = 95;
    static final int ENOTSUPP = 524;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"),
            Map.entry(2, "ENOENT"),
            Map.entry(3, "ESRCH"),
            Map.entry(4, "EINTR"),
            Map.entry(5, "EIO"),
            Map.entry(6, "ENXIO"),
            Map.entry(7, "E2BIG"),
            Map.entry(8, "ENOEXEC"),
            Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"),
            Map.entry(12, "ENOMEM"),
            Map.entry(13, "EACCES"),
            Map.entry(14, "EFAULT"),
            Map.entry(16, "EBUSY"),
            Map.entry(17, "EEXIST"),
            Map.entry(19, "ENODEV"),
            Map.entry(20, "ENOTDIR"),
            Map.entry(21, "EISDIR"),
            Map.entry(22, "EINVAL"),
            Map.entry(23, "ENFILE"),
            Map.entry(24, "EMFILE"),
            Map.entry(27, "EFBIG"),
            Map.entry(28, "ENOSPC"),
            Map.entry(34, "ERANGE"),
            Map.entry(38, "ENOSYS"),
            Map.entry(40, "ELOOP"),
            Map.entry(61, "ENODATA"),
            Map.entry(75, "EOVERFLOW"),
            Map.entry(95, "EOPNOTSUPP"),
            Map.entry(110, "ETIMEDOUT"),
            Map.entry(114, "EALREADY"),
            Map.entry(125, "ECANCELED"),
            Map.entry(524, "ENOTSUPP"),
            Map.entry(4000, "LIBBPF_ERRNO__LIBELF"),
            Map.entry(4001, "LIBBPF_ERRNO__FORMAT"),
            Map.entry(4002, "LIBBPF_ERRNO__KVERSION"),
            Map.entry(4003, "LIBBPF_ERRNO__ENDIAN"),
            Map.entry(4004, "LIBBPF_ERRNO__INTERNAL"),
            Map.entry(4005, "LIBBPF_ERRNO__RELOC"),
            Map.entry(4006, "LIBBPF_ERRNO__LOAD"),
            Map.entry(4007, "LIBBPF_ERRNO__VERIFY"),
            Map.entry(4008, "LIBBPF_ERRNO__PROG2BIG"),
            Map.entry(4009, "LIBBPF_ERRNO__KVER"),
            Map.entry(4010, "LIBBPF_ERRNO__PROGTYPE"));

    private static final Map<Integer, String> HINTS = Map.of(
            EPERM,
            "BPF needs root or the CAP_BPF capability (with CAP_PERFMON for tracing and CAP_SYS_ADMIN "
                    + "for struct_ops): run as root or grant them",
            EACCES,
            "the kernel refused access: run as root (CAP_BPF), or see the verifier's log",
            ENOENT,
            "it does not exist; check the name",
            EBUSY,
            "it is in use; for a sched_ext scheduler, another one is attached, so stop it first",
            E2BIG,
            "it is too big for the kernel's limit",
            ENOSPC,
            "it is full",
            EOPNOTSUPP,
            "this kernel does not support it",
            ENOTSUPP,
            "this kernel does not support it",
            4001,
            "the file is not a BPF ELF object; compile it with clang -target bpf",
            4007,
            "the kernel verifier rejected a program; see the verifier's log");

    private Errno() {}

    /** {@code EPERM}, or {@code errno 1234} for a value without a name. */
    static String name(int errno) {
        return NAMES.getOrDefault(Math.abs(errno), "errno " + Math.abs(errno));
    }

    /** libbpf's description, for example {@code Operation not permitted}. */
    static String describe(int errno) {
        byte[] buffer = new byte[128];
        Libbpf.lib().libbpf_strerror(Math.abs(errno), buffer, buffer.length);
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** What to do about it, when there is something to say. */
    static String hint(int errno) {
        return HINTS.getOrDefault(Math.abs(errno), "");
    }

    static Kind kind(int errno, Kind otherwise) {
        return switch (Math.abs(errno)) {
            case EPERM, EACCES -> Kind.PERMISSION;
            case ENOENT -> Kind.NOT_FOUND;
            case EOPNOTSUPP, ENOTSUPP -> Kind.UNAVAILABLE;
            default -> otherwise;
        };
    }
}
