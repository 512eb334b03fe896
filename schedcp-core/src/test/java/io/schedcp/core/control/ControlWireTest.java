package io.schedcp.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlWireTest {

    @Test
    void aRequestLineIsReadBackAsTheSameRequest() {
        ControlRequest request = new ControlRequest("put", Map.of("strategy", "{\"id\":\"x\"}"));

        assertThat(ControlWire.request(ControlWire.requestLine(request))).isEqualTo(request);
    }

    @Test
    void aFailureIsEinvalForBadInputAndCarriesItsKindAndMessage() {
        ControlResponse response = ControlWire.response(
                ControlWire.responseLine(ControlResponse.failure(Kind.INVALID_INPUT, "no such arg")));

        assertThat(response.errno()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.resp().get("kind").asString()).isEqualTo("INVALID_INPUT");
        assertThat(response.resp().get("message").asString()).isEqualTo("no such arg");
    }

    @Test
    void aRequestWithoutReqIsInvalidInput() {
        assertThatThrownBy(() -> ControlWire.request("{\"args\":{}}"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT));
    }

    @Test
    void aLineLongerThanTheLimitStopsTheReader() throws IOException {
        LineReader lines =
                new LineReader(new ByteArrayInputStream("ab\r\nabcdef\n".getBytes(StandardCharsets.UTF_8)), 4);

        assertThat(lines.next()).contains("ab");
        assertThatThrownBy(lines::next).isInstanceOf(LineReader.TooLongException.class);
    }
}
