/**
 * libbpf from Java, through JNA: {@link io.schedcp.bpf.libbpf.BpfObject} opens and loads a compiled BPF
 * object and owns what is made from it: {@link io.schedcp.bpf.libbpf.BpfMap} views of its maps,
 * {@link io.schedcp.bpf.libbpf.GlobalData} for its {@code .bss}/{@code .data}/{@code .rodata} variables,
 * {@link io.schedcp.bpf.libbpf.RingBufferReader} and {@link io.schedcp.bpf.libbpf.UserRingBufferWriter}
 * for its ring buffers, and {@link io.schedcp.bpf.libbpf.StructOpsLink} for an attached sched_ext scheduler.
 * Each is {@link java.lang.AutoCloseable}. libbpf's messages go to SLF4J; a load the verifier rejects fails
 * with a {@link io.schedcp.bpf.libbpf.BpfLoadException} that says why.
 */
package io.schedcp.bpf.libbpf;
