package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Locale;

/** Where a verification runs: the host's kernel, a lab guest's, or whichever has sched_ext. */
public enum VerifyWhere {
    AUTO,
    HOST,
    LAB;

    public static VerifyWhere parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "'" + text + "' is not a place to verify: use host, lab " + "or auto");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
