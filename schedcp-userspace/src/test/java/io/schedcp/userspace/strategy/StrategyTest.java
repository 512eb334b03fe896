package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.userspace.strategy.TaskMatch.ByCgroup;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StrategyTest {

    @Test
    void aBadRegexIsRefusedNamingThePatternAndTheError() {
        assertThatThrownBy(() -> ByComm.of("ngin(x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the command regex ngin(x is not a valid regex (Unclosed group");
    }

    @Test
    void aPidBelowOneIsRefused() {
        assertThatThrownBy(() -> new ByPid(0)).hasMessage("a strategy's pid is at least 1, not 0");
    }

    @Test
    void aSliceOutOfRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> new Strategy("s", new ByPid(1), false, OptionalLong.of(50_000)))
                .hasMessage("strategy s asks for a slice of 50000 ns; give one from 100 us to 1000 ms");
        assertThatThrownBy(() -> new Strategy("s", new ByPid(1), false, OptionalLong.of(2_000_000_000L)))
                .hasMessageContaining("asks for a slice of 2000000000 ns");
    }

    @Test
    void aStrategyThatChangesNothingIsRefused() {
        assertThatThrownBy(() -> new Strategy("idle", new ByPid(1), false, OptionalLong.empty()))
                .hasMessage(
                        "strategy idle changes nothing for the tasks it matches; give it priority, a slice or both");
    }

    @Test
    void aBlankIdIsRefused() {
        assertThatThrownBy(() -> new Strategy(" ", new ByPid(1), true, OptionalLong.empty()))
                .hasMessageContaining("a strategy's id is 1 to 64 printable characters");
    }

    @Test
    void aCgroupPathMayBeUnderTheMountAsProcShowsItOrRelative() {
        assertThat(ByCgroup.of("/sys/fs/cgroup/kubepods/pod-x/")).isEqualTo(new ByCgroup("kubepods/pod-x"));
        assertThat(ByCgroup.of("/kubepods/pod-x")).isEqualTo(new ByCgroup("kubepods/pod-x"));
        assertThat(ByCgroup.of("kubepods//pod-x")).isEqualTo(new ByCgroup("kubepods/pod-x"));
        assertThat(ByCgroup.of("/")).isEqualTo(new ByCgroup(""));
    }

    @Test
    void aCgroupPathAboveTheRootIsRefused() {
        assertThatThrownBy(() -> ByCgroup.of("../etc")).hasMessageContaining("climbs above the cgroup2 root");
    }

    @Test
    void twoCommandMatchesOfTheSameRegexAreEqual() {
        assertThat(ByComm.of("^a")).isEqualTo(ByComm.of("^a")).hasSameHashCodeAs(ByComm.of("^a"));
        assertThat(ByComm.of("^a")).isNotEqualTo(ByComm.of("^b"));
    }
}
