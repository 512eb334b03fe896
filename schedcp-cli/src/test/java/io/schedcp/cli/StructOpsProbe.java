package io.schedcp.cli;

import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.ScxEnums;
import io.schedcp.bpf.libbpf.StructOpsLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run inside the lab guest by LabIT: the JVM as the loader of a sched_ext scheduler. Opens a scheduler's BPF
 * object, fills its scx enums from the kernel, loads it, attaches its struct_ops map and prints what the
 * kernel reports while it runs and after it is detached.
 *   StructOpsProbe OBJECT.bpf.o OPS_MAP
 */
public final class StructOpsProbe {

    private static final Path SCHED_EXT = Path.of("/sys/kernel/sched_ext");

    private StructOpsProbe() {}

    public static void main(String[] args) throws Exception {
        try (BpfObject bpf = BpfObject.open(Path.of(args[0]))) {
            System.out.println("probe filled " + ScxEnums.apply(bpf).size() + " scx enums");
            bpf.load();
            StructOpsLink link = bpf.attachStructOps(args[1]);
            System.out.println("probe attached state=" + read("state") + " ops=" + read("root/ops"));
            Thread.sleep(2000);
            System.out.println("probe after 2 s state=" + read("state") + " ops=" + read("root/ops"));
            link.close();
        }
        System.out.println("probe detached state=" + read("state"));
    }

    private static String read(String name) {
        try {
            return Files.readString(SCHED_EXT.resolve(name)).strip();
        } catch (IOException e) {
            return "none";
        }
    }
}
