package io.schedcp.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of everything schedcp writes and reads back: the CLI's {@code --json}, the MCP server's
 * tool results and resources, the workload store, the custom schedulers' metadata and the verifier's result
 * line. Names are snake_case and absent values (null, empty Optional) are left out, so a front end's JSON is
 * the other's. Reading is tolerant: unknown properties are read past (a newer schedcp of the same schema adds
 * some; the workload store keeps them through its writes with its own tree) and a missing number is 0.
 * Indentation is a choice of the writer, not of the configuration: files and {@code --json} are indented for
 * people, a result line and a protocol message are one line.
 */
public final class SchedcpJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final ObjectWriter INDENTED = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private SchedcpJson() {}

    /** The mapper, for trees and typed reads; what it writes is one line. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as one line of JSON. */
    public static String line(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** {@code value} as indented JSON, for files and for people reading {@code --json}. */
    public static String indented(Object value) {
        return INDENTED.writeValueAsString(value);
    }

    /** {@code value} as the map of its JSON object, as a tool result's structured content is sent. */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() {});
    }
}
