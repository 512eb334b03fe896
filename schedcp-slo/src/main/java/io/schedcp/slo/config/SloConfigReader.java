package io.schedcp.slo.config;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.YamlSyntaxError;
import io.schedcp.core.store.TextInput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Reads an SLO config file:
 *
 * <pre>
 * default_budget_ms: 20        # tasks in no configured group
 * groups:
 *   - cgroup: lat              # absolute, or relative to the cgroup2 mount
 *     budget_ms: 2
 *     importance: 10           # optional
 *     max_cpu_pct: 80          # optional
 * </pre>
 *
 * It walks the YAML tokens itself rather than binding them, so that every refusal names the line of the
 * value at fault: an unknown or repeated key, a value out of its range or of the wrong kind, a group without
 * its cgroup or budget, a cgroup named twice, more than {@link SloLimits#MAX_GROUPS} groups. An empty file is
 * refused too: an editor that writes the file in place leaves it empty for a moment, and a live reload must
 * not take that as "no groups". Whether the cgroups exist is for {@code CgroupTree} to say.
 */
public final class SloConfigReader {

    /** Far more than 256 groups with comments need. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    static final String DEFAULT_BUDGET_MS = "default_budget_ms";
    static final String GROUPS = "groups";
    static final String CGROUP = "cgroup";
    static final String BUDGET_MS = "budget_ms";
    static final String IMPORTANCE = "importance";
    static final String MAX_CPU_PCT = "max_cpu_pct";

    private static final String BUDGET_RULE = "must be a number of milliseconds from 0.01 to 10000";
    // A key with nothing after it reads as having no value, not as the empty string.
    private static final YAMLFactory YAML =
            YAMLFactory.builder().enable(YAMLReadFeature.EMPTY_STRING_AS_NULL).build();

    private final String file;
    private final JsonParser parser;

    private SloConfigReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Reads and checks the config in {@code file}.
     *
     * @throws SchedcpException INVALID_INPUT naming the file, the line, what is wrong and what it should be;
     *                          NOT_FOUND when there is no such file; IO when it cannot be read
     */
    public static SloConfig read(Path file) {
        return parse(TextInput.readRegular(file, "SLO config", MAX_FILE_BYTES), file.toString());
    }

    /**
     * Checks the config {@code yaml}, as {@link #read} does.
     *
     * @param file what to call it in messages, such as its path
     */
    public static SloConfig parse(String yaml, String file) {
        try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), yaml)) {
            return new SloConfigReader(file, parser).config();
        } catch (JacksonException e) {
            YamlSyntaxError error = YamlSyntaxError.of(e);
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    where(file, error.line()) + "is not valid YAML: " + error.problem()
                            + "; check the indentation (spaces, no tabs) and the colons");
        }
    }

    private SloConfig config() {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    file + " is empty; write at least " + DEFAULT_BUDGET_MS + ": 20, or the groups");
        }
        if (token != JsonToken.START_OBJECT) {
            throw refusal(
                    line(),
                    "the file must be a mapping of " + DEFAULT_BUDGET_MS + " and " + GROUPS + ", not "
                            + describe(token));
        }
        long defaultBudgetNs = SloLimits.DEFAULT_BUDGET_NS;
        List<SloGroup> groups = List.of();
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            parser.nextToken();
            switch (key) {
                case DEFAULT_BUDGET_MS -> defaultBudgetNs = budgetNs(DEFAULT_BUDGET_MS);
                case GROUPS -> groups = groups();
                default -> throw unknownKey(key, "the file", DEFAULT_BUDGET_MS + " and " + GROUPS);
            }
        }
        if (parser.nextToken() != null) {
            throw refusal(line(), "a second YAML document begins here; keep one document (remove the ---)");
        }
        return new SloConfig(defaultBudgetNs, groups);
    }

    private List<SloGroup> groups() {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw refusal(
                    line(),
                    GROUPS + " must be a list of groups, each starting with '- " + CGROUP
                            + ":', not " + describe(parser.currentToken())
                            + (parser.currentToken() == JsonToken.VALUE_NULL
                                    ? " (write " + GROUPS + ": [] for none)"
                                    : ""));
        }
        List<SloGroup> groups = new ArrayList<>();
        Map<String, Integer> lineOfCgroup = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (groups.size() == SloLimits.MAX_GROUPS) {
                throw refusal(
                        line(),
                        "more than " + SloLimits.MAX_GROUPS + " groups, the most scx_slo takes; "
                                + "configure a parent cgroup for several of them");
            }
            SloGroup group = group();
            Integer first = lineOfCgroup.putIfAbsent(
                    group.cgroup(), group.origin().orElseThrow().line());
            if (first != null) {
                throw refusal(
                        group.origin().orElseThrow().line(),
                        CGROUP + " " + group.cgroup() + " is configured twice (also on line " + first
                                + "); keep one of the two groups");
            }
            groups.add(group);
        }
        return groups;
    }

    private SloGroup group() {
        int start = line();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refusal(
                    start,
                    "a group must be a mapping with " + CGROUP + " and " + BUDGET_MS + ", not "
                            + describe(parser.currentToken()));
        }
        Optional<String> cgroup = Optional.empty();
        Optional<Long> budgetNs = Optional.empty();
        int importance = SloLimits.DEFAULT_IMPORTANCE;
        int maxCpuPct = SloLimits.DEFAULT_MAX_CPU_PCT;
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            parser.nextToken();
            switch (key) {
                case CGROUP -> cgroup = Optional.of(cgroup());
                case BUDGET_MS -> budgetNs = Optional.of(budgetNs(BUDGET_MS));
                case IMPORTANCE -> importance = whole(IMPORTANCE, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE);
                case MAX_CPU_PCT ->
                    maxCpuPct = whole(MAX_CPU_PCT, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT);
                default ->
                    throw unknownKey(
                            key, "a group", CGROUP + ", " + BUDGET_MS + ", " + IMPORTANCE + " and " + MAX_CPU_PCT);
            }
        }
        String path = cgroup.orElseThrow(() -> refusal(
                start,
                "a group has no " + CGROUP + "; add " + CGROUP
                        + ": PATH (absolute, or relative to the cgroup2 mount)"));
        long budget = budgetNs.orElseThrow(() -> refusal(
                start,
                "the group of " + CGROUP + " " + path + " has no " + BUDGET_MS + "; add " + BUDGET_MS
                        + ": MILLISECONDS (0.01 to 10000)"));
        return new SloGroup(path, budget, importance, maxCpuPct, Optional.of(new ConfigOrigin(file, start)));
    }

    private String cgroup() {
        JsonToken token = parser.currentToken();
        String rule = CGROUP + " must be a cgroup path such as lat or /sys/fs/cgroup/lat";
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw refusal(
                    line(),
                    rule + ", not the number " + parser.getString() + " (quote a cgroup named " + "with digits: \""
                            + parser.getString() + "\")");
        }
        if (token != JsonToken.VALUE_STRING) {
            throw refusal(line(), rule + ", not " + describe(token));
        }
        String path = parser.getString();
        if (path.isBlank() || path.indexOf('\0') >= 0) {
            throw refusal(line(), rule + ", not \"" + path.replace("\0", "\\0") + "\"");
        }
        return path.strip();
    }

    private long budgetNs(String key) {
        String given = parser.getString();
        return SloLimits.budgetNs(number(key, BUDGET_RULE))
                .orElseThrow(() -> refusal(line(), key + " " + BUDGET_RULE + ", not " + given));
    }

    private int whole(String key, int min, int max) {
        String rule = "must be a whole number from " + min + " to " + max;
        BigDecimal value = number(key, rule);
        if (value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refusal(line(), key + " " + rule + ", not " + parser.getString());
        }
        return value.intValueExact();
    }

    private BigDecimal number(String key, String rule) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            throw refusal(line(), key + " has no value; it " + rule);
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw refusal(line(), key + " " + rule + ", not " + describe(token));
        }
        try {
            return parser.getDecimalValue();
        } catch (JacksonException | NumberFormatException e) {
            // .inf and .nan are YAML floats that no BigDecimal holds.
            throw refusal(line(), key + " " + rule + ", not " + parser.getString());
        }
    }

    private SchedcpException unknownKey(String key, String where, String known) {
        return refusal(line(), "unknown key " + key + " in " + where + "; the keys there are " + known);
    }

    /** The text of a value for a message: strings quoted, so that "2" and 2 read differently. */
    private String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + parser.getString() + "\"";
            case VALUE_NULL -> "an empty value";
            default -> parser.getString();
        };
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private SchedcpException refusal(int line, String problem) {
        return new SchedcpException(Kind.INVALID_INPUT, where(file, line) + problem);
    }

    private static String where(String file, int line) {
        return line > 0 ? file + " line " + line + ": " : file + ": ";
    }

    /** The keys of one mapping: each may appear once. */
    private final class Keys {
        private final Map<String, Integer> lines = new HashMap<>();

        String add(String key, int line) {
            Integer first = lines.putIfAbsent(key, line);
            if (first != null) {
                throw refusal(line, key + " appears twice in the same mapping (first on line " + first + "); keep one");
            }
            return key;
        }
    }
}
