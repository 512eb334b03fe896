package io.schedcp.userspace.strategy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.userspace.strategy.TaskMatch.ByCgroup;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of strategies, for files and for the wire:
 *
 * <pre>
 * {"id":"web","match":{"comm":"^nginx"},"priority":true,"slice_us":2000}
 * </pre>
 *
 * where {@code match} holds exactly one of {@code pid} (a number), {@code comm} (a regex the command name is
 * searched with) or {@code cgroup} (a path, absolute or relative to /sys/fs/cgroup); {@code priority} (false when
 * absent) and {@code slice_us} (none when absent) say what the strategy does. A list is a JSON array of these. It
 * reads the tree itself, rather than binding it, so that every refusal names the field at fault: an unknown key,
 * a value of the wrong kind or out of range, a key repeated.
 */
public final class StrategyJson {

    static final String ID = "id";
    static final String MATCH = "match";
    static final String PRIORITY = "priority";
    static final String SLICE_US = "slice_us";
    static final String PID = "pid";
    static final String COMM = "comm";
    static final String CGROUP = "cgroup";

    private static final Set<String> STRATEGY_KEYS = Set.of(ID, MATCH, PRIORITY, SLICE_US);
    private static final Set<String> MATCH_KEYS = Set.of(PID, COMM, CGROUP);
    // Not SchedcpJson's mapper: that one is not exported to this module, and reads past unknown keys.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrategyJson() {}

    /**
     * The strategy {@code json} describes.
     *
     * @throws SchedcpException INVALID_INPUT naming the field at fault and what it should be
     */
    public static Strategy read(String json) {
        return strategy(parse(json), "the strategy");
    }

    /**
     * The strategies of the JSON array {@code json}, in its order.
     *
     * @throws SchedcpException INVALID_INPUT naming the strategy and the field at fault
     */
    public static List<Strategy> readList(String json) {
        JsonNode tree = parse(json);
        if (!tree.isArray()) {
            throw invalid("the strategies are a JSON array of strategies, not " + kind(tree));
        }
        List<Strategy> strategies = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            strategies.add(strategy(tree.get(i), "strategy " + (i + 1)));
        }
        return List.copyOf(strategies);
    }

    /** {@code strategy} as one line of JSON. */
    public static String write(Strategy strategy) {
        return MAPPER.writeValueAsString(tree(strategy));
    }

    /** {@code strategies} as one line of JSON: an array. */
    public static String write(List<Strategy> strategies) {
        ArrayNode array = MAPPER.createArrayNode();
        strategies.forEach(s -> array.add(tree(s)));
        return MAPPER.writeValueAsString(array);
    }

    private static ObjectNode tree(Strategy strategy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put(ID, strategy.id());
        ObjectNode match = node.putObject(MATCH);
        TaskMatch taskMatch = strategy.match();
        if (taskMatch instanceof ByPid pid) {
            match.put(PID, pid.pid());
        } else if (taskMatch instanceof ByComm comm) {
            match.put(COMM, comm.regex());
        } else if (taskMatch instanceof ByCgroup cgroup) {
            match.put(CGROUP, cgroup.path().isEmpty() ? "/" : cgroup.path());
        }
        if (strategy.priority()) {
            node.put(PRIORITY, true);
        }
        strategy.sliceNs()
                .ifPresent(ns -> node.put(SLICE_US, BigDecimal.valueOf(ns, 3).stripTrailingZeros()));
        return node;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "the strategies are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Strategy strategy(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " is a JSON object, not " + kind(node));
        }
        checkKeys(node, STRATEGY_KEYS, where);
        JsonNode id = node.get(ID);
        if (id == null || !id.isString()) {
            throw invalid(where + " needs an " + ID + ", a string" + (id == null ? "" : ", not " + kind(id)));
        }
        String named = where + " (" + id.stringValue() + ")";
        JsonNode priority = node.get(PRIORITY);
        if (priority != null && !priority.isBoolean()) {
            throw invalid(named + ": " + PRIORITY + " is true or false, not " + kind(priority));
        }
        try {
            return new Strategy(
                    id.stringValue(),
                    match(node.get(MATCH), named),
                    priority != null && priority.booleanValue(),
                    slice(node.get(SLICE_US), named));
        } catch (IllegalArgumentException e) {
            throw invalid(named + ": " + e.getMessage());
        }
    }

    private static TaskMatch match(JsonNode match, String where) {
        if (match == null || !match.isObject() || match.size() != 1) {
            throw invalid(where + ": " + MATCH + " is an object with one of " + PID + ", " + COMM + " or " + CGROUP
                    + ", not " + (match == null ? "missing" : match.isObject() ? match.toString() : kind(match)));
        }
        checkKeys(match, MATCH_KEYS, where + ": " + MATCH);
        Map.Entry<String, JsonNode> only = match.properties().iterator().next();
        JsonNode value = only.getValue();
        String field = where + ": " + MATCH + "." + only.getKey();
        try {
            return switch (only.getKey()) {
                case PID -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                        throw invalid(field + " is a pid, a whole number, not " + value);
                    }
                    yield new ByPid(value.intValue());
                }
                case COMM -> ByComm.of(string(value, field));
                default -> ByCgroup.of(string(value, field));
            };
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    private static OptionalLong slice(JsonNode slice, String where) {
        if (slice == null) {
            return OptionalLong.empty();
        }
        if (!slice.isNumber()) {
            throw invalid(where + ": " + SLICE_US + " is a number of microseconds, not " + kind(slice));
        }
        BigDecimal ns = slice.decimalValue().movePointRight(3);
        if (ns.compareTo(BigDecimal.valueOf(Strategy.MIN_SLICE_NS)) < 0
                || ns.compareTo(BigDecimal.valueOf(Strategy.MAX_SLICE_NS)) > 0
                || ns.stripTrailingZeros().scale() > 0) {
            throw invalid(where + ": " + SLICE_US + " is " + slice + "; give microseconds from "
                    + Strategy.MIN_SLICE_NS / 1000 + " to " + Strategy.MAX_SLICE_NS / 1000);
        }
        return OptionalLong.of(ns.longValueExact());
    }

    private static String string(JsonNode value, String field) {
        if (!value.isString()) {
            throw invalid(field + " is a string, not " + kind(value));
        }
        return value.stringValue();
    }

    private static void checkKeys(JsonNode node, Set<String> known, String where) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                throw invalid(where + " has an unknown key " + key + "; the keys are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string " + node;
            case NULL -> "null";
            default -> node.toString();
        };
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
