package io.schedcp.mcp.tools;

import io.schedcp.api.ExitInfo;
import java.util.Optional;

/** How a scheduler's program ended: its status, where there is one, and one sentence. */
record ExitView(Optional<Integer> exitCode, String summary) {

    static ExitView of(ExitInfo exit) {
        return new ExitView(
                exit.exitCode().isPresent() ? Optional.of(exit.exitCode().getAsInt()) : Optional.empty(),
                exit.summary());
    }
}
