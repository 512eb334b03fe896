package io.schedcp.bpf.libbpf;

/**
 * A global variable of a BPF program, where its data section holds it.
 *
 * @param name   its C name
 * @param offset its offset in the section, in bytes
 * @param size   its size, in bytes
 */
public record GlobalVariable(String name, int offset, int size) {}
