package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads where a data section's variables lie from the object's BTF: the section is a {@code BTF_KIND_DATASEC}
 * type whose members ({@code struct btf_var_secinfo}: type, offset, size) point at {@code BTF_KIND_VAR}
 * types that carry the names. libbpf has fixed the offsets up by the time the object is open.
 */
final class DataSectionLayout {

    private static final int BTF_KIND_DATASEC = 15;
    /** {@code struct btf_type}: name_off, info (vlen in its low 16 bits), size; then the members. */
    private static final int TYPE_HEADER_SIZE = 12;

    private static final int SECINFO_SIZE = 12;

    private DataSectionLayout() {}

    static List<GlobalVariable> variables(LibbpfNative libbpf, Pointer object, String section) {
        Pointer btf = libbpf.bpf_object__btf(object);
        if (btf == null) {
            return List.of();
        }
        int id = libbpf.btf__find_by_name_kind(btf, section, BTF_KIND_DATASEC);
        if (id < 0) {
            return List.of();
        }
        Pointer datasec = libbpf.btf__type_by_id(btf, id);
        int members = datasec.getInt(4) & 0xffff;
        List<GlobalVariable> variables = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            long at = TYPE_HEADER_SIZE + (long) i * SECINFO_SIZE;
            Pointer variable = libbpf.btf__type_by_id(btf, datasec.getInt(at));
            String name = libbpf.btf__name_by_offset(btf, variable.getInt(0));
            variables.add(new GlobalVariable(name, datasec.getInt(at + 4), datasec.getInt(at + 8)));
        }
        variables.sort(Comparator.comparingInt(GlobalVariable::offset));
        return List.copyOf(variables);
    }
}
