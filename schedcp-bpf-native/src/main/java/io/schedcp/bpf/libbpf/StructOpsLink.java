package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attached struct_ops map, for sched_ext a running scheduler: the kernel runs it until {@link #close()}
 * detaches it. A link never closed is detached when the JVM exits ({@link ShutdownDetacher}), and with its
 * object when that closes.
 */
public final class StructOpsLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StructOpsLink.class);

    private final BpfObject owner;
    private final String mapName;
    private final String subject;
    private final ShutdownDetacher detacher;
    private final AtomicReference<Pointer> link;

    private StructOpsLink(BpfMap map, Pointer link, ShutdownDetacher detacher) {
        this.owner = map.owner();
        this.mapName = map.name();
        this.subject = map.subject();
        this.detacher = detacher;
        this.link = new AtomicReference<>(link);
    }

    /** Attaches the struct_ops map {@code map}, whose object must be loaded. */
    public static StructOpsLink attach(BpfMap map) {
        map.requireType(BpfMap.TYPE_STRUCT_OPS, "attaching struct_ops");
        map.owner().requireLoaded("attach map '" + map.name() + "'");
        Pointer link = map.owner().libbpf().bpf_map__attach_struct_ops(map.handle());
        if (link == null) {
            throw NativeErrors.failure(
                    "bpf_map__attach_struct_ops", map.subject(), NativeErrors.lastErrno(), Kind.START_FAILED);
        }
        StructOpsLink attached = new StructOpsLink(map, link, ShutdownDetacher.JVM);
        ShutdownDetacher.JVM.register(attached);
        map.owner().adopt(attached);
        LOG.info("attached struct_ops {}", attached.subject);
        return attached;
    }

    /** The struct_ops map's name, for sched_ext the scheduler's ops variable. */
    public String mapName() {
        return mapName;
    }

    public boolean isAttached() {
        return link.get() != null;
    }

    /** Detaches; closing twice does nothing. */
    @Override
    public void close() {
        Pointer attached = link.getAndSet(null);
        if (attached == null) {
            return;
        }
        int result = owner.libbpf().bpf_link__destroy(attached);
        detacher.unregister(this);
        owner.release(this);
        if (result < 0) {
            throw new SchedcpException(
                    Kind.STOP_FAILED,
                    NativeErrors.message("bpf_link__destroy", "the struct_ops link of " + subject, result));
        }
        LOG.info("detached struct_ops {}", subject);
    }

    @Override
    public String toString() {
        return "struct_ops link of " + subject;
    }
}
