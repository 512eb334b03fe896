package io.schedcp.bpf.libbpf;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The few libc functions the binding needs: formatting libbpf's messages and mapping data sections. */
interface LibC extends Library {

    int PROT_READ = 0x1;
    int PROT_WRITE = 0x2;
    int MAP_SHARED = 0x1;
    long MAP_FAILED = -1L;

    int vsnprintf(Pointer buffer, long size, Pointer format, Pointer args);

    Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

    int munmap(Pointer address, long length);

    int getpagesize();
}
