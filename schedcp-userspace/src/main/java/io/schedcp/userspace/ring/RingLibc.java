package io.schedcp.userspace.ring;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The libc calls that map a ring: set-up only, never per record. JNA direct mapping. */
final class RingLibc {

    static final int PROT_READ = 0x1;
    static final int PROT_WRITE = 0x2;
    static final int MAP_SHARED = 0x1;

    static {
        Native.register("c");
    }

    private RingLibc() {}

    static native Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset)
            throws LastErrorException;

    static native int munmap(Pointer address, long length) throws LastErrorException;

    static native int getpagesize();
}
