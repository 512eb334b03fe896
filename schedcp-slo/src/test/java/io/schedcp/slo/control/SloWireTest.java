package io.schedcp.slo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import io.schedcp.core.control.ControlWire;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.config.ConfigOrigin;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SloWireTest {

    @Test
    void aStatusWithOptionalsAndAnInstantComesBackEqualFromJson() {
        String json = SchedcpJson.line(FakeSloControl.STATUS);

        assertThat(SchedcpJson.mapper().readValue(json, SloStatus.class)).isEqualTo(FakeSloControl.STATUS);
        // Absent values are left out, not written as null.
        assertThat(json).doesNotContain("null");
    }

    @Test
    void aGroupComesBackEqualFromJsonWithAndWithoutItsOrigin() {
        SloGroup fromFile = new SloGroup("/lat", 2_000_000L, 50, 30, Optional.of(new ConfigOrigin("slo.yaml", 4)));
        SloGroup inCode = new SloGroup("/batch", 20_000_000L, 0, 100, Optional.empty());

        assertThat(SchedcpJson.mapper().readValue(SchedcpJson.line(fromFile), SloGroup.class))
                .isEqualTo(fromFile);
        assertThat(SchedcpJson.mapper().readValue(SchedcpJson.line(inCode), SloGroup.class))
                .isEqualTo(inCode);
    }

    @Test
    void aRequestIsReadWithItsStringArgs() {
        ControlRequest request =
                ControlWire.request("{\"req\": \"set\", \"args\": {\"cgroup\": \"/lat\", \"importance\": \"5\"}}");

        assertThat(request).isEqualTo(new ControlRequest("set", Map.of("cgroup", "/lat", "importance", "5")));
    }

    @Test
    void aRequestWithoutArgsHasNone() {
        assertThat(ControlWire.request("{\"req\":\"stats\"}").args()).isEmpty();
    }

    @Test
    void aRequestThatIsNotAnObjectIsInvalidInput() {
        assertThatThrownBy(() -> ControlWire.request("[\"stats\"]"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void anArgThatIsAnObjectIsInvalidInputNamingIt() {
        assertThatThrownBy(() -> ControlWire.request("{\"req\":\"set\",\"args\":{\"cgroup\":{}}}"))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("the arg cgroup is not a string");
    }

    @Test
    void aSetRequestCarriesTheChangeAsTheArgsTheAgentReads() {
        GroupChange change =
                new GroupChange("/lat", OptionalLong.of(2_000_000L), OptionalInt.of(3), OptionalInt.empty());

        ControlRequest read =
                ControlWire.request(ControlWire.requestLine(new ControlRequest("set", GroupChangeArgs.of(change))));

        assertThat(read.args()).isEqualTo(Map.of("cgroup", "/lat", "budget_ns", "2000000", "importance", "3"));
        assertThat(GroupChangeArgs.change(read.args())).isEqualTo(change);
    }

    @Test
    void aResponseIsOneLineOfErrnoAndArgsResp() {
        String line = ControlWire.responseLine(ControlResponse.failure(Kind.NOT_FOUND, "no request is named top"));

        assertThat(line)
                .isEqualTo(
                        "{\"errno\":2,\"args\":{\"resp\":{\"kind\":\"NOT_FOUND\",\"message\":\"no request is named top\"}}}");
        assertThat(ControlWire.response(line).errno()).isEqualTo(2);
    }

    @Test
    void aLineThatIsNoResponseIsRefused() {
        assertThatThrownBy(() -> ControlWire.response("{\"errno\":0}")).isInstanceOf(IllegalArgumentException.class);
    }
}
