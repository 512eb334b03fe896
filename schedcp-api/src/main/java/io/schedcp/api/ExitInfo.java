package io.schedcp.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a scheduler's program or loader ended.
 *
 * @param exitCode   the exit status, where there is one; 128+N after signal N
 * @param summary    one sentence on how it ended
 * @param lastOutput the last lines it printed, oldest first
 */
public record ExitInfo(OptionalInt exitCode, String summary, List<String> lastOutput) {

    public ExitInfo {
        exitCode = Objects.requireNonNullElse(exitCode, OptionalInt.empty());
        Objects.requireNonNull(summary, "summary");
        lastOutput = List.copyOf(Objects.requireNonNullElse(lastOutput, List.of()));
    }
}
