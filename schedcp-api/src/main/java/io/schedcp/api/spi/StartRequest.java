package io.schedcp.api.spi;

import io.schedcp.api.SchedulerDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * What to start.
 *
 * @param scheduler the descriptor, as the provider listed it
 * @param args      extra command-line arguments for the scheduler
 */
public record StartRequest(SchedulerDescriptor scheduler, List<String> args) {

    public StartRequest {
        Objects.requireNonNull(scheduler, "scheduler");
        args = List.copyOf(Objects.requireNonNullElse(args, List.of()));
    }
}
