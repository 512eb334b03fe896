package io.schedcp.mcp;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arguments of one tool call, read against the tool's input schema. A missing, mistyped or unknown
 * argument fails with an {@code INVALID_INPUT} message that names the argument, says what it should be and
 * what it is for, so that the caller can correct the call without reading the schema.
 */
public final class ToolArguments {

    private final String tool;
    private final JsonSchema schema;
    private final Map<String, Object> values;

    /**
     * @param values the arguments as the JSON decoder gave them; a JSON null counts as absent
     */
    public ToolArguments(String tool, JsonSchema schema, Map<String, Object> values) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.schema = Objects.requireNonNull(schema, "schema");
        Map<String, Object> present = new LinkedHashMap<>();
        Objects.requireNonNullElse(values, Map.<String, Object>of()).forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        this.values = present;
    }

    /** Fails on the first argument the schema does not declare, naming the ones it does. */
    public ToolArguments requireKnown() {
        for (String name : values.keySet()) {
            if (!schema.properties().containsKey(name)) {
                throw invalid(tool + " has no argument '" + name + "'; "
                        + (schema.properties().isEmpty()
                                ? "it takes none"
                                : "it takes "
                                        + String.join(", ", schema.properties().keySet())));
            }
        }
        return this;
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        return value(name, String.class);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return value(name, Boolean.class);
    }

    public Optional<Long> optionalInteger(String name) {
        Optional<Number> number = value(name, Number.class);
        if (number.isPresent() && !(number.get() instanceof Integer || number.get() instanceof Long)) {
            throw wrongType(name, values.get(name));
        }
        return number.map(Number::longValue);
    }

    /** A number, whole or not, such as a budget of 1.5 ms. */
    public Optional<Double> optionalNumber(String name) {
        return value(name, Number.class).map(Number::doubleValue);
    }

    /** An object of numbers, such as metrics by name; empty when absent. */
    public Map<String, Double> numbers(String name) {
        declared(name);
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, value);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof Number number)) {
                throw invalid(tool + "'s argument '" + name + "' must map names to numbers; '" + entry.getKey()
                        + "' is " + describe(entry.getValue()));
            }
            numbers.put(String.valueOf(entry.getKey()), number.doubleValue());
        }
        return numbers;
    }

    /** An array of strings; empty when absent. */
    public List<String> strings(String name) {
        declared(name);
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, value);
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw wrongType(name, value);
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    private <T> Optional<T> value(String name, Class<T> type) {
        JsonSchema declared = declared(name);
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw wrongType(name, value);
        }
        if (!declared.choices().isEmpty() && !declared.choices().contains(value)) {
            throw invalid(tool + "'s argument '" + name + "' is '" + value + "'; it must be one of "
                    + String.join(", ", declared.choices()));
        }
        return Optional.of(type.cast(value));
    }

    private JsonSchema declared(String name) {
        JsonSchema declared = schema.properties().get(name);
        if (declared == null) {
            throw new IllegalArgumentException(tool + " reads the argument '" + name + "' that its schema lacks");
        }
        return declared;
    }

    private SchedcpException missing(String name) {
        JsonSchema declared = declared(name);
        return invalid(tool + " needs the argument '" + name + "' (" + declared.inWords() + ")" + purpose(declared));
    }

    private SchedcpException wrongType(String name, Object value) {
        JsonSchema declared = declared(name);
        return invalid(tool + "'s argument '" + name + "' must be " + declared.inWords() + ", not " + describe(value)
                + purpose(declared));
    }

    private static String purpose(JsonSchema declared) {
        return declared.description().isEmpty() ? "" : ": " + declared.description();
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "true or false";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
