package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Custom schedulers wired for a front end from the configuration: the store in the schedcp home, the
 * compiler and the lab from the toolchain {@code bpf/setup.sh} made, the host's privilege rules.
 */
public final class CustomTools {

    private final CustomSchedulers schedulers;
    private final CustomVerifier verifier;

    private CustomTools(CustomSchedulers schedulers, CustomVerifier verifier) {
        this.schedulers = schedulers;
        this.verifier = verifier;
    }

    public static CustomTools of(SchedcpConfig config) {
        Path cache = LabToolchain.cacheDirectory(config.environment(), Path.of(System.getProperty("user.home")));
        Optional<LabToolchain> toolchain = LabToolchain.load(cache);
        CustomStore store = new CustomStore(config.home());
        CustomSchedulers schedulers = new CustomSchedulers(
                store,
                () -> BpfCompiler.of(toolchain),
                toolchain.map(LabToolchain::kernelVersion).orElse(""));
        CustomVerifier verifier = new CustomVerifier(
                store,
                new SchedExtReader(config.schedExtDirectory()),
                new PrivilegedLauncher(Privilege.detect(config.environment())),
                () -> new Lab(
                        toolchain.orElseThrow(() -> new SchedcpException(
                                Kind.UNAVAILABLE,
                                "the kernel lab is not set up (" + LabToolchain.manifestIn(cache) + " is missing): run "
                                        + "bpf/setup.sh, see docs/lab.md")),
                        cache));
        return new CustomTools(schedulers, verifier);
    }

    public CustomSchedulers schedulers() {
        return schedulers;
    }

    public CustomVerifier verifier() {
        return verifier;
    }
}
