package io.schedcp.bpf.libbpf;

/** How {@link BpfMap#update} treats a key that is, or is not, already in the map. */
public enum UpdateFlag {
    /** Create the entry or replace it ({@code BPF_ANY}). */
    ANY(0),
    /** Create it only if the key is absent ({@code BPF_NOEXIST}); fails with EEXIST otherwise. */
    NO_EXIST(1),
    /** Replace it only if the key is present ({@code BPF_EXIST}); fails with ENOENT otherwise. */
    EXIST(2);

    final long bits;

    UpdateFlag(long bits) {
        this.bits = bits;
    }
}
