package io.schedcp.cli;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.daemon.client.DaemonClient;
import io.schedcp.daemon.supervise.SupervisorStatus;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp status}: the kernel's sched_ext state and which scheduler runs; for scx_userspace, its own
 * statistics too, from its agent's socket.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show the kernel's sched_ext state and which scheduler, if any, it runs.",
            "When that is scx_userspace, also its policy, its counters and its round trip",
            "(the figures of 'schedcp policy status')."
        })
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    /** The shape of {@code --json}. */
    record Status(
            boolean supported,
            String state,
            String ops,
            List<String> matchingSchedulers,
            List<StructOpsOwners.Owner> programs,
            long enableSeq,
            long nrRejected,
            boolean switchAll,
            Map<String, Long> events,
            String message,
            PolicyStatus userspace,
            String userspaceUnavailable,
            SupervisorStatus daemon,
            String daemonUnavailable) {}

    @Override
    public Integer call() {
        CliContext context = root.context();
        SchedExtState state = context.manager().kernelState();
        List<String> matching = state.ops()
                .map(ops -> context.manager().list().stream()
                        .map(e -> e.descriptor())
                        .filter(d -> d.matchesKernelOps(ops))
                        .map(SchedulerDescriptor::qualifiedName)
                        .collect(Collectors.toList()))
                .orElse(List.of());
        List<StructOpsOwners.Owner> programs =
                state.isEnabled() ? context.manager().schedulerPrograms() : List.of();
        String message = state.supported() ? null : SchedExtReader.NO_SCHED_EXT_MESSAGE;
        Optional<PolicyStatus> userspace = Optional.empty();
        String userspaceUnavailable = null;
        if (state.isEnabled()
                && state.ops().filter(PolicyControl.OPS_NAME::equals).isPresent()) {
            try {
                userspace = Optional.of(context.policy(Optional.empty()).status());
            } catch (SchedcpException e) {
                userspaceUnavailable = e.getMessage();
            }
        }
        SupervisorStatus daemon = null;
        String daemonUnavailable = null;
        Optional<DaemonClient> client = context.daemon();
        if (client.isPresent()) {
            try (DaemonClient c = client.get()) {
                daemon = c.status();
            } catch (SchedcpException e) {
                daemonUnavailable = e.getMessage();
            }
        }
        if (json) {
            context.json(new Status(
                    state.supported(),
                    state.state(),
                    state.ops().orElse(null),
                    matching,
                    programs,
                    state.enableSeq(),
                    state.nrRejected(),
                    state.switchAll(),
                    state.events(),
                    message,
                    userspace.orElse(null),
                    userspaceUnavailable,
                    daemon,
                    daemonUnavailable));
            return ExitCodes.OK;
        }
        if (!state.supported()) {
            context.out().println("sched_ext: not supported by this kernel");
            context.out().println(message);
            return ExitCodes.OK;
        }
        context.out().println("sched_ext:   " + state.state());
        if (state.ops().isPresent()) {
            context.out()
                    .println("scheduler:   " + state.ops().get()
                            + (matching.isEmpty()
                                    ? " (not in the catalog)"
                                    : " (" + String.join(", ", matching) + ")"));
            programs.forEach(p -> context.out().println("program:     " + p.command() + " (pid " + p.pid() + ")"));
            context.out()
                    .println("switch_all:  " + (state.switchAll() ? "yes, every task" : "no, only SCHED_EXT tasks"));
        } else {
            context.out().println("scheduler:   none (the kernel's default scheduler runs every task)");
        }
        context.out().println("enable_seq:  " + state.enableSeq());
        context.out().println("nr_rejected: " + state.nrRejected());
        if (!state.events().isEmpty()) {
            context.out().println("events:");
            state.events().forEach((k, v) -> context.out().println("  " + k + " " + v));
        }
        if (daemon != null) {
            context.out().println("daemon:      " + DaemonText.status(daemon));
        } else if (daemonUnavailable != null) {
            context.out().println("daemon:      no answer (" + daemonUnavailable + ")");
        }
        if (userspace.isPresent()) {
            context.out().println("scx_userspace:");
            PolicyText.status(userspace.get())
                    .lines()
                    .forEach(line -> context.out().println("  " + line));
        } else if (userspaceUnavailable != null) {
            context.out().println("scx_userspace: no statistics (" + userspaceUnavailable + ")");
        }
        return ExitCodes.OK;
    }
}
