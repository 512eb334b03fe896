package io.schedcp.core.scx;

import io.schedcp.api.ParameterType;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.TuningParameter;
import io.schedcp.core.json.SchedcpJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a scheduler catalog (JSON, {@code schema_version} 1) into descriptors. Every entry is checked as
 * it is read, and a bad one is named with the field that is wrong, so a broken catalog never yields a
 * descriptor with silent blanks.
 */
public final class CatalogReader {

    public static final int SCHEMA_VERSION = 1;

    private final String providerId;

    public CatalogReader(String providerId) {
        this.providerId = providerId;
    }

    /** @param source names the catalog in error messages */
    public List<CatalogEntry> read(InputStream in, String source) {
        JsonNode root;
        try (in) {
            root = SchedcpJson.mapper().readTree(in);
        } catch (JacksonException | IOException e) {
            throw invalid(source, "it is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "the top level must be an object with 'schema_version' and 'schedulers'");
        }
        int version = root.path("schema_version").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw invalid(
                    source,
                    "schema_version is " + root.path("schema_version") + " but this schedcp reads version "
                            + SCHEMA_VERSION);
        }
        JsonNode schedulers = root.path("schedulers");
        if (!schedulers.isArray()) {
            throw invalid(source, "'schedulers' must be an array");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : schedulers) {
            CatalogEntry entry = entry(node, source + " entry " + index);
            if (!names.add(entry.descriptor().name())) {
                throw invalid(source, "the name " + entry.descriptor().name() + " appears twice");
            }
            entries.add(entry);
            index++;
        }
        return entries;
    }

    private CatalogEntry entry(JsonNode node, String where) {
        String name = text(node, "name", where);
        String at = where + " (" + name + ")";
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw invalid(at, "the name must be letters, digits, '_', '.' or '-'");
        }
        String binary = optionalText(node, "binary").orElse(name);
        List<TuningParameter> parameters = new ArrayList<>();
        for (JsonNode p : array(node, "tuning_parameters", at)) {
            parameters.add(parameter(p, at));
        }
        SchedulerDescriptor descriptor = new SchedulerDescriptor(
                name,
                providerId,
                text(node, "ops_name", at),
                bool(node, "production_ready", at),
                text(node, "description", at),
                text(node, "algorithm", at),
                strings(node, "use_cases", at),
                text(node, "characteristics", at),
                parameters,
                text(node, "limitations", at),
                text(node, "performance_profile", at),
                requirements(node.path("requirements"), at));
        return new CatalogEntry(descriptor, binary, optionalText(node, "origin").orElse(""));
    }

    private TuningParameter parameter(JsonNode node, String where) {
        String flag = text(node, "flag", where + " tuning parameter");
        String at = where + " flag " + flag;
        if (!flag.startsWith("-")) {
            throw invalid(at, "a flag must start with '-'");
        }
        String typeName = text(node, "type", at);
        ParameterType type;
        try {
            type = ParameterType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw invalid(at, "type '" + typeName + "' is not one of " + List.of(ParameterType.values()));
        }
        List<String> choices = node.has("choices") ? strings(node, "choices", at) : List.of();
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw invalid(at, "a CHOICE parameter must list its 'choices'");
        }
        return new TuningParameter(
                flag,
                optionalText(node, "short_flag"),
                type,
                text(node, "description", at),
                optionalText(node, "default"),
                optionalText(node, "range"),
                choices);
    }

    private Requirements requirements(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where, "'requirements' must be an object");
        }
        return new Requirements(
                optionalText(node, "min_kernel"),
                optionalText(node, "topology").orElse(""),
                node.path("cgroup_v2").asBoolean(false),
                node.has("notes") ? strings(node, "notes", where + " requirements") : List.of());
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw invalid(where, "'" + field + "' must be a non-empty string");
        }
        return value.asString();
    }

    private Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.asString()).filter(s -> !s.isBlank());
    }

    private boolean bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw invalid(where, "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(where, "'" + field + "' must be an array");
        }
        return value;
    }

    private List<String> strings(JsonNode node, String field, String where) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(node, field, where)) {
            if (!item.isString()) {
                throw invalid(where, "'" + field + "' must hold strings only");
            }
            values.add(item.asString());
        }
        return values;
    }

    private static SchedcpException invalid(String where, String problem) {
        return new SchedcpException(
                SchedcpException.Kind.INVALID_INPUT, "scheduler catalog " + where + " is invalid: " + problem);
    }
}
