package io.schedcp.daemon.mode;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's modes: which scheduler each runs now (auto asks the history), whether it can run here, and
 * running one through the {@link Supervisor}, which then restarts it as it would any scheduler. A mode stays
 * active until another run or stop request replaces it, or its scheduler is given up on.
 */
public final class DaemonModes {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonModes.class);

    private final SchedulerManager manager;
    private final Supervisor supervisor;
    private final ModeTable table;
    private final WorkloadStore history;
    private volatile Optional<Active> last = Optional.empty();

    /**
     * A mode that was run, and the number of the supervisor's request that runs it.
     *
     * @param choice what it runs, and why
     * @param request the run request's number
     */
    public record Active(ModeChoice choice, long request) {}

    /** What a run of a mode started: the choice, and the supervisor's answer to follow it by. */
    public record Started(ModeChoice choice, Supervisor.Accepted accepted) {}

    public DaemonModes(SchedulerManager manager, Supervisor supervisor, ModeTable table, WorkloadStore history) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.table = Objects.requireNonNull(table, "table");
        this.history = Objects.requireNonNull(history, "history");
    }

    public ModeTable table() {
        return table;
    }

    /**
     * What {@code mode} runs now, and why; for auto, the history's favourite or else its entry in the table.
     * Whether it can run here is {@link #availability}'s to say.
     */
    public ModeChoice choice(Mode mode) {
        ModeSetting setting = table.setting(mode);
        String origin = setting.fromConfig() ? "the daemon's config" : "the built-in default";
        String source = setting.fromConfig() ? ModeChoice.CONFIG : ModeChoice.BUILT_IN;
        if (mode != Mode.AUTO) {
            return new ModeChoice(
                    mode,
                    setting.scheduler(),
                    setting.args(),
                    source,
                    mode.id() + " runs " + setting.commandLine() + " (" + origin + ")");
        }
        String why;
        try {
            Optional<ModeChoice> measured = AutoChoice.fromHistory(manager.list(), history);
            if (measured.isPresent()) {
                return measured.get();
            }
            why = "no workload on this host has measured a scheduler that can run here";
        } catch (SchedcpException e) {
            why = "the history could not be read (" + e.getMessage() + ")";
        }
        return new ModeChoice(
                mode,
                setting.scheduler(),
                setting.args(),
                source,
                why + ", so auto runs " + setting.commandLine() + " (" + origin + ")");
    }

    /** Whether the scheduler of {@code choice} can run here: unavailable, with the reason, when it is not listed. */
    public Availability availability(ModeChoice choice) {
        return manager.find(choice.scheduler())
                .map(SchedulerEntry::availability)
                .orElseGet(
                        () -> Availability.unavailable("no provider offers a scheduler named " + choice.scheduler()));
    }

    /**
     * What {@code mode} runs now, when it can run here.
     *
     * @throws SchedcpException UNAVAILABLE when its scheduler cannot run here, with the reason
     */
    public ModeChoice require(Mode mode) {
        ModeChoice choice = choice(mode);
        if (availability(choice) instanceof Availability.Unavailable u) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    "mode " + mode.id() + " runs " + choice.scheduler() + ", which cannot run here: " + u.reason()
                            + "; install it, or give mode " + mode.id() + " another scheduler under modes: in the"
                            + " daemon's config");
        }
        return choice;
    }

    /**
     * Runs {@code mode}'s scheduler in place of the daemon's current one; answers at once, as
     * {@link Supervisor#run} does.
     *
     * @param replaceForeign whether a scheduler that another program runs may be stopped for it
     * @throws SchedcpException UNAVAILABLE when its scheduler cannot run here
     */
    public Started run(Mode mode, boolean replaceForeign) {
        ModeChoice choice = require(mode);
        Supervisor.Accepted accepted = supervisor.run(choice.scheduler(), choice.args(), replaceForeign);
        last = Optional.of(new Active(choice, accepted.request()));
        LOG.info("mode {}: {}", mode.id(), choice.reason());
        return new Started(choice, accepted);
    }

    /**
     * The mode the daemon runs: the last one run, while no later request replaced it and its scheduler was not
     * given up on or stopped.
     */
    public Optional<Active> active() {
        Optional<Active> active = last;
        if (active.isEmpty() || supervisor.lastRequest() != active.get().request()) {
            return Optional.empty();
        }
        SupervisorStatus status = supervisor.status();
        boolean over = status.request() == active.get().request()
                && (status.phase() == Phase.GAVE_UP || status.phase() == Phase.IDLE);
        return over ? Optional.empty() : active;
    }
}
