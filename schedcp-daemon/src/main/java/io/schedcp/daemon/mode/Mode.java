package io.schedcp.daemon.mode;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The daemon's modes, as scx_loader has them: each names a scheduler and its flags in a {@link ModeTable}. */
public enum Mode {
    /** Whatever this host's measured history favours; a general default without one. */
    AUTO,
    /** Interactive frame pacing: the scheduler in its performance setting. */
    GAMING,
    /** Short slices and fast cores first, for latency-sensitive desktops and audio. */
    LOWLATENCY,
    /** Fewer, slower CPUs busy: the least energy. */
    POWERSAVE,
    /** Throughput and fairness across many tasks and cores. */
    SERVER;

    /** Its name in the config and the API: {@code gaming}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code auto, gaming, lowlatency, powersave, server}: for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", "));
    }

    /**
     * The mode named {@code id}, in any case.
     *
     * @throws SchedcpException INVALID_INPUT naming the modes there are
     */
    public static Mode of(String id) {
        for (Mode mode : values()) {
            if (mode.id().equalsIgnoreCase(id.strip())) {
                return mode;
            }
        }
        throw new SchedcpException(Kind.INVALID_INPUT, "no mode is named " + id + "; the modes are " + ids());
    }
}
