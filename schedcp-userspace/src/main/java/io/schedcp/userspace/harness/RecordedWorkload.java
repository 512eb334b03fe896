package io.schedcp.userspace.harness;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a recorded workload: JSON lines, one event per line, each a burst of one task.
 *
 * <pre>
 * # A line that starts with # is a comment; blank lines are skipped.
 * {"pid":42,"comm":"nginx","weight":100,"cgroup_id":7,"start_ns":0,"run_ns":2000000,"sleep_ns":8000000}
 * {"pid":42,"run_ns":500000,"sleep_ns":0}
 * </pre>
 *
 * <ul>
 *   <li>{@code pid} (required) the task; {@code run_ns} (required, at least 1) how long it runs;
 *       {@code sleep_ns} (0 when absent) how long it then sleeps, 0 to go straight on to its next burst;
 *   <li>a task's first line says who it is: {@code comm} (required, 1 to 15 characters), {@code weight} (100 when
 *       absent), {@code cgroup_id} (0 when absent) and {@code start_ns} (0 when absent); a later line may repeat
 *       them, but with the same values;
 *   <li>a task's bursts, in the order of its lines, repeat for as long as the run lasts.
 * </ul>
 *
 * An unknown key, a value of the wrong kind and a missing key are refused, naming the line and the key.
 */
public final class RecordedWorkload {

    static final String PID = "pid";
    static final String COMM = "comm";
    static final String WEIGHT = "weight";
    static final String CGROUP_ID = "cgroup_id";
    static final String START_NS = "start_ns";
    static final String RUN_NS = "run_ns";
    static final String SLEEP_NS = "sleep_ns";

    private static final Set<String> KEYS = Set.of(PID, COMM, WEIGHT, CGROUP_ID, START_NS, RUN_NS, SLEEP_NS);
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RecordedWorkload() {}

    /**
     * The workload recorded in {@code file}.
     *
     * @throws SchedcpException INVALID_INPUT naming the line at fault; NOT_FOUND or IO when it cannot be read
     */
    public static Workload read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SchedcpException(Kind.NOT_FOUND, "there is no recorded workload " + file, e);
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "could not read the recorded workload " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * The workload recorded in {@code text}.
     *
     * @param source what to call it in messages, such as its path
     * @throws SchedcpException INVALID_INPUT naming the source, the line and what is wrong
     */
    public static Workload parse(String text, String source) {
        Map<Integer, TaskSpec> tasks = new LinkedHashMap<>();
        Map<Integer, List<Burst>> bursts = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            JsonNode event = event(line, where);
            int pid = (int) number(event, PID, where, 1, Integer.MAX_VALUE, -1);
            TaskSpec first = tasks.get(pid);
            TaskSpec task;
            try {
                Burst burst = new Burst(
                        number(event, RUN_NS, where, 1, Long.MAX_VALUE, -1),
                        number(event, SLEEP_NS, where, 0, Long.MAX_VALUE, 0));
                task = new TaskSpec(
                        pid,
                        comm(event, where, first),
                        number(
                                event,
                                WEIGHT,
                                where,
                                1,
                                10_000,
                                first == null ? TaskSpec.DEFAULT_WEIGHT : first.weight()),
                        number(event, CGROUP_ID, where, 0, Long.MAX_VALUE, first == null ? 0 : first.cgroupId()),
                        number(event, START_NS, where, 0, Long.MAX_VALUE, first == null ? 0 : first.startNs()),
                        List.of(burst));
                bursts.computeIfAbsent(pid, p -> new ArrayList<>()).add(burst);
            } catch (IllegalArgumentException e) {
                throw invalid(where + ": " + e.getMessage());
            }
            if (first == null) {
                tasks.put(pid, task);
            } else if (!sameTask(first, task)) {
                throw invalid(where + ": task " + pid + " was " + describe(first) + " on its first line, and is "
                        + describe(task) + " here; a task's comm, weight, cgroup_id and start_ns stay the same");
            }
        }
        List<TaskSpec> specs = new ArrayList<>();
        tasks.forEach((pid, t) ->
                specs.add(new TaskSpec(pid, t.comm(), t.weight(), t.cgroupId(), t.startNs(), bursts.get(pid))));
        return new Workload(specs);
    }

    private static JsonNode event(String line, String where) {
        JsonNode event;
        try {
            event = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw invalid(where + " is not a JSON object: " + e.getOriginalMessage());
        }
        if (!event.isObject()) {
            throw invalid(where + " is a JSON object, one event, not " + event);
        }
        for (String key : event.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw invalid(where + " has an unknown key " + key + "; the keys are "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        return event;
    }

    private static long number(JsonNode event, String key, String where, long min, long max, long absent) {
        JsonNode value = event.get(key);
        if (value == null) {
            if (absent < 0) {
                throw invalid(where + " has no " + key + "; every event has one");
            }
            return absent;
        }
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.longValue() < min
                || value.longValue() > max) {
            throw invalid(where + ": " + key + " is a whole number from " + min + " to " + max + ", not " + value);
        }
        return value.longValue();
    }

    private static String comm(JsonNode event, String where, TaskSpec first) {
        JsonNode value = event.get(COMM);
        if (value == null) {
            if (first == null) {
                throw invalid(where + " has no " + COMM + "; a task's first event names its command");
            }
            return first.comm();
        }
        if (!value.isString()) {
            throw invalid(where + ": " + COMM + " is a string, not " + value);
        }
        return value.stringValue();
    }

    private static boolean sameTask(TaskSpec a, TaskSpec b) {
        return a.comm().equals(b.comm())
                && a.weight() == b.weight()
                && a.cgroupId() == b.cgroupId()
                && a.startNs() == b.startNs();
    }

    private static String describe(TaskSpec task) {
        return "comm " + task.comm() + ", weight " + task.weight() + ", cgroup_id " + task.cgroupId() + ", start_ns "
                + task.startNs();
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
