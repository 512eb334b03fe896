package io.schedcp.core.manager;

import io.schedcp.api.ExitInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of an execution, for display and for scripts.
 *
 * @param id         the execution id
 * @param scheduler  the qualified scheduler name, such as {@code scx:scx_simple}
 * @param args       the arguments it was started with
 * @param pid        its process id, where it is a program
 * @param state      where it is in its life
 * @param startedAt  when it was started
 * @param uptime     how long it ran, or has run so far
 * @param lastOutput its last lines of output
 * @param exitInfo   how it ended, once it has
 * @param message    what ended it, in one sentence, once it has
 */
public record ExecutionStatus(
        String id,
        String scheduler,
        List<String> args,
        OptionalLong pid,
        ExecutionState state,
        Instant startedAt,
        Duration uptime,
        List<String> lastOutput,
        Optional<ExitInfo> exitInfo,
        Optional<String> message) {}
