package io.schedcp.userspace.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyBook;
import io.schedcp.userspace.strategy.StrategyJson;
import io.schedcp.userspace.strategy.TaskMatch;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PolicyRequestHandlerTest {

    private static final Strategy WEB = new Strategy("web", TaskMatch.ByComm.of("^nginx"), true, OptionalLong.empty());
    private static final Strategy DB = new Strategy("db", new TaskMatch.ByPid(42), false, OptionalLong.of(2_000_000));

    private final StrategyBook book = new StrategyBook(List.of(WEB));
    private final PolicyRequestHandler handler =
            new PolicyRequestHandler(new BookControl("strategies", book, () -> Statuses.STATUS));

    @Test
    void statsAnswersTheStatusInSnakeCase() {
        ControlResponse response = handler.handle(new ControlRequest("stats", Map.of()));

        assertThat(response.errno()).isZero();
        assertThat(response.resp().get("policy").asString()).isEqualTo("strategies");
        assertThat(response.resp().path("counters").get("user_dispatched").asLong())
                .isEqualTo(2);
        assertThat(response.resp().get("rtt_p999_ns").asLong()).isEqualTo(250_000);
        assertThat(response.resp().path("loop").get("tasks_read").asLong()).isEqualTo(11);
    }

    @Test
    void strategiesAnswersTheBookAsStrategyJsonWritesIt() {
        ControlResponse response = handler.handle(new ControlRequest("strategies", Map.of()));

        assertThat(StrategyJson.readList(response.resp().toString())).containsExactly(WEB);
    }

    @Test
    void putAddsTheStrategyToTheBookAndAnswersTheNewGeneration() {
        long before = book.generation();

        ControlResponse response =
                handler.handle(new ControlRequest("put", Map.of("strategy", StrategyJson.write(DB))));

        assertThat(response.resp().get("generation").asLong()).isEqualTo(before + 1);
        assertThat(book.list()).containsExactly(WEB, DB);
    }

    @Test
    void removeTakesTheStrategyOutAndSaysWhetherThereWasOne() {
        ControlResponse removed = handler.handle(new ControlRequest("remove", Map.of("id", "web")));
        ControlResponse again = handler.handle(new ControlRequest("remove", Map.of("id", "web")));

        assertThat(removed.resp().get("removed").asBoolean()).isTrue();
        assertThat(again.resp().get("removed").asBoolean()).isFalse();
        assertThat(book.list()).isEmpty();
    }

    @Test
    void aPutOfBadJsonIsEinvalNamingTheFieldAtFault() {
        ControlResponse response = handler.handle(new ControlRequest("put", Map.of("strategy", "{\"id\":\"x\"}")));

        assertThat(response.errno()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.resp().get("kind").asString()).isEqualTo(Kind.INVALID_INPUT.name());
        assertThat(response.resp().get("message").asString()).contains("match");
    }

    @Test
    void aPutWithoutItsArgIsEinvalSayingWhatItNeeds() {
        ControlResponse response = handler.handle(new ControlRequest("put", Map.of()));

        assertThat(response.errno()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.resp().get("message").asString()).startsWith("put needs the arg strategy");
    }

    @Test
    void anUnknownArgIsEinvalNamingIt() {
        ControlResponse response = handler.handle(new ControlRequest("remove", Map.of("id", "web", "all", "1")));

        assertThat(response.errno()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.resp().get("message").asString()).isEqualTo("remove has no arg all; it takes id alone");
        assertThat(book.list()).containsExactly(WEB);
    }

    @Test
    void aChangeWhileAnotherPolicyRunsIsRefusedAndTheBookKept() {
        PolicyRequestHandler fair = new PolicyRequestHandler(new BookControl("fair", book, () -> Statuses.STATUS));

        ControlResponse response = fair.handle(new ControlRequest("put", Map.of("strategy", StrategyJson.write(DB))));

        assertThat(response.errno()).isEqualTo(ControlResponse.EINVAL);
        assertThat(response.resp().get("message").asString())
                .contains("runs the policy fair, which follows no strategies")
                .contains("--policy strategies");
        assertThat(book.list()).containsExactly(WEB);
    }

    @Test
    void anUnknownRequestIsEnoentNamingThoseAnswered() {
        ControlResponse response = handler.handle(new ControlRequest("reset", Map.of()));

        assertThat(response.errno()).isEqualTo(ControlResponse.ENOENT);
        assertThat(response.resp().get("message").asString())
                .isEqualTo("no request is named reset; scx_userspace's agent answers stats, stats_meta, strategies, put"
                        + " and remove");
    }
}
