package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The running kernel's enumerators, read from its BTF ({@code /sys/kernel/btf/vmlinux}): the values a BPF
 * program compiled elsewhere must be told at load time, because they differ between kernel versions.
 */
public final class KernelEnums {

    private static final int BTF_KIND_ENUM = 6;
    private static final int BTF_KIND_ENUM64 = 19;
    /** {@code struct btf_type} is name_off, info, size; {@code btf_enum} adds name_off and a 32-bit value. */
    private static final int TYPE_HEADER_SIZE = 12;

    private static final int ENUM_SIZE = 8;
    private static final int ENUM64_SIZE = 12;

    private KernelEnums() {}

    /** Every enumerator whose name passes {@code wanted}, with its value. */
    public static Map<String, Long> read(Predicate<String> wanted) {
        LibbpfNative libbpf = Libbpf.lib();
        Pointer btf = libbpf.btf__load_vmlinux_btf();
        if (btf == null) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    "cannot read the kernel's BTF (/sys/kernel/btf/vmlinux): "
                            + "the kernel needs CONFIG_DEBUG_INFO_BTF=y");
        }
        try {
            Map<String, Long> values = new HashMap<>();
            int count = libbpf.btf__type_cnt(btf);
            for (int id = 1; id < count; id++) {
                Pointer type = libbpf.btf__type_by_id(btf, id);
                int info = type.getInt(4);
                int kind = (info >>> 24) & 0x1f;
                if (kind != BTF_KIND_ENUM && kind != BTF_KIND_ENUM64) {
                    continue;
                }
                int members = info & 0xffff;
                boolean signed = info < 0;
                for (int i = 0; i < members; i++) {
                    if (kind == BTF_KIND_ENUM) {
                        long at = TYPE_HEADER_SIZE + (long) i * ENUM_SIZE;
                        String name = libbpf.btf__name_by_offset(btf, type.getInt(at));
                        if (wanted.test(name)) {
                            int raw = type.getInt(at + 4);
                            values.put(name, signed ? raw : Integer.toUnsignedLong(raw));
                        }
                    } else {
                        long at = TYPE_HEADER_SIZE + (long) i * ENUM64_SIZE;
                        String name = libbpf.btf__name_by_offset(btf, type.getInt(at));
                        if (wanted.test(name)) {
                            long low = Integer.toUnsignedLong(type.getInt(at + 4));
                            long high = Integer.toUnsignedLong(type.getInt(at + 8));
                            values.put(name, high << 32 | low);
                        }
                    }
                }
            }
            return values;
        } finally {
            libbpf.btf__free(btf);
        }
    }
}
