package io.schedcp.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON Schema as tools declare their arguments and results: the few shapes they need (strings, numbers,
 * booleans, arrays, objects, maps), each with a description. Immutable; {@link #toMap()} gives the document
 * the MCP SDK sends, and {@link ToolArguments} reads arguments against the same declaration.
 */
public final class JsonSchema {

    private final String type;
    private final String description;
    private final JsonSchema items;
    private final Map<String, JsonSchema> properties;
    private final List<String> required;
    private final boolean closed;
    private final List<String> choices;

    private JsonSchema(
            String type,
            String description,
            JsonSchema items,
            Map<String, JsonSchema> properties,
            List<String> required,
            boolean closed,
            List<String> choices) {
        this.type = type;
        this.description = Objects.requireNonNullElse(description, "");
        this.items = items;
        this.properties = properties;
        this.required = required;
        this.closed = closed;
        this.choices = choices;
    }

    private static JsonSchema of(String type, String description) {
        return new JsonSchema(type, description, null, Map.of(), List.of(), false, List.of());
    }

    public static JsonSchema string(String description) {
        return of("string", description);
    }

    public static JsonSchema integer(String description) {
        return of("integer", description);
    }

    public static JsonSchema number(String description) {
        return of("number", description);
    }

    public static JsonSchema bool(String description) {
        return of("boolean", description);
    }

    public static JsonSchema arrayOf(JsonSchema items, String description) {
        return new JsonSchema(
                "array", description, Objects.requireNonNull(items), Map.of(), List.of(), false, List.of());
    }

    /** An object whose keys are free and whose values all have the shape {@code values}. */
    public static JsonSchema mapOf(JsonSchema values, String description) {
        return new JsonSchema(
                "object", description, Objects.requireNonNull(values), Map.of(), List.of(), false, List.of());
    }

    /** An object with no properties yet; add them with {@link #required} and {@link #optional}. */
    public static JsonSchema object(String description) {
        return of("object", description);
    }

    /** This object with a property that is always there. */
    public JsonSchema required(String name, JsonSchema schema) {
        JsonSchema added = optional(name, schema);
        List<String> names = new ArrayList<>(required);
        names.add(name);
        return new JsonSchema(type, description, items, added.properties, List.copyOf(names), closed, choices);
    }

    /** This object with a property that may be left out. */
    public JsonSchema optional(String name, JsonSchema schema) {
        if (!"object".equals(type) || items != null) {
            throw new IllegalStateException("only an object schema has properties, not " + type);
        }
        Map<String, JsonSchema> more = new LinkedHashMap<>(properties);
        if (more.put(name, Objects.requireNonNull(schema)) != null) {
            throw new IllegalArgumentException("property '" + name + "' is declared twice");
        }
        return new JsonSchema(type, description, items, Collections.unmodifiableMap(more), required, closed, choices);
    }

    /** This object, refusing properties it does not declare: the shape of tool arguments. */
    public JsonSchema closed() {
        return new JsonSchema(type, description, items, properties, required, true, choices);
    }

    /** This string, limited to {@code values}. */
    public JsonSchema oneOf(String... values) {
        if (!"string".equals(type)) {
            throw new IllegalStateException("only a string schema takes a list of values, not " + type);
        }
        return new JsonSchema(type, description, items, properties, required, closed, List.of(values));
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The items of an array, or the values of a map. */
    public Optional<JsonSchema> items() {
        return Optional.ofNullable(items);
    }

    /** The declared properties of an object, in declaration order. */
    public Map<String, JsonSchema> properties() {
        return properties;
    }

    public List<String> requiredNames() {
        return required;
    }

    public boolean isClosed() {
        return closed;
    }

    public List<String> choices() {
        return choices;
    }

    /** The schema as a JSON document: {@code {"type": ..., "description": ..., ...}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        if (!description.isEmpty()) {
            map.put("description", description);
        }
        if (!choices.isEmpty()) {
            map.put("enum", choices);
        }
        if ("array".equals(type)) {
            map.put("items", items.toMap());
        } else if ("object".equals(type)) {
            if (items != null) {
                map.put("additionalProperties", items.toMap());
            } else {
                Map<String, Object> props = new LinkedHashMap<>();
                properties.forEach((name, schema) -> props.put(name, schema.toMap()));
                map.put("properties", props);
                if (!required.isEmpty()) {
                    map.put("required", required);
                }
                if (closed) {
                    map.put("additionalProperties", false);
                }
            }
        }
        return map;
    }

    /** How the type reads in a sentence: "a string", "an array of strings". */
    String inWords() {
        return switch (type) {
            case "array" -> "an array of " + plural(items.type);
            case "integer" -> "an integer";
            case "object" -> "an object";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    private static String plural(String type) {
        return switch (type) {
            case "boolean" -> "booleans";
            case "object" -> "objects";
            default -> type + "s";
        };
    }
}
