/**
 * The decision loop of scx_userspace: one thread reads the tasks BPF queued, asks the policy, writes the
 * decisions back ({@link io.schedcp.userspace.loop.DecisionLoop}), and sleeps in epoll only when there is
 * nothing to do ({@link io.schedcp.userspace.loop.EpollWaiter}). Nothing on the way allocates or calls native
 * code per task.
 */
package io.schedcp.userspace.loop;
