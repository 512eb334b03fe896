package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.userspace.strategy.TaskMatch.ByCgroup;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StrategyJsonTest {

    @Test
    void aStrategyIsReadWithItsMatchPriorityAndSlice() {
        Strategy strategy = StrategyJson.read(
                "{\"id\":\"web\",\"match\":{\"comm\":\"^nginx\"},\"priority\":true," + "\"slice_us\":2000}");

        assertThat(strategy).isEqualTo(new Strategy("web", ByComm.of("^nginx"), true, OptionalLong.of(2_000_000)));
    }

    @Test
    void aListOfEveryKindOfMatchSurvivesARoundTrip() {
        List<Strategy> strategies = List.of(
                new Strategy("db", new ByPid(123), true, OptionalLong.empty()),
                new Strategy("web", ByComm.of("^nginx$"), false, OptionalLong.of(1_500_500)),
                new Strategy("pod", ByCgroup.of("kubepods/pod-x"), true, OptionalLong.of(100_000)),
                new Strategy("all", ByCgroup.of("/"), false, OptionalLong.of(1_000_000_000)));

        String json = StrategyJson.write(strategies);

        assertThat(StrategyJson.readList(json)).isEqualTo(strategies);
        assertThat(json).contains("{\"id\":\"db\",\"match\":{\"pid\":123},\"priority\":true}");
        assertThat(json).contains("\"slice_us\":1500.5");
    }

    @Test
    void anUnknownKeyIsRefusedNamingItAndTheKnownKeys() {
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":1},\"prio\":true}",
                "the strategy has an unknown key prio; the keys are id, match, priority, slice_us");
    }

    @Test
    void anUnknownMatchIsRefusedNamingIt() {
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"user\":\"www\"},\"priority\":true}",
                "the strategy (web): match has an unknown key user; the keys are cgroup, comm, pid");
    }

    @Test
    void twoMatchesInOneAreRefused() {
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":1,\"comm\":\"x\"},\"priority\":true}",
                "the strategy (web): match is an object with one of pid, comm or cgroup, not "
                        + "{\"pid\":1,\"comm\":\"x\"}");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheField() {
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":\"12\"},\"priority\":true}",
                "the strategy (web): match.pid is a pid, a whole number, not \"12\"");
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":12},\"priority\":\"yes\"}",
                "the strategy (web): priority is true or false, not the string \"yes\"");
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":12},\"slice_us\":\"2000\"}",
                "the strategy (web): slice_us is a number of microseconds, not the string \"2000\"");
    }

    @Test
    void aBadRegexIsRefusedNamingTheFieldAndThePattern() {
        assertThatThrownBy(() -> StrategyJson.read("{\"id\":\"web\",\"match\":{\"comm\":\"[a\"},\"priority\":true}"))
                .hasMessageStartingWith("the strategy (web): match.comm: the command regex [a is not a valid regex");
    }

    @Test
    void aSliceOutOfRangeIsRefusedWithTheRange() {
        assertInvalid(
                "{\"id\":\"web\",\"match\":{\"pid\":12},\"slice_us\":5}",
                "the strategy (web): slice_us is 5; give microseconds from 100 to 1000000");
    }

    @Test
    void aStrategyInAListIsNamedByItsPlace() {
        assertThatThrownBy(() -> StrategyJson.readList("[{\"id\":\"a\",\"match\":{\"pid\":1},\"priority\":true},"
                        + "{\"match\":{\"pid\":2},\"priority\":true}]"))
                .hasMessage("strategy 2 needs an id, a string");
    }

    @Test
    void aRepeatedKeyAndMalformedJsonAreRefused() {
        assertThatThrownBy(() -> StrategyJson.read("{\"id\":\"a\",\"id\":\"b\"}"))
                .hasMessageContaining("Duplicate Object property \"id\"");
        assertThatThrownBy(() -> StrategyJson.read("{\"id\":"))
                .hasMessageStartingWith("the strategies are not valid JSON");
        assertThatThrownBy(() -> StrategyJson.readList("{}"))
                .hasMessage("the strategies are a JSON array of strategies, not an object");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> StrategyJson.read(json))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage(message);
    }
}
