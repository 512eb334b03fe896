package io.schedcp.core.manager;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.spi.StopSignal;
import java.util.List;
import java.util.Optional;

/**
 * How a stop went.
 *
 * @param signals what was sent, in order
 * @param exitInfo how the scheduler's program ended
 * @param kernel   the kernel's state after the stop
 * @param summary  one sentence for the user
 */
public record StopResult(List<StopSignal> signals, Optional<ExitInfo> exitInfo, SchedExtState kernel, String summary) {}
