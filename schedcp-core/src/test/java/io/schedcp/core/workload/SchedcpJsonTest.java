package io.schedcp.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.json.SchedcpJson;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one JSON form: what every front end writes, and what the stores read back. Here, in a package open to
 * Jackson as every package whose records schedcp writes must be, so that Jackson may read its sample record.
 */
class SchedcpJsonTest {

    /** A value with a two-word name, an absent value of each kind and a number. */
    record Sample(String opsName, Optional<String> qualifiedName, String reason, int secondsRan) {}

    private static final Sample SAMPLE = new Sample("tiny", Optional.empty(), null, 10);

    @Test
    void namesAreSnakeCaseAndAbsentValuesAreLeftOut() {
        assertThat(SchedcpJson.line(SAMPLE)).isEqualTo("{\"ops_name\":\"tiny\",\"seconds_ran\":10}");
    }

    @Test
    void indentedAndOneLineAreTheSameJson() {
        String indented = SchedcpJson.indented(SAMPLE);

        assertThat(indented).contains("\n").contains("\"ops_name\" : \"tiny\"");
        assertThat(SchedcpJson.mapper().readTree(indented))
                .isEqualTo(SchedcpJson.mapper().readTree(SchedcpJson.line(SAMPLE)));
    }

    @Test
    void theMapOfAValueIsItsJsonObject() {
        assertThat(SchedcpJson.toMap(SAMPLE)).isEqualTo(Map.of("ops_name", "tiny", "seconds_ran", 10));
    }

    @Test
    void aReadPassesOverUnknownFieldsAndReadsANullNumberAsZero() {
        Sample read = SchedcpJson.mapper()
                .readValue("{\"ops_name\": \"tiny\", \"added_later\": [1], \"seconds_ran\": null}", Sample.class);

        assertThat(read).isEqualTo(new Sample("tiny", Optional.empty(), null, 0));
    }
}
