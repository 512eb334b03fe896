package io.schedcp.bpf.libbpf;

import com.sun.jna.Native;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;

/**
 * Turns libbpf's failures (a negative errno returned, or NULL with errno set) into {@link SchedcpException}s
 * that name the call, what it was called on, and the errno, with what to do about it.
 */
final class NativeErrors {

    private NativeErrors() {}

    /** {@code result} when it is not an error, else the failure as an exception. */
    static int check(int result, String operation, String subject, Kind otherwise) {
        if (result < 0) {
            throw failure(operation, subject, result, otherwise);
        }
        return result;
    }

    /** errno as libbpf left it after the last call on this thread, for calls that returned NULL. */
    static int lastErrno() {
        return Native.getLastError();
    }

    static SchedcpException failure(String operation, String subject, int errno, Kind otherwise) {
        return new SchedcpException(Errno.kind(errno, otherwise), message(operation, subject, errno));
    }

    /** {@code bpf_map_update_elem on map 'counts' failed: EEXIST (File exists)}, with a hint if there is one. */
    static String message(String operation, String subject, int errno) {
        return operation + " on " + subject + " failed: " + describe(errno);
    }

    /** {@code EPERM (Operation not permitted); BPF needs root ...}: the errno, its meaning, and a hint. */
    static String describe(int errno) {
        String hint = Errno.hint(errno);
        return Errno.name(errno) + " (" + Errno.describe(errno) + ")" + (hint.isEmpty() ? "" : "; " + hint);
    }
}
