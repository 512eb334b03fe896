package io.schedcp.slo.control;

import java.nio.file.Path;

/**
 * Where a running scx_slo's agent listens: a Unix socket in the schedcp home, so that the CLI, the MCP server
 * and the agent find the same one.
 */
public final class SloSocket {

    public static final String FILE_NAME = "slo.sock";

    private SloSocket() {}

    public static Path in(Path home) {
        return home.resolve(FILE_NAME);
    }
}
