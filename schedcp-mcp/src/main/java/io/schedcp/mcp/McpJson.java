package io.schedcp.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of tool results and resources: snake_case names (as the CLI's {@code --json}), absent values
 * left out. Results become maps before the SDK sees them, so its own mapper only copies them.
 */
final class McpJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            .build();
    private static final JsonMapper INDENTED = MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

    private McpJson() {
    }

    static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { });
    }

    static String indented(Object value) {
        return INDENTED.writeValueAsString(value);
    }
}
