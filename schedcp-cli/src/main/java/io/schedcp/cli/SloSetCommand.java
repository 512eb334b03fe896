package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.config.SloLimits;
import io.schedcp.slo.control.GroupChange;
import java.math.BigDecimal;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code schedcp slo set CGROUP}: one group's budget, importance or CPU cap, changed while scx_slo runs. */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Change one group of a running scx_slo at once, without a restart.",
            "The options given are set and the others kept; a cgroup the config does not",
            "name becomes a new group, which needs --budget-ms. The change holds until the",
            "config file is edited again, which then applies the file as written.",
            "It asks the scx_slo that another process runs with",
            "'schedcp run scx_slo -- --config FILE', and starts nothing.",
            "Example: schedcp slo set lat --budget-ms 1.5 --importance 10"
        },
        footer = SloCommand.EXIT_CODES)
final class SloSetCommand implements Callable<Integer> {

    @ParentCommand
    private SloCommand slo;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SloSocketOption socket;

    @Parameters(
            index = "0",
            paramLabel = "CGROUP",
            description = "The cgroup as the config names it: absolute under the cgroup2 mount, or relative to it.")
    private String cgroup;

    @Option(
            names = "--budget-ms",
            paramLabel = "MS",
            description = "How soon after waking its tasks must run, in ms; decimals allowed (from 0.01 to 10000).")
    private BigDecimal budgetMs;

    @Option(
            names = "--importance",
            paramLabel = "N",
            description = "Which group runs first between close deadlines, from " + SloLimits.MIN_IMPORTANCE + " to "
                    + SloLimits.MAX_IMPORTANCE + ".")
    private Integer importance;

    @Option(
            names = "--max-cpu-pct",
            paramLabel = "PCT",
            description = "The group's most share of all CPUs, from " + SloLimits.MIN_MAX_CPU_PCT + " to "
                    + SloLimits.MAX_MAX_CPU_PCT + " (100: no cap).")
    private Integer maxCpuPct;

    @Option(names = "--json", description = "Print the group as now applied as JSON for scripts.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = slo.context();
        GroupChange change = change();
        SloGroup applied = socket.control(context).set(change);
        if (json) {
            context.json(applied);
        } else {
            context.out().println(SloText.group(applied));
        }
        return ExitCodes.OK;
    }

    /** The change the options ask for, every value checked before anything is connected. */
    private GroupChange change() {
        if (budgetMs == null && importance == null && maxCpuPct == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "schedcp slo set needs at least one of --budget-ms, --importance and --max-cpu-pct; for "
                            + "example: schedcp slo set " + cgroup + " --budget-ms 2");
        }
        if (cgroup.isBlank()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "CGROUP is blank; give the cgroup as the config names it, such as lat");
        }
        return new GroupChange(
                cgroup,
                budgetMs == null ? OptionalLong.empty() : OptionalLong.of(budgetNs(budgetMs)),
                importance == null
                        ? OptionalInt.empty()
                        : OptionalInt.of(
                                within("--importance", importance, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE)),
                maxCpuPct == null
                        ? OptionalInt.empty()
                        : OptionalInt.of(within(
                                "--max-cpu-pct", maxCpuPct, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT)));
    }

    /** {@code ms} in whole nanoseconds (1.5 is 1500000), if within the budget's range. */
    static long budgetNs(BigDecimal ms) {
        return SloLimits.budgetNs(ms)
                .orElseThrow(() -> new SchedcpException(
                        Kind.INVALID_INPUT,
                        "--budget-ms " + ms.toPlainString() + " is out of range: give a budget from "
                                + SloLimits.budgetRangeMs()));
    }

    private static int within(String option, int value, int min, int max) {
        if (!SloLimits.within(value, min, max)) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    option + " " + value + " is out of range: give " + option + " a value from " + min + " to " + max);
        }
        return value;
    }
}
