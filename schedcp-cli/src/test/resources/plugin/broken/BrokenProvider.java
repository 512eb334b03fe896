package com.example.broken;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import java.util.List;

/** A provider that fails in its constructor, as one with a missing file or a bad configuration might. */
public final class BrokenProvider implements SchedulerProvider {

    public BrokenProvider() {
        throw new IllegalStateException("the broken plugin fails on purpose");
    }

    @Override
    public String id() {
        return "broken";
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return List.of();
    }

    @Override
    public Availability availability(String schedulerName) {
        return Availability.unavailable("the broken plugin never loads");
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        throw new UnsupportedOperationException("the broken plugin never loads");
    }
}
