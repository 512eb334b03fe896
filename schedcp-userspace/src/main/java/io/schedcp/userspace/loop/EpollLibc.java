package io.schedcp.userspace.loop;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The libc epoll calls, JNA direct mapping: one call per wait, never per task. */
final class EpollLibc {

    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLLIN = 0x1;
    static final int EINTR = 4;
    /**
     * {@code struct epoll_event} is a u32 and a u64: 12 bytes packed on x86-64, 16 elsewhere. Only the events
     * word at offset 0 is read or written, so 16 bytes a slot serves both.
     */
    static final int EVENT_SIZE = 16;

    static {
        Native.register("c");
    }

    private EpollLibc() {}

    static native int epoll_create1(int flags) throws LastErrorException;

    static native int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

    static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
