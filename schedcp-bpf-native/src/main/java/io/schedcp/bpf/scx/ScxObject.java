package io.schedcp.bpf.scx;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.libbpf.BpfMap;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.GlobalData;
import io.schedcp.bpf.libbpf.ScxEnums;
import io.schedcp.bpf.libbpf.StructOpsLink;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sched_ext scheduler's BPF object driven from Java, doing what the scx headers' {@code SCX_OPS_OPEN},
 * {@code SCX_OPS_LOAD} and {@code SCX_OPS_ATTACH} do for a C loader: open, fill the scx enums from the
 * running kernel, load, attach the {@code sched_ext_ops} map, and read the exit record when the kernel
 * disables the scheduler. Closing detaches the scheduler and releases the object.
 */
public final class ScxObject implements AutoCloseable {

    private static final String STRUCT_OPS = "struct_ops";

    private final BpfObject object;
    private final BpfMap opsMap;
    private StructOpsLink link;
    private GlobalData data;

    private ScxObject(BpfObject object) {
        this.object = object;
        List<BpfMap> ops = object.maps().stream()
                .filter(m -> STRUCT_OPS.equals(m.typeName()))
                .toList();
        if (ops.isEmpty()) {
            object.close();
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "BPF object '" + object.name() + "' has no struct_ops "
                            + "map, so it is not a sched_ext scheduler; define one with SCX_OPS_DEFINE(name_ops, ...)");
        }
        this.opsMap = ops.get(0);
    }

    /** Opens {@code file}, finds its struct_ops map and fills the scx enums; nothing reaches the kernel yet. */
    public static ScxObject open(Path file) {
        BpfObject object = BpfObject.open(file);
        ScxObject scx = new ScxObject(object);
        try {
            ScxEnums.apply(object);
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
        return scx;
    }

    /**
     * The BPF object itself, for a loader that sets options in its data sections before {@link #load()} and
     * reads and writes its maps after: the SLO agent's {@code cfg_map}, {@code stats} and {@code events}.
     */
    public BpfObject bpf() {
        return object;
    }

    /** The name of the {@code sched_ext_ops} map, such as {@code simple_ops}. */
    public String opsMapName() {
        return opsMap.name();
    }

    /** Loads the programs; a verifier rejection fails with a {@link io.schedcp.bpf.libbpf.BpfLoadException}. */
    public void load() {
        object.load();
    }

    /** Hands the scheduler to the kernel, which enables it for all tasks (or those it was told to take). */
    public void attach() {
        if (link != null) {
            throw new IllegalStateException("scheduler " + opsMap.name() + " is attached already");
        }
        link = object.attachStructOps(opsMap.name());
    }

    public boolean isAttached() {
        return link != null && link.isAttached();
    }

    /**
     * What the scheduler's {@code ops.exit} recorded with {@code UEI_RECORD}, read from its {@code .data};
     * empty when it declares no {@code uei} (then only the kernel log says why it was disabled).
     */
    public Optional<UserExitInfo> exitInfo() {
        if (!object.isLoaded() || object.findMap(".data").isEmpty()) {
            return Optional.empty();
        }
        if (data == null) {
            data = object.globals(".data");
        }
        return UserExitInfo.read(data);
    }

    /** Detaches the scheduler: the kernel goes back to its default scheduler. Detaching twice does nothing. */
    public void detach() {
        if (link != null) {
            link.close();
        }
    }

    @Override
    public void close() {
        object.close();
    }
}
