package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.store.TextInput;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JacksonException;

/** {@code schedcp workload add-history ID}: records a run of a scheduler under a workload. */
@Command(
        name = "add-history",
        mixinStandardHelpOptions = true,
        description = {
            "Record a run of a scheduler under a workload.",
            "It keeps what ran, how it went, and what was measured. Metrics are NAME=NUMBER, such as",
            "wall_time_s=81.2 or latency_p99_us=420."
        })
final class WorkloadAddHistoryCommand implements Callable<Integer> {

    /** A monitor's summary is some kilobytes, even with hundreds of CPUs; more is not a summary. */
    static final int MAX_SUMMARY_BYTES = 1 << 20;

    @ParentCommand
    private WorkloadCommand workload;

    @Parameters(index = "0", paramLabel = "ID", description = "The workload's id, such as w-1a2b3c4d.")
    private String id;

    @Option(names = "--scheduler", paramLabel = "S", required = true, description = "The scheduler that ran.")
    private String scheduler;

    @Option(names = "--result", paramLabel = "TEXT", required = true, description = "What happened, in words.")
    private String result;

    @Option(names = "--metric", paramLabel = "NAME=NUMBER", description = "A measurement (repeatable).")
    private List<String> metrics = new ArrayList<>();

    @Option(
            names = "--args",
            paramLabel = "TEXT",
            description = "The scheduler's arguments as one quoted word, split at spaces: --args=\"--slice-us 5000\".")
    private String args;

    @Option(names = "--execution-id", paramLabel = "ID", description = "The execution id schedcp gave the run.")
    private String executionId;

    @Option(
            names = "--started",
            paramLabel = "TIME",
            description = "When the run began, as 2026-11-22T10:15:00Z (default: now).")
    private String started;

    @Option(names = "--ended", paramLabel = "TIME", description = "When the run ended, as 2026-11-22T10:16:21Z.")
    private String ended;

    @Option(names = "--failed", paramLabel = "REASON", description = "The run failed, for this reason (default: ok).")
    private String failed;

    @Option(
            names = "--monitor-summary",
            paramLabel = "FILE",
            description = "A JSON file of the monitor's summary (schedcp monitor --json), at most 1 MiB.")
    private Path monitorSummary;

    @Option(names = "--json", description = "Print the recorded run as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = workload.context();
        RunRecord run = new RunRecord(
                scheduler,
                args == null || args.isBlank()
                        ? List.of()
                        : Arrays.asList(args.strip().split("\\s+")),
                Optional.ofNullable(executionId),
                started == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : time("--started", started),
                Optional.ofNullable(ended).map(t -> time("--ended", t)),
                Optional.ofNullable(monitorSummary).map(WorkloadAddHistoryCommand::readSummary),
                result,
                parseMetrics(metrics),
                failed == null ? RunOutcome.ok() : RunOutcome.failed(failed));
        return workload.withStore(store -> {
            HistoryEntry entry = store.addHistory(id, run);
            if (json) {
                context.json(entry);
            } else {
                context.out()
                        .println("recorded " + entry.id() + " for " + id.strip() + ": " + run.scheduler() + ", "
                                + WorkloadText.outcome(run.outcome()));
            }
            return ExitCodes.OK;
        });
    }

    /** {@code NAME=NUMBER} pairs, in the order given. */
    static Map<String, Double> parseMetrics(List<String> pairs) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "--metric " + pair + " is not NAME=NUMBER; give it " + "as, for example, wall_time_s=81.2");
            }
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            String earlier = given.putIfAbsent(name, pair);
            if (earlier != null) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "--metric " + name + " is given twice (" + earlier + " and " + pair
                                + "); give each metric once");
            }
            try {
                // BigDecimal reads plain decimal numbers only: no NaN, Infinity, hex or 1d.
                parsed.put(name, new BigDecimal(value).doubleValue());
            } catch (NumberFormatException e) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "--metric " + pair + ": '" + value + "' is not a " + "number; give NAME=NUMBER, such as " + name
                                + "=81.2");
            }
        }
        return parsed;
    }

    private static Instant time(String option, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    option + " '" + text + "' is not a time; give it in UTC " + "as 2026-11-22T10:15:00Z");
        }
    }

    private static MonitorSummary readSummary(Path file) {
        String text = TextInput.read(file, "monitor summary", MAX_SUMMARY_BYTES);
        try {
            SchedcpJson.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "the monitor summary " + file + " is not JSON: " + e.getOriginalMessage());
        }
        try {
            // Fields a newer schedcp's monitor adds are read past, as the workload store reads past them.
            return SchedcpJson.mapper().readValue(text, MonitorSummary.class);
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "the monitor summary " + file + " is not a summary of " + "schedcp monitor --json ("
                            + e.getOriginalMessage() + "); give the file that command wrote");
        }
    }
}
