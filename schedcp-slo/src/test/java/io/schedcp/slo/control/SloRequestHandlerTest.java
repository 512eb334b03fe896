package io.schedcp.slo.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.config.ConfigOrigin;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SloRequestHandlerTest {

    private final FakeSloControl control = new FakeSloControl();
    private final SloRequestHandler handler = new SloRequestHandler(control);

    @Test
    void statsAnswersTheControlsStatus() {
        ControlResponse response = handler.handle(new ControlRequest("stats", Map.of()));

        assertThat(response.errno()).isZero();
        assertThat(SchedcpJson.mapper().treeToValue(response.resp(), SloStatus.class))
                .isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void setPassesTheChangeToTheControlAndAnswersTheGroup() {
        ControlResponse response = handler.handle(new ControlRequest(
                "set", Map.of("cgroup", "/lat", "budget_ns", "2000000", "importance", "50", "max_cpu_pct", "30")));

        assertThat(response.errno()).isZero();
        assertThat(control.changes)
                .containsExactly(
                        new GroupChange("/lat", OptionalLong.of(2_000_000L), OptionalInt.of(50), OptionalInt.of(30)));
        assertThat(SchedcpJson.mapper().treeToValue(response.resp(), SloGroup.class))
                .isEqualTo(new SloGroup("/lat", 2_000_000L, 50, 30, Optional.of(new ConfigOrigin("slo.yaml", 4))));
    }

    @Test
    void setLeavesOutTheArgsNotGiven() {
        handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat", "importance", "7")));

        assertThat(control.changes)
                .containsExactly(new GroupChange("/lat", OptionalLong.empty(), OptionalInt.of(7), OptionalInt.empty()));
    }

    @Test
    void setWithoutACgroupIsEinvalNamingTheArg() {
        ControlResponse response = handler.handle(new ControlRequest("set", Map.of("budget_ns", "2000000")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "set needs the arg cgroup");
        assertThat(control.changes).isEmpty();
    }

    @Test
    void aValueThatIsNoNumberIsEinvalNamingTheArgAndWhatToGive() {
        ControlResponse response =
                handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat", "budget_ns", "2ms")));

        assertFailure(
                response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "budget_ns is \"2ms\", not a decimal integer");
        assertThat(message(response)).contains("from 10000 to 10000000000");
    }

    @Test
    void aValueOutOfRangeIsEinvalNamingTheArgAndItsRange() {
        ControlResponse response =
                handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat", "importance", "101")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "importance is 101, out of range");
        assertThat(message(response)).contains("from 0 to 100");
    }

    @Test
    void aNumberTooLargeForAnIntIsOutOfRangeNotACrash() {
        ControlResponse response =
                handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat", "max_cpu_pct", "99999999999")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "max_cpu_pct is 99999999999, out of range");
    }

    @Test
    void aSetThatChangesNothingIsEinval() {
        ControlResponse response = handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "give at least one of budget_ns");
    }

    @Test
    void anUnknownArgIsEinvalNamingTheArgsThereAre() {
        ControlResponse response =
                handler.handle(new ControlRequest("set", Map.of("cgroup", "/lat", "budget", "2000000")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "set has no arg budget");
        assertThat(message(response)).contains("budget_ns");
    }

    @Test
    void anUnknownRequestIsEnoent() {
        ControlResponse response = handler.handle(new ControlRequest("reset", Map.of()));

        assertFailure(response, ControlResponse.ENOENT, Kind.NOT_FOUND, "no request is named reset");
    }

    @Test
    void theControlsFailureKeepsItsKindAndMessage() {
        control.failWith(new SchedcpException(Kind.INVALID_INPUT, "cgroup /nope does not exist"));

        ControlResponse response =
                handler.handle(new ControlRequest("set", Map.of("cgroup", "/nope", "budget_ns", "2000000")));

        assertFailure(response, ControlResponse.EINVAL, Kind.INVALID_INPUT, "cgroup /nope does not exist");
    }

    @Test
    void aFailureOfAnotherKindIsEio() {
        control.failWith(new SchedcpException(Kind.UNAVAILABLE, "scx_slo was ejected"));

        assertFailure(
                handler.handle(new ControlRequest("stats", Map.of())),
                ControlResponse.EIO,
                Kind.UNAVAILABLE,
                "scx_slo was ejected");
    }

    @Test
    void aBugOfTheControlIsAnEioAnswerNotAnEscapingException() {
        control.failWith(new IllegalStateException("no reading yet"));

        assertFailure(
                handler.handle(new ControlRequest("stats", Map.of())), ControlResponse.EIO, Kind.IO, "no reading yet");
    }

    @Test
    void aLineThatIsNotJsonIsAnsweredWithEinval() {
        JsonNode response = SchedcpJson.mapper().readTree(handler.answer("{\"req\": "));

        assertThat(response.get("errno").intValue()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.at("/args/resp/kind").asString()).isEqualTo("INVALID_INPUT");
        assertThat(response.at("/args/resp/message").asString()).startsWith("the request is not JSON");
    }

    @Test
    void aLineWithoutAReqIsAnsweredWithEinval() {
        JsonNode response = SchedcpJson.mapper().readTree(handler.answer("{\"args\": {}}"));

        assertThat(response.get("errno").intValue()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.at("/args/resp/message").asString()).contains("no \"req\" string");
    }

    private static void assertFailure(ControlResponse response, int errno, Kind kind, String messageStart) {
        assertThat(response.errno()).isEqualTo(errno);
        assertThat(response.resp().get("kind").asString()).isEqualTo(kind.name());
        assertThat(message(response)).contains(messageStart);
    }

    private static String message(ControlResponse response) {
        return response.resp().get("message").asString();
    }
}
