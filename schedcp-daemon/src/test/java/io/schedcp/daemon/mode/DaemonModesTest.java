package io.schedcp.daemon.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.daemon.supervise.Phase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonModesTest {

    @TempDir
    Path temp;

    private ModesFakeHost host;

    @BeforeEach
    void startHost() {
        host = new ModesFakeHost(temp);
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void aModeRunsItsSchedulerThroughTheSupervisorAndIsActiveWhileItRuns() throws Exception {
        DaemonModes modes = host.modes(ModesFakeHost.FAKE_TABLE);

        DaemonModes.Started started = modes.run(Mode.GAMING, false);
        host.awaitSettled();

        assertThat(started.choice().scheduler()).isEqualTo("fake_a");
        assertThat(started.choice().reason()).isEqualTo("gaming runs fake_a (the daemon's config)");
        assertThat(host.supervisor.status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(host.supervisor.status().scheduler()).contains("fake:fake_a");
        assertThat(modes.active()).map(a -> a.choice().mode()).contains(Mode.GAMING);
    }

    @Test
    void aModeIsNoLongerActiveOnceAnotherRequestReplacesIt() throws Exception {
        DaemonModes modes = host.modes(ModesFakeHost.FAKE_TABLE);
        modes.run(Mode.GAMING, false);
        host.awaitSettled();

        host.supervisor.run("fake_b", List.of(), false);
        host.awaitSettled();
        assertThat(modes.active()).isEmpty();

        modes.run(Mode.LOWLATENCY, false);
        host.awaitSettled();
        assertThat(modes.active()).map(a -> a.choice().mode()).contains(Mode.LOWLATENCY);

        host.supervisor.stop();
        host.awaitSettled();
        assertThat(modes.active()).isEmpty();
    }

    @Test
    void aModeWhoseSchedulerIsNotInstalledIsRefusedWithTheReason() {
        DaemonModes modes = host.modes(ModesFakeHost.FAKE_TABLE);

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> modes.run(Mode.SERVER, false));

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage())
                .startsWith("mode server runs fake_missing, which cannot run here: fake_missing is not installed")
                .contains("another scheduler under modes:");
        assertThat(host.supervisor.lastRequest()).isZero();
        assertThat(modes.active()).isEmpty();
    }

    @Test
    void aModeWhoseSchedulerNoProviderOffersIsRefusedToo() {
        DaemonModes modes = host.modes(ModeTable.defaults());

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> modes.require(Mode.GAMING));

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage())
                .contains("mode gaming runs scx_lavd, which cannot run here: no provider offers a scheduler named"
                        + " scx_lavd");
    }

    @Test
    void autoRunsItsDefaultAndSaysWhyWhenTheHistoryHasNothing() {
        DaemonModes modes = host.modes(ModesFakeHost.FAKE_TABLE);

        ModeChoice choice = modes.choice(Mode.AUTO);

        assertThat(choice.scheduler()).isEqualTo("fake_a");
        assertThat(choice.source()).isEqualTo(ModeChoice.CONFIG);
        assertThat(choice.reason())
                .isEqualTo("no workload on this host has measured a scheduler that can run here, so auto runs fake_a"
                        + " (the daemon's config)");
    }

    @Test
    void autoPicksTheSchedulerThatThisHostsHistoryMeasuredBestWithTheFlagsItRanWith() {
        WorkloadProfile build = host.workloads.create("parallel kernel build", Optional.of("build"));
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        host.workloads.addHistory(build.id(), run("default", List.of(), at, 100));
        host.workloads.addHistory(build.id(), run("fake_a", List.of(), at.plusSeconds(60), 95));
        host.workloads.addHistory(build.id(), run("fake_b", List.of("--slice-us", "3000"), at.plusSeconds(120), 60));
        DaemonModes modes = host.modes(ModesFakeHost.FAKE_TABLE);

        ModeChoice choice = modes.choice(Mode.AUTO);

        assertThat(choice.scheduler()).isEqualTo("fake_b");
        assertThat(choice.args()).containsExactly("--slice-us", "3000");
        assertThat(choice.source()).isEqualTo(ModeChoice.HISTORY);
        assertThat(choice.reason())
                .startsWith("auto picked fake_b from this host's history")
                .contains("workload build (" + build.id() + ")")
                .contains("better than the default scheduler");
    }

    @Test
    void autoLooksPastASchedulerThatCannotRunHereNow() {
        WorkloadProfile build = host.workloads.create("parallel kernel build", Optional.of("build"));
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        host.workloads.addHistory(build.id(), run("default", List.of(), at, 100));
        host.workloads.addHistory(build.id(), run("fake_missing", List.of(), at.plusSeconds(60), 40));
        host.workloads.addHistory(build.id(), run("fake_a", List.of(), at.plusSeconds(120), 80));

        ModeChoice choice = host.modes(ModesFakeHost.FAKE_TABLE).choice(Mode.AUTO);

        assertThat(choice.scheduler()).isEqualTo("fake_a");
    }

    private static RunRecord run(String scheduler, List<String> args, Instant at, double wallTime) {
        return RunRecord.of(scheduler, at, "ok")
                .withArgs(args)
                .withEndedAt(at.plusSeconds(30))
                .withMetrics(Map.of("wall_time_s", wallTime));
    }
}
