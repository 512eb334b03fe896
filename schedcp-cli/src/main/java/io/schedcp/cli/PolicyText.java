package io.schedcp.cli;

import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.policy.PolicyInfo;
import io.schedcp.userspace.stats.UserspaceCounters;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.TaskMatch;
import java.util.List;
import java.util.Locale;

/** How the policy commands print a status, strategies and policies for a person. */
final class PolicyText {

    private PolicyText() {}

    static String status(PolicyStatus status) {
        UserspaceCounters c = status.counters();
        LoopStats loop = status.loop();
        StringBuilder text = new StringBuilder();
        text.append("policy: ").append(status.policy()).append('\n');
        text.append("bpf: queued=")
                .append(c.queued())
                .append(" user_dispatched=")
                .append(c.userDispatched())
                .append(" fallback=")
                .append(c.fallback())
                .append(" cancelled=")
                .append(c.cancelled())
                .append(" failed=")
                .append(c.failed())
                .append(" direct=")
                .append(c.direct())
                .append(" demoted=")
                .append(c.demoted())
                .append(" stalls=")
                .append(c.stalls())
                .append(" ring_full=")
                .append(c.ringFull())
                .append('\n');
        text.append("round trip (")
                .append(status.roundTrips())
                .append(" measured): p50 ")
                .append(micros(status.rttP50Ns()))
                .append(" us, p99 ")
                .append(micros(status.rttP99Ns()))
                .append(" us, p99.9 ")
                .append(micros(status.rttP999Ns()))
                .append(" us\n");
        text.append("loop: read=")
                .append(loop.tasksRead())
                .append(" dispatched=")
                .append(loop.dispatched())
                .append(" kept=")
                .append(loop.kept())
                .append(" ring_full=")
                .append(loop.ringFull())
                .append(" malformed=")
                .append(loop.malformed())
                .append('\n');
        return text.toString();
    }

    static String strategies(List<Strategy> strategies) {
        if (strategies.isEmpty()) {
            return "no strategies; add one with 'schedcp policy set ID --comm REGEX --priority'\n";
        }
        TextTable table = new TextTable("ID", "MATCH", "PRIORITY", "SLICE");
        for (Strategy s : strategies) {
            table.add(
                    s.id(),
                    match(s.match()),
                    s.priority() ? "yes" : "no",
                    s.sliceNs().isPresent() ? micros(s.sliceNs().getAsLong()) + " us" : "default");
        }
        return table.render();
    }

    static String policies(List<PolicyInfo> policies) {
        TextTable table = new TextTable("NAME", "ORIGIN", "DESCRIPTION");
        for (PolicyInfo p : policies) {
            table.add(p.name(), p.origin().name().toLowerCase(Locale.ROOT), p.description());
        }
        return table.render();
    }

    static String match(TaskMatch match) {
        if (match instanceof TaskMatch.ByPid pid) {
            return "pid " + pid.pid();
        }
        if (match instanceof TaskMatch.ByComm comm) {
            return "comm " + comm.regex();
        }
        return "cgroup /" + ((TaskMatch.ByCgroup) match).path();
    }

    private static String micros(long ns) {
        return ns % 1000 == 0 ? Long.toString(ns / 1000) : String.format(Locale.ROOT, "%.1f", ns / 1000.0);
    }
}
