package com.example.acme;

import io.schedcp.api.Availability;
import io.schedcp.api.ParameterType;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.TuningParameter;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import java.util.List;
import java.util.Optional;

/**
 * Acme's provider of one scheduler, acme_fifo. Its program is a shell script that plays a sched_ext scheduler
 * against the fake kernel directory that SCHEDCP_SCHED_EXT_DIR names, so it only runs where that is set.
 */
public final class AcmeProvider implements SchedulerProvider {

    private static final SchedulerDescriptor ACME_FIFO = new SchedulerDescriptor(
            "acme_fifo",
            "acme",
            "acme_fifo",
            false,
            "A first-in first-out scheduler from Acme, shipped as a schedcp plugin.",
            "One global queue: each task runs until it blocks or its slice ends, then goes to the back.",
            List.of("batch jobs", "testing schedcp plugins"),
            "Simple and predictable; no priorities.",
            List.of(new TuningParameter("--slice-us", Optional.of("-s"), ParameterType.INTEGER,
                    "How long a task may run before the next one gets the CPU, in microseconds.",
                    Optional.of("20000"), Optional.of("100..1000000"), List.of())),
            "Interactive tasks wait behind long-running ones.",
            "Low overhead; latency grows with the length of the queue.",
            new Requirements(Optional.of("6.12"), "any", false,
                    List.of("plays a scheduler against the fake sched_ext directory of SCHEDCP_SCHED_EXT_DIR")));

    /** Registers acme_fifo with the fake kernel, and detaches on SIGINT or SIGTERM as a real scheduler does. */
    private static final String FAKE_SCHEDULER = """
            dir="$SCHEDCP_SCHED_EXT_DIR"
            trap 'echo disabled > "$dir/state"; rm -f "$dir/root/ops"; echo "acme_fifo: detached"; exit 0' INT TERM
            mkdir -p "$dir/root"
            echo acme_fifo > "$dir/root/ops"
            echo "acme_fifo: attached"
            echo enabled > "$dir/state"
            while :; do sleep 0.1; done
            """;

    private ProviderContext context;

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return List.of(ACME_FIFO);
    }

    @Override
    public Availability availability(String schedulerName) {
        if (!context.environment().containsKey("SCHEDCP_SCHED_EXT_DIR")) {
            return Availability.unavailable("acme_fifo only plays a scheduler against a fake kernel; "
                    + "set SCHEDCP_SCHED_EXT_DIR to a fake sched_ext directory");
        }
        return Availability.available();
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        if (!request.scheduler().name().equals(ACME_FIFO.name())) {
            throw new SchedcpException(SchedcpException.Kind.NOT_FOUND,
                    "the acme provider has no scheduler " + request.scheduler().name());
        }
        return context.launcher().launch(
                ProcessLauncher.Spec.of(ACME_FIFO.name(), List.of("/bin/sh", "-c", FAKE_SCHEDULER)));
    }
}
