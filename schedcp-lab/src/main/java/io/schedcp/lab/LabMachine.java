package io.schedcp.lab;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.ConfigVariable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated machine a lab guest runs on: QEMU's accelerator and CPU model, and the QEMU binary when it
 * is not the one {@code bpf/setup.sh} recorded. The defaults are the configuration that did not crash in the
 * soak boots of docs/lab.md; the {@code SCHEDCP_LAB_*} variables override them, for such soaks.
 *
 * @param accel QEMU's {@code -accel} value
 * @param cpu   QEMU's {@code -cpu} value
 * @param qemu  a QEMU binary to use instead of the toolchain's
 */
public record LabMachine(String accel, String cpu, Optional<Path> qemu) {

    public static final String DEFAULT_ACCEL = "tcg,thread=single";
    public static final String DEFAULT_CPU = "max";

    public LabMachine {
        accel = requireWord(accel, ConfigVariable.LAB_ACCEL.variable());
        cpu = requireWord(cpu, ConfigVariable.LAB_CPU.variable());
    }

    public static LabMachine defaults() {
        return new LabMachine(DEFAULT_ACCEL, DEFAULT_CPU, Optional.empty());
    }

    /** The defaults with {@code SCHEDCP_LAB_ACCEL}, {@code SCHEDCP_LAB_CPU} and {@code SCHEDCP_LAB_QEMU} applied. */
    public static LabMachine fromEnvironment(Map<String, String> env) {
        return new LabMachine(
                value(env, ConfigVariable.LAB_ACCEL).orElse(DEFAULT_ACCEL),
                value(env, ConfigVariable.LAB_CPU).orElse(DEFAULT_CPU),
                value(env, ConfigVariable.LAB_QEMU).map(Path::of));
    }

    private static Optional<String> value(Map<String, String> env, ConfigVariable variable) {
        return Optional.ofNullable(env.get(variable.variable()))
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static String requireWord(String value, String variable) {
        if (value == null || !value.matches("[A-Za-z0-9_.,=+-]+")) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    variable + " must be one QEMU option value such as " + "'tcg,thread=single' or 'max', not '" + value
                            + "'; unset it for the default");
        }
        return value;
    }

    /** How a boot line names this machine, e.g. {@code tcg,thread=single -cpu max}. */
    public String describe() {
        return accel + " -cpu " + cpu + qemu.map(q -> " (" + q + ")").orElse("");
    }
}
