package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.userspace.harness.HarnessTask;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.strategy.TaskMatch.ByCgroup;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategiesPolicyTest {

    private static final long SLICE = 5_000_000;

    @TempDir
    Path cgroupRoot;

    private final Dispatch out = new Dispatch();

    private StrategiesPolicy policy(StrategyBook book) {
        return new StrategiesPolicy(book, CgroupPaths.under(cgroupRoot), new FairPolicy(SLICE, 0));
    }

    private Dispatch decide(StrategiesPolicy policy, HarnessTask task) {
        assertThat(policy.decide(task, out.reset(task))).isTrue();
        return out;
    }

    private static Strategy strategy(String id, TaskMatch match, boolean priority, long sliceNs) {
        return new Strategy(id, match, priority, sliceNs == 0 ? OptionalLong.empty() : OptionalLong.of(sliceNs));
    }

    @Test
    void aTaskMatchedByPidGetsPriorityAndItsSliceAndOthersGetNeither() {
        StrategiesPolicy policy = policy(new StrategyBook(List.of(strategy("db", new ByPid(42), true, 2_000_000))));

        Dispatch matched = decide(policy, new HarnessTask().pid(42).comm("postgres"));
        assertThat(matched.priority()).isTrue();
        assertThat(matched.sliceNs()).isEqualTo(2_000_000);

        Dispatch other = decide(policy, new HarnessTask().pid(43).comm("postgres"));
        assertThat(other.priority()).isFalse();
        assertThat(other.sliceNs()).isEqualTo(Dispatch.DEFAULT_SLICE);
    }

    @Test
    void aCommandRegexIsSearchedForAnywhereInTheCommand() {
        StrategiesPolicy policy = policy(new StrategyBook(List.of(strategy("web", ByComm.of("gin[x-z]"), true, 0))));

        assertThat(decide(policy, new HarnessTask().pid(1).comm("nginx")).priority())
                .isTrue();
        assertThat(decide(policy, new HarnessTask().pid(2).comm("engine")).priority())
                .isFalse();
    }

    @Test
    void aTaskInACgroupUnderTheMatchedOneGetsTheStrategyAndATaskBesideItDoesNot() throws Exception {
        Path container = Files.createDirectories(cgroupRoot.resolve("kubepods/pod-x/ctr-1"));
        Path sibling = Files.createDirectories(cgroupRoot.resolve("kubepods/pod-xy"));
        StrategiesPolicy policy =
                policy(new StrategyBook(List.of(strategy("pod", ByCgroup.of("kubepods/pod-x"), false, 1_000_000))));

        Dispatch inPod = decide(policy, new HarnessTask().pid(10).comm("app").cgroupId(inode(container)));
        assertThat(inPod.sliceNs()).isEqualTo(1_000_000);
        assertThat(inPod.priority()).isFalse();
        assertThat(decide(policy, new HarnessTask().pid(11).comm("app").cgroupId(inode(sibling)))
                        .sliceNs())
                .isEqualTo(Dispatch.DEFAULT_SLICE);
    }

    @Test
    void theFirstMatchingStrategyInBookOrderWins() {
        StrategiesPolicy policy = policy(new StrategyBook(List.of(
                strategy("first", ByComm.of("^job"), false, 3_000_000), strategy("second", new ByPid(7), true, 0))));

        Dispatch dispatch = decide(policy, new HarnessTask().pid(7).comm("job-7"));

        assertThat(dispatch.sliceNs()).isEqualTo(3_000_000);
        assertThat(dispatch.priority()).isFalse();
    }

    @Test
    void aTaskSeenBeforeIsNotMatchedAgainUntilTheBookChanges() {
        StrategyBook book = new StrategyBook();
        StrategiesPolicy policy = policy(book);
        HarnessTask task = new HarnessTask().pid(5).comm("worker");

        assertThat(decide(policy, task).priority()).isFalse();
        decide(policy, task);
        assertThat(policy.lookups()).isEqualTo(1);

        book.put(strategy("workers", ByComm.of("^worker$"), true, 0));

        assertThat(decide(policy, task).priority()).isTrue();
        assertThat(policy.lookups()).isEqualTo(2);
        book.remove("workers");
        assertThat(decide(policy, task).priority()).isFalse();
    }

    @Test
    void aTaskWhoseCommandChangedIsMatchedAgain() {
        StrategiesPolicy policy = policy(new StrategyBook(List.of(strategy("web", ByComm.of("^nginx"), true, 0))));
        HarnessTask task = new HarnessTask().pid(9).comm("nginx");
        assertThat(decide(policy, task).priority()).isTrue();

        task.comm("bash");

        assertThat(decide(policy, task).priority()).isFalse();
        assertThat(policy.lookups()).isEqualTo(2);
    }

    @Test
    void aTaskThatMovedToAnotherCgroupIsMatchedAgain() throws Exception {
        Path pod = Files.createDirectories(cgroupRoot.resolve("kubepods/pod-a"));
        Path elsewhere = Files.createDirectories(cgroupRoot.resolve("system.slice"));
        StrategiesPolicy policy =
                policy(new StrategyBook(List.of(strategy("pod", ByCgroup.of("/kubepods/pod-a"), true, 0))));
        HarnessTask task = new HarnessTask().pid(3).comm("app").cgroupId(inode(pod));
        assertThat(decide(policy, task).priority()).isTrue();

        task.cgroupId(inode(elsewhere));

        assertThat(decide(policy, task).priority()).isFalse();
    }

    @Test
    void everyTaskGetsTheFairPolicysVirtualTime() {
        FairPolicy fair = new FairPolicy(SLICE, 0);
        StrategiesPolicy policy = new StrategiesPolicy(
                new StrategyBook(List.of(strategy("one", new ByPid(1), true, 0))), CgroupPaths.under(cgroupRoot), fair);
        decide(policy, new HarnessTask().pid(2).comm("other").vtime(50 * SLICE));

        Dispatch sleeper =
                decide(policy, new HarnessTask().pid(1).comm("sleeper").vtime(0));

        assertThat(sleeper.vtime()).isEqualTo(49 * SLICE);
    }

    static long inode(Path dir) throws Exception {
        return (Long) Files.getAttribute(dir, "unix:ino");
    }
}
