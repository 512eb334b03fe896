package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.userspace.harness.HarnessTask;
import io.schedcp.userspace.policy.PolicyRegistry;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategiesPolicyProviderTest {

    @TempDir
    Path temp;

    private static PolicyContext context(Map<String, String> options) {
        return new PolicyContext(2, 5_000_000, options);
    }

    @Test
    void theFileOptionFillsTheBookAndSliceUsSetsTheSliceOfUnmatchedTasks() throws Exception {
        Path file = temp.resolve("strategies.json");
        Files.writeString(file, "[{\"id\":\"db\",\"match\":{\"pid\":7},\"priority\":true}]");

        StrategiesPolicy policy = new StrategiesPolicyProvider()
                .create(context(Map.of("file", file.toString(), "slice_us", "3000", "cgroup_root", temp.toString())));

        assertThat(policy.book().list()).extracting(Strategy::id).containsExactly("db");
        Dispatch out = new Dispatch();
        HarnessTask other = new HarnessTask().pid(8).comm("x");
        policy.decide(other, out.reset(other));
        assertThat(out.sliceNs()).isEqualTo(3_000_000);
        assertThat(out.priority()).isFalse();
    }

    @Test
    void aProviderWithABookOfItsOwnGivesItToThePolicySoThatChangesReachTheRunningPolicy() {
        StrategyBook book = new StrategyBook();
        StrategiesPolicy policy = new StrategiesPolicyProvider(book).create(context(Map.of()));
        HarnessTask task = new HarnessTask().pid(7).comm("db");
        Dispatch out = new Dispatch();

        book.put(new Strategy("db", new ByPid(7), true, OptionalLong.empty()));
        policy.decide(task, out.reset(task));

        assertThat(policy.book()).isSameAs(book);
        assertThat(out.priority()).isTrue();
    }

    @Test
    void aBadStrategiesFileIsInvalidInputNamingTheFileAndTheField() throws Exception {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "[{\"id\":\"db\",\"match\":{\"pid\":0},\"priority\":true}]");

        assertThatThrownBy(() ->
                        PolicyRegistry.builtIn().create("strategies", context(Map.of("file", file.toString()))))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage("the strategies policy refused its options: " + file
                        + ": strategy 1 (db): match.pid: a strategy's pid is at least 1, not 0");
    }

    @Test
    void aMissingStrategiesFileIsNamed() {
        Path file = temp.resolve("absent.json");

        assertThatThrownBy(() ->
                        PolicyRegistry.builtIn().create("strategies", context(Map.of("file", file.toString()))))
                .hasMessageContaining("option file names " + file + ", which cannot be read");
    }
}
