package io.schedcp.userspace.control;

import java.nio.file.Path;

/**
 * Where a running scx_userspace's agent listens by default: a Unix socket in the schedcp home, so that the CLI,
 * the MCP server and the agent find the same one.
 */
public final class PolicySocket {

    public static final String FILE_NAME = "userspace.sock";

    private PolicySocket() {}

    public static Path in(Path home) {
        return home.resolve(FILE_NAME);
    }
}
