package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.control.SloSocket;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.SloStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedcp slo status} and {@code schedcp slo set} in-process, against a fake running scx_slo. */
class SloCommandTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private FakeSloControl running;
    /** The sockets the CLI reached scx_slo at. */
    private final List<Path> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
        running(FakeSloControl.running(FakeSloControl.sampleStatus()));
    }

    private void running(FakeSloControl control) {
        running = control;
        fixture.slo = socket -> {
            sockets.add(socket);
            return control;
        };
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    /** The table's row whose first cell is {@code cgroup}, split into its cells. */
    private static List<String> row(String out, String cgroup) {
        return out.lines()
                .filter(line -> line.startsWith(cgroup + " "))
                .findFirst()
                .map(line -> List.of(line.trim().split("\\s{2,}")))
                .orElseThrow(() -> new AssertionError("no row " + cgroup + " in\n" + out));
    }

    @Test
    void statusPrintsARowPerGroupAndOneForTheUnconfiguredTasks() {
        Result result = run("slo", "status");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("scx_slo at 2026-12-02T15:00:00Z, 4 CPUs; CPU shares over 1.0 s")
                .contains(
                        "CGROUP",
                        "BUDGET ms",
                        "MISS %",
                        "P50 µs",
                        "P99.9 µs",
                        "MEAN LATE µs",
                        "CPU %",
                        "DROPPED",
                        "THROTTLED");
        assertThat(row(result.out(), "lat"))
                .containsExactly("lat", "2", "1200", "3", "0.25", "45", "1800", "2500", "150", "400", "12.5", "0", "0");
        assertThat(row(result.out(), "batch"))
                .containsExactly("batch", "50", "0", "0", "0.00", "-", "-", "-", "-", "-", "50.0", "2", "7");
        assertThat(row(result.out(), "(unconfigured)"))
                .containsExactly(
                        "(unconfigured)",
                        "20",
                        "5000",
                        "10",
                        "0.20",
                        "30",
                        "900",
                        "5000",
                        "80",
                        "1000",
                        "30.0",
                        "1",
                        "0");
        assertThat(sockets).containsExactly(SloSocket.in(fixture.home));
    }

    @Test
    void statusListsTheRecentMissesNewestFirstWithTheGroupsNames() {
        Result result = run("slo", "status");

        String misses = result.out().substring(result.out().indexOf("recent misses, newest first:"));
        assertThat(misses.lines().skip(2).map(line -> List.of(line.trim().split("\\s{2,}"))))
                .containsExactly(
                        List.of("lat", "4242", "3", "400"),
                        List.of("(unconfigured)", "77", "1", "1000"),
                        List.of("cgroup id 999", "5", "0", "12"));
    }

    @Test
    void statusShowsTheTenNewestMissesAndSaysHowManyMoreJsonHas() {
        SloStatus sample = FakeSloControl.sampleStatus();
        List<MissEvent> misses = LongStream.range(0, 12)
                .mapToObj(i -> new MissEvent(101, (int) (1000 + i), 0, 50_000, 100 - i))
                .toList();
        running(FakeSloControl.running(
                new SloStatus(sample.takenAt(), 0, sample.cpus(), sample.unconfigured(), sample.groups(), misses)));

        Result result = run("slo", "status");

        assertThat(result.out())
                .contains("CPU shares over -")
                .contains("  1009  ")
                .doesNotContain("  1010  ")
                .contains("2 older ones: --json has them all");
    }

    @Test
    void statusWithoutMissesSaysSo() {
        SloStatus sample = FakeSloControl.sampleStatus();
        running(FakeSloControl.running(new SloStatus(
                sample.takenAt(),
                sample.intervalNs(),
                sample.cpus(),
                sample.unconfigured(),
                sample.groups(),
                List.of())));

        assertThat(run("slo", "status").out()).endsWith("recent misses: none\n");
    }

    @Test
    void statusJsonReadsBackAsTheSameStatus() {
        Result result = run("slo", "status", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(SchedcpJson.mapper().readValue(result.out(), SloStatus.class))
                .isEqualTo(FakeSloControl.sampleStatus());
        assertThat(result.out()).contains("\n  \"taken_at\"").contains("\"recent_misses\"");
    }

    @Test
    void theSocketOptionNamesAnotherAgent() {
        Path other = temp.resolve("other.sock");

        assertThat(run("slo", "status", "--socket", other.toString()).code()).isZero();

        assertThat(sockets).containsExactly(other);
    }

    @Test
    void setPassesTheBudgetInNanosecondsAndPrintsTheGroupAsApplied() {
        Result result = run("slo", "set", "lat", "--budget-ms", "1.5", "--importance", "10", "--max-cpu-pct", "80");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(running.changes)
                .containsExactly(
                        new GroupChange("lat", OptionalLong.of(1_500_000), OptionalInt.of(10), OptionalInt.of(80)));
        assertThat(result.out()).isEqualTo("lat: budget 1.5 ms, importance 10, max CPU 80 %\n");
    }

    @Test
    void setChangesOnlyWhatIsGiven() {
        Result result = run("slo", "set", "lat", "--importance", "0");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(running.changes)
                .containsExactly(new GroupChange("lat", OptionalLong.empty(), OptionalInt.of(0), OptionalInt.empty()));
    }

    @Test
    void setJsonPrintsTheGroupAsApplied() {
        Result result = run("slo", "set", "lat", "--budget-ms", "2", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(SchedcpJson.mapper().readValue(result.out(), SloGroup.class))
                .isEqualTo(new SloGroup("lat", 2_000_000, 0, 100, Optional.empty()));
    }

    @Test
    void setWithoutAnyOptionIsAUsageErrorThatNamesTheOptions() {
        Result result = run("slo", "set", "lat");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("schedcp slo set needs at least one of --budget-ms, --importance and --max-cpu-pct; for "
                        + "example: schedcp slo set lat --budget-ms 2")
                .doesNotContain("Exception", "\tat ");
        assertThat(sockets).isEmpty();
    }

    @Test
    void valuesOutOfRangeAreRefusedBeforeConnectingNamingTheOptionAndTheRange() {
        Result budget = run("slo", "set", "lat", "--budget-ms", "0.001");
        Result importance = run("slo", "set", "lat", "--importance", "101");
        Result cap = run("slo", "set", "lat", "--budget-ms", "2", "--max-cpu-pct", "0");

        assertThat(budget.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(budget.err())
                .isEqualTo("schedcp: --budget-ms 0.001 is out of range: give a budget from 0.01 to 10000 ms\n");
        assertThat(importance.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(importance.err())
                .isEqualTo("schedcp: --importance 101 is out of range: give --importance a value from 0 to 100\n");
        assertThat(cap.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cap.err())
                .isEqualTo("schedcp: --max-cpu-pct 0 is out of range: give --max-cpu-pct a value from 1 to 100\n");
        assertThat(sockets).isEmpty();
        assertThat(running.changes).isEmpty();
    }

    @Test
    void aBudgetThatIsNoNumberIsAUsageError() {
        Result result = run("slo", "set", "lat", "--budget-ms", "fast");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--budget-ms").contains("fast").doesNotContain("\tat ");
    }

    @Test
    void withoutARunningScxSloBothCommandsSaySoAndExitUnavailable() {
        running(FakeSloControl.notRunning());

        Result status = run("slo", "status");
        Result set = run("slo", "set", "lat", "--budget-ms", "2");

        assertThat(status.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(status.err()).isEqualTo("schedcp: " + FakeSloControl.NOT_RUNNING + "\n");
        assertThat(status.out()).isEmpty();
        assertThat(set.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(set.err()).isEqualTo("schedcp: " + FakeSloControl.NOT_RUNNING + "\n");
    }

    @Test
    void theHelpSaysWhatEachCommandTalksToAndItsExitCodes() {
        Result slo = run("slo", "--help");
        Result status = run("slo", "status", "--help");
        Result set = run("slo", "set", "--help");

        assertThat(List.of(slo, status, set)).allSatisfy(help -> {
            assertThat(help.code()).isZero();
            assertThat(help.out())
                    .contains("schedcp run scx_slo -- --config FILE")
                    .contains("Exit codes: 0 ok, 2 usage")
                    .contains("4 scx_slo is not running")
                    .doesNotContain("%n");
        });
        assertThat(status.out()).contains("--socket=PATH", "--json");
        assertThat(set.out())
                .contains(
                        "--socket=PATH", "--budget-ms=MS", "from 0.01 to 10000", "--importance=N", "--max-cpu-pct=PCT");
        assertThat(run("--help").out()).contains("slo");
    }
}
