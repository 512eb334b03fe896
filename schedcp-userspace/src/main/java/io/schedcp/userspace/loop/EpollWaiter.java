package io.schedcp.userspace.loop;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;

/**
 * Waits in epoll for a BPF_MAP_TYPE_RINGBUF map's fd to be readable, which the kernel reports when records
 * wait. BPF wakes only a consumer that has caught up, which the loop has when it finds nothing to do, the only
 * time it waits. One native call per wait.
 */
public final class EpollWaiter implements Waiter {

    private final int epollFd;
    private final Memory events = new Memory(EpollLibc.EVENT_SIZE);
    private boolean closed;

    private EpollWaiter(int epollFd) {
        this.epollFd = epollFd;
    }

    /** A waiter on the ring buffer map {@code ringFd}. */
    public static EpollWaiter on(int ringFd) {
        int epollFd;
        try {
            epollFd = EpollLibc.epoll_create1(EpollLibc.EPOLL_CLOEXEC);
        } catch (LastErrorException e) {
            throw failure("epoll_create1", ringFd, e);
        }
        try (Memory event = new Memory(EpollLibc.EVENT_SIZE)) {
            event.clear();
            event.setInt(0, EpollLibc.EPOLLIN);
            EpollLibc.epoll_ctl(epollFd, EpollLibc.EPOLL_CTL_ADD, ringFd, event);
        } catch (LastErrorException e) {
            closeQuietly(epollFd);
            throw failure("epoll_ctl(EPOLL_CTL_ADD)", ringFd, e);
        }
        return new EpollWaiter(epollFd);
    }

    private static SchedcpException failure(String call, int ringFd, LastErrorException e) {
        return new SchedcpException(
                Kind.IO,
                call + " for the ring buffer fd " + ringFd + " failed with errno " + e.getErrorCode() + " ("
                        + e.getMessage() + "); check that the fd is an open BPF ring buffer map.",
                e);
    }

    @Override
    public boolean await(int timeoutMillis) {
        try {
            return EpollLibc.epoll_wait(epollFd, events, 1, timeoutMillis) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EpollLibc.EINTR) {
                return false;
            }
            throw new SchedcpException(
                    Kind.IO,
                    "epoll_wait on the ring buffer failed with errno " + e.getErrorCode() + " (" + e.getMessage()
                            + ").",
                    e);
        }
    }

    /** Closes the epoll fd; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(epollFd);
            events.close();
        }
    }

    private static void closeQuietly(int fd) {
        try {
            EpollLibc.close(fd);
        } catch (LastErrorException e) {
            // Nothing to do: the fd goes with the process.
        }
    }
}
