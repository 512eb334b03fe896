package io.schedcp.mcp;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.mapOf;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {

    @Test
    void anObjectRendersItsPropertiesInOrderWithTheRequiredOnes() {
        JsonSchema schema = object("Arguments.")
                .required("name", string("A name."))
                .optional("args", arrayOf(string(""), "Flags."))
                .closed();

        assertThat(schema.toMap())
                .isEqualTo(Map.of(
                        "type",
                        "object",
                        "description",
                        "Arguments.",
                        "properties",
                        Map.of(
                                "name", Map.of("type", "string", "description", "A name."),
                                "args",
                                        Map.of(
                                                "type",
                                                "array",
                                                "description",
                                                "Flags.",
                                                "items",
                                                Map.of("type", "string"))),
                        "required",
                        List.of("name"),
                        "additionalProperties",
                        false));
        assertThat(schema.properties().keySet()).containsExactly("name", "args");
    }

    @Test
    void aMapAndAChoiceRenderAsJsonSchemaSaysThem() {
        assertThat(mapOf(bool(""), "Flags by name.").toMap())
                .isEqualTo(Map.of(
                        "type",
                        "object",
                        "description",
                        "Flags by name.",
                        "additionalProperties",
                        Map.of("type", "boolean")));
        assertThat(string("Where.").oneOf("host", "lab").toMap()).containsEntry("enum", List.of("host", "lab"));
    }

    @Test
    void propertiesBelongToObjectsAndAreDeclaredOnce() {
        assertThatThrownBy(() -> string("").optional("x", bool(""))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> object("").optional("x", bool("")).required("x", bool("")))
                .hasMessage("property 'x' is declared twice");
    }
}
