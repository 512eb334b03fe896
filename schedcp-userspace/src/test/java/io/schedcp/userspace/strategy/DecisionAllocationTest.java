package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.harness.HarnessTask;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.policy.FifoPolicy;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies' decisions allocate nothing: measured with the JVM's count of bytes this thread allocated
 * (com.sun.management.ThreadMXBean, reached by reflection because this module does not read jdk.management).
 */
class DecisionAllocationTest {

    private static final int DECISIONS = 100_000;
    /** The measuring itself (a reflective call, a boxed long) may allocate a little; 100 000 decisions may not. */
    private static final long SLACK_BYTES = 4_096;

    @TempDir
    Path cgroups;

    @Test
    void aFairDecisionAllocatesNothing() throws Exception {
        assertThat(allocatedBy(new FairPolicy(5_000_000, 0))).isLessThan(SLACK_BYTES);
    }

    @Test
    void aFifoDecisionAllocatesNothing() throws Exception {
        assertThat(allocatedBy(new FifoPolicy())).isLessThan(SLACK_BYTES);
    }

    @Test
    void aStrategiesDecisionOnACacheHitAllocatesNothing() throws Exception {
        StrategyBook book = new StrategyBook(List.of(
                new Strategy("web", ByComm.of("^nginx"), true, OptionalLong.of(2_000_000)),
                new Strategy("db", new ByPid(3), false, OptionalLong.of(1_000_000))));
        StrategiesPolicy policy = new StrategiesPolicy(book, CgroupPaths.under(cgroups), new FairPolicy(5_000_000, 0));

        assertThat(allocatedBy(policy)).isLessThan(SLACK_BYTES);
        assertThat(policy.lookups()).isEqualTo(TASKS.length);
    }

    private static final HarnessTask[] TASKS = {
        new HarnessTask().pid(1).comm("nginx"),
        new HarnessTask().pid(2).comm("bash"),
        new HarnessTask().pid(3).comm("postgres"),
        new HarnessTask().pid(4).comm("nginx")
    };

    private static long allocatedBy(SchedulingPolicy policy) throws Exception {
        Dispatch out = new Dispatch();
        for (HarnessTask task : TASKS) {
            policy.decide(task, out.reset(task));
        }
        Object threads = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean")
                .invoke(null);
        Class<?> sunThreads;
        try {
            sunThreads = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            sunThreads = null;
        }
        assumeTrue(sunThreads != null && sunThreads.isInstance(threads), "this JVM counts no allocated bytes");
        Method allocated = sunThreads.getMethod("getCurrentThreadAllocatedBytes");
        allocated.invoke(threads);
        long before = (Long) allocated.invoke(threads);
        for (int i = 0; i < DECISIONS; i++) {
            HarnessTask task = TASKS[i & 3];
            policy.decide(task, out.reset(task));
        }
        long after = (Long) allocated.invoke(threads);
        return after - before;
    }
}
