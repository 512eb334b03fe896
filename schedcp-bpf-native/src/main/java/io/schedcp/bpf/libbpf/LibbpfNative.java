package io.schedcp.bpf.libbpf;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/**
 * The libbpf 1.x C API this module uses, as JNA maps it. Functions that return a pointer return
 * {@code null} and set errno on failure; functions that return an int return a negative errno. Option
 * structs are laid out by hand ({@link NativeStructs}) rather than as JNA Structures, so no field of
 * this module is read by reflection. {@code size_t} is a Java {@code long}: only 64-bit hosts are
 * supported ({@link Libbpf}).
 */
interface LibbpfNative extends Library {

    /** {@code libbpf_print_fn_t}: {@code int (*)(enum libbpf_print_level, const char *, va_list)}. */
    interface PrintFn extends Callback {
        int invoke(int level, Pointer format, Pointer args);
    }

    /** {@code ring_buffer_sample_fn}: {@code int (*)(void *ctx, void *data, size_t size)}. */
    interface SampleFn extends Callback {
        int invoke(Pointer context, Pointer data, long size);
    }

    String libbpf_version_string();

    Pointer libbpf_set_print(PrintFn fn);

    int libbpf_strerror(int err, byte[] buf, long size);

    int libbpf_num_possible_cpus();

    String libbpf_bpf_map_type_str(int type);

    // objects

    Pointer bpf_object__open_file(String path, Pointer opts);

    Pointer bpf_object__open_mem(Pointer buffer, long size, Pointer opts);

    int bpf_object__load(Pointer object);

    void bpf_object__close(Pointer object);

    String bpf_object__name(Pointer object);

    Pointer bpf_object__btf(Pointer object);

    Pointer bpf_object__find_map_by_name(Pointer object, String name);

    Pointer bpf_object__next_map(Pointer object, Pointer previous);

    Pointer bpf_object__find_program_by_name(Pointer object, String name);

    Pointer bpf_object__next_program(Pointer object, Pointer previous);

    // programs

    String bpf_program__name(Pointer program);

    int bpf_program__fd(Pointer program);

    int bpf_prog_test_run_opts(int programFd, Pointer opts);

    // maps

    String bpf_map__name(Pointer map);

    int bpf_map__fd(Pointer map);

    int bpf_map__type(Pointer map);

    int bpf_map__key_size(Pointer map);

    int bpf_map__value_size(Pointer map);

    int bpf_map__max_entries(Pointer map);

    int bpf_map__map_flags(Pointer map);

    Pointer bpf_map__initial_value(Pointer map, LongByReference size);

    int bpf_map_lookup_elem(int fd, Pointer key, Pointer value);

    int bpf_map_update_elem(int fd, Pointer key, Pointer value, long flags);

    int bpf_map_delete_elem(int fd, Pointer key);

    int bpf_map_get_next_key(int fd, Pointer key, Pointer nextKey);

    // links

    Pointer bpf_map__attach_struct_ops(Pointer map);

    int bpf_link__destroy(Pointer link);

    // ring buffers

    Pointer ring_buffer__new(int mapFd, SampleFn callback, Pointer context, Pointer opts);

    int ring_buffer__poll(Pointer ringBuffer, int timeoutMs);

    int ring_buffer__consume(Pointer ringBuffer);

    void ring_buffer__free(Pointer ringBuffer);

    Pointer user_ring_buffer__new(int mapFd, Pointer opts);

    Pointer user_ring_buffer__reserve(Pointer ringBuffer, int size);

    void user_ring_buffer__submit(Pointer ringBuffer, Pointer sample);

    void user_ring_buffer__discard(Pointer ringBuffer, Pointer sample);

    void user_ring_buffer__free(Pointer ringBuffer);

    // BTF, to find global variables in their data sections

    int btf__find_by_name_kind(Pointer btf, String name, int kind);

    Pointer btf__type_by_id(Pointer btf, int id);

    Pointer btf__load_vmlinux_btf();

    int btf__type_cnt(Pointer btf);

    void btf__free(Pointer btf);

    String btf__name_by_offset(Pointer btf, int offset);
}
