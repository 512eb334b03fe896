package io.schedcp.bpf.libbpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scx headers' {@code SCX_ENUM_INIT} does for a C loader: a sched_ext program reads kernel constants
 * such as {@code SCX_DSQ_LOCAL} from {@code const volatile} variables named {@code __SCX_DSQ_LOCAL}, which the
 * loader must fill from the running kernel's enums before load. Left at 0, a "local" dispatch goes to DSQ 0
 * and the kernel ejects the scheduler.
 */
public final class ScxEnums {

    private static final String PREFIX = "__SCX_";

    private ScxEnums() {}

    /**
     * Fills every {@code __SCX_*} variable of {@code object}'s .rodata that the kernel has an enumerator for;
     * returns the names filled. The object must be open and not yet loaded.
     */
    public static List<String> apply(BpfObject object) {
        if (object.maps().stream().noneMatch(m -> m.name().endsWith(".rodata"))) {
            return List.of();
        }
        GlobalData rodata = object.globals(".rodata");
        List<GlobalVariable> wanted = rodata.variables().stream()
                .filter(v -> v.name().startsWith(PREFIX) && v.size() == Long.BYTES)
                .toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Long> kernel = KernelEnums.read(name -> name.startsWith("SCX_"));
        List<String> filled = new ArrayList<>();
        for (GlobalVariable variable : wanted) {
            Long value = kernel.get(variable.name().substring(2));
            if (value == null) {
                continue;
            }
            byte[] bytes = ByteBuffer.allocate(variable.size())
                    .order(ByteOrder.nativeOrder())
                    .putLong(0, value)
                    .array();
            rodata.write(variable.name(), bytes);
            filled.add(variable.name());
        }
        return filled;
    }
}
