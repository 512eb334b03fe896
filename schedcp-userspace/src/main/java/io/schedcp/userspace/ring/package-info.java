/**
 * The two rings of scx_userspace mapped into the JVM and read and written in place: the {@code queued}
 * BPF_MAP_TYPE_RINGBUF that brings tasks ({@link io.schedcp.userspace.ring.RingBufferConsumer},
 * {@link io.schedcp.userspace.ring.TaskRecordView}) and the {@code dispatched} BPF_MAP_TYPE_USER_RINGBUF that
 * takes decisions back ({@link io.schedcp.userspace.ring.UserRingBufferProducer},
 * {@link io.schedcp.userspace.ring.DispatchRecords}). The same code runs over the kernel's memory
 * ({@link io.schedcp.userspace.ring.MappedRing}) and over direct buffers laid out alike
 * ({@link io.schedcp.userspace.ring.InMemoryRings}); neither allocates nor calls native code per record.
 */
package io.schedcp.userspace.ring;
