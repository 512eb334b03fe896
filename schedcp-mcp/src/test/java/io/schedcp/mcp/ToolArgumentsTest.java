package io.schedcp.mcp;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

    private static final JsonSchema SCHEMA = object("")
            .required("name", string("The scheduler to start."))
            .optional("args", arrayOf(string(""), "Its flags."))
            .optional("quiet", bool(""))
            .optional("seconds", integer("How long."))
            .optional("where", string("Where to run.").oneOf("host", "lab"))
            .closed();

    private static ToolArguments arguments(Map<String, Object> values) {
        return new ToolArguments("demo", SCHEMA, values);
    }

    @Test
    void readsEachTypeAndTreatsAbsentAndNullAlike() {
        Map<String, Object> values =
                new HashMap<>(Map.of("name", "x", "args", List.of("-f", "-v"), "quiet", true, "seconds", 30));
        values.put("where", null);

        ToolArguments arguments = arguments(values).requireKnown();

        assertThat(arguments.string("name")).isEqualTo("x");
        assertThat(arguments.strings("args")).containsExactly("-f", "-v");
        assertThat(arguments.optionalBoolean("quiet")).contains(true);
        assertThat(arguments.optionalInteger("seconds")).contains(30L);
        assertThat(arguments.optionalString("where")).isEmpty();
        assertThat(arguments(Map.of("name", "x")).strings("args")).isEmpty();
        assertThat(new ToolArguments("demo", SCHEMA, null).optionalString("name"))
                .isEmpty();
    }

    @Test
    void aMissingArgumentIsNamedWithWhatItIsFor() {
        assertThatThrownBy(() -> arguments(Map.of()).string("name"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("demo needs the argument 'name' (a string): The scheduler to start.");
    }

    @Test
    void aMistypedArgumentSaysWhatItMustBe() {
        assertThatThrownBy(() -> arguments(Map.of("args", List.of("-f", 3))).strings("args"))
                .hasMessage("demo's argument 'args' must be an array of strings, not an array: Its flags.");
        assertThatThrownBy(() -> arguments(Map.of("quiet", "yes")).optionalBoolean("quiet"))
                .hasMessage("demo's argument 'quiet' must be true or false, not a string");
        assertThatThrownBy(() -> arguments(Map.of("seconds", 1.5)).optionalInteger("seconds"))
                .hasMessage("demo's argument 'seconds' must be an integer, not a number: How long.");
        assertThatThrownBy(() -> arguments(Map.of("where", "cloud")).optionalString("where"))
                .hasMessage("demo's argument 'where' is 'cloud'; it must be one of host, lab");
    }

    @Test
    void aNumberIsReadWholeOrNotAndNothingElseIsOne() {
        JsonSchema budget = object("").optional("budget_ms", number("In ms.")).closed();

        assertThat(new ToolArguments("demo", budget, Map.of("budget_ms", 1.5)).optionalNumber("budget_ms"))
                .contains(1.5);
        assertThat(new ToolArguments("demo", budget, Map.of("budget_ms", 2)).optionalNumber("budget_ms"))
                .contains(2.0);
        assertThat(new ToolArguments("demo", budget, Map.of()).optionalNumber("budget_ms"))
                .isEmpty();
        assertThatThrownBy(
                        () -> new ToolArguments("demo", budget, Map.of("budget_ms", "2")).optionalNumber("budget_ms"))
                .hasMessage("demo's argument 'budget_ms' must be a number, not a string: In ms.");
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> arguments(Map.of("name", "x", "nmae", "y")).requireKnown())
                .hasMessage("demo has no argument 'nmae'; it takes name, args, quiet, seconds, where");
        assertThatThrownBy(() -> new ToolArguments("none", object("").closed(), Map.of("x", 1)).requireKnown())
                .hasMessage("none has no argument 'x'; it takes none");
    }
}
