package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelConsoleTest {

    private final KernelConsole console = new KernelConsole();

    private void feed(String... lines) {
        for (String line : lines) {
            console.accept(line);
        }
    }

    @Test
    void anInt3OopsIsReportedFromItsFirstLineThroughItsEndTraceAndThePanicThatFollows() {
        feed(
                "[  480.100000] sched_ext: BPF scheduler \"qmap\" enabled",
                "[  485.201000] Oops: int3: 0000 [#2] SMP NOPTI",
                "[  485.201100] CPU: 1 UID: 0 PID: 97 Comm: sched_ext_helpe Not tainted 7.3.4+deb13-cloud-amd64 #1",
                "[  485.201200] RIP: 0010:__schedule+0x693/0x1530",
                "[  485.201300] Call Trace:",
                "job output in the middle of it",
                "[  485.201400]  schedule+0x27/0xf0",
                "[  485.201500] ---[ end trace 0000000000000000 ]---",
                "[  485.201600] RIP: 0010:__schedule+0x693/0x1530",
                "[  485.201700] Kernel panic - not syncing: Fatal exception in interrupt",
                "[  485.201800] Kernel Offset: 0x2f600000 from 0xffffffff81000000",
                "[  485.201900] ---[ end Kernel panic - not syncing: Fatal exception in interrupt ]---",
                "[  485.300000] something after the end");

        KernelCrash crash = console.crash().orElseThrow();
        assertThat(crash.kind()).isEqualTo("Oops");
        assertThat(crash.headline()).isEqualTo("Oops: int3: 0000 [#2] SMP NOPTI");
        assertThat(crash.uptimeSeconds()).isEqualTo(485.201);
        assertThat(crash.panicked()).isTrue();
        assertThat(crash.report()).first().asString().contains("Oops: int3");
        assertThat(crash.report())
                .contains(
                        "job output in the middle of it",
                        "[  485.201500] ---[ end trace 0000000000000000 ]---",
                        "[  485.201700] Kernel panic - not syncing: Fatal exception in interrupt")
                .last()
                .asString()
                .contains("end Kernel panic");
        assertThat(crash.report())
                .doesNotContain(
                        "[  485.300000] something after the end", "[  485.201600] RIP: 0010:__schedule+0x693/0x1530");
        assertThat(crash.summary())
                .isEqualTo("the guest kernel crashed at 485.2 s of guest uptime: "
                        + "Oops: int3: 0000 [#2] SMP NOPTI, RIP: 0010:__schedule+0x693/0x1530, Comm: sched_ext_helpe"
                        + " (kernel panic)");
    }

    @Test
    void anInt3AtASiteThatNoLongerHoldsABreakpointIsTheEmulatorsFault() {
        // Captured in a lab boot with QEMU 7.2's tcg,thread=multi: the site is a 5-byte NOP again (0f 1f 44 00 00).
        feed(
                "[   70.562445] Oops: int3: 0000 [#1] SMP NOPTI",
                "[   70.565543] CPU: 1 UID: 0 PID: 247 Comm: scx_qmap Not tainted 7.3.4+deb13-cloud-amd64 #1",
                "[   70.567144] RIP: 0010:__schedule+0x1e8/0x1080",
                "[   70.568650] Code: c2 09 00 01 00 e8 f8 f6 24 ff 84 c0 0f 85 36 0a 00 00 49 8d 86 80 0c 00 00 48 89 45"
                        + " b0 49 c7 84 24 20 0f 00 00 00 00 00 00 0f <1f> 44 00 00 49 8b 44 24 18 48 8b 98 18 04",
                "[   70.582683] ---[ end trace 0000000000000000 ]---");

        assertThat(console.crash().orElseThrow().staleBreakpoint()).isTrue();
    }

    @Test
    void anInt3ThatIsStillInTheCodeOrAnyOtherCrashIsNotTheEmulatorsFault() {
        KernelConsole stillThere = new KernelConsole();
        stillThere.accept("[ 1.0] Oops: int3: 0000 [#1] SMP NOPTI");
        stillThere.accept("[ 1.1] Code: 00 00 00 cc <1f> 44 00 00");
        KernelConsole pageFault = new KernelConsole();
        pageFault.accept("[ 1.0] BUG: unable to handle page fault for address: 0000000000000008");
        pageFault.accept("[ 1.1] Code: 00 00 00 0f <1f> 44 00 00");

        assertThat(stillThere.crash().orElseThrow().staleBreakpoint()).isFalse();
        assertThat(pageFault.crash().orElseThrow().staleBreakpoint()).isFalse();
    }

    @Test
    void onlyTheFirstReportIsKeptWhenASecondFollows() {
        feed(
                "[  123.0] Oops: general protection fault, probably for non-canonical address 0xdead: 0000 [#1]",
                "[  123.1] RIP: 0010:sched_balance_rq+0x811/0xc50",
                "[  123.2] ---[ end trace 0000000000000000 ]---",
                "[  124.0] BUG: kernel NULL pointer dereference, address: 0000000000000008");

        KernelCrash crash = console.crash().orElseThrow();
        assertThat(crash.headline()).startsWith("Oops: general protection fault");
        assertThat(crash.report()).hasSize(3);
        assertThat(crash.panicked()).isFalse();
    }

    @Test
    void hungTasksRcuStallsLockupsAndBugsAreCrashesToo() {
        assertThat(KernelConsole.kindOf("INFO: task java:311 blocked for more than 120 seconds."))
                .contains("hung task");
        assertThat(KernelConsole.kindOf("rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:"))
                .contains("RCU stall");
        assertThat(KernelConsole.kindOf("rcu: INFO: rcu_preempt self-detected stall on CPU"))
                .contains("RCU stall");
        assertThat(KernelConsole.kindOf("watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [sched_ext_helpe:97]"))
                .contains("lockup");
        assertThat(KernelConsole.kindOf("BUG: unable to handle page fault for address: ffffc900000e0000"))
                .contains("BUG");
        assertThat(KernelConsole.kindOf("kernel BUG at kernel/sched/ext.c:1234!"))
                .contains("BUG");
    }

    @Test
    void aSchedulerEjectedByTheSchedExtWatchdogIsNotAKernelCrash() {
        feed(
                "[   40.0] sched_ext: BPF scheduler \"stall\" disabled (runnable task stall)",
                "[   40.1] sched_ext: stall: kworker/0:1[35] failed to run for 2.512s",
                "[   40.2] WARNING: this is a warning, not a crash");

        assertThat(console.crash()).isEmpty();
    }

    @Test
    void theJobPrintingTheWordsOfACrashIsNotACrash() {
        feed("BUG: this line is a scenario's own output", "Oops: so is this", "Kernel panic - not syncing: a test");

        assertThat(console.crash()).isEmpty();
    }

    @Test
    void aDeliberateCrashCapturedFromTheLabGuestIsFoundAndCutsItsScenarioShort() throws IOException {
        List<String> lines = capture("sysrq-crash.console");
        String id = lines.get(0).split(" ")[1];
        ConsoleParser parser = new ConsoleParser(id);
        long nanos = 0;
        for (String line : lines) {
            parser.accept(line, nanos += 1_000_000);
        }
        parser.end(nanos);

        KernelCrash crash = parser.crash().orElseThrow();
        assertThat(crash.kind()).isEqualTo("Kernel panic");
        assertThat(crash.headline()).isEqualTo("Kernel panic - not syncing: sysrq triggered crash");
        assertThat(crash.report()).anyMatch(l -> l.contains("sysrq_handle_crash"));
        assertThat(parser.exitCode()).isEmpty();
        assertThat(parser.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("command");
            assertThat(s.cutShort()).isTrue();
            assertThat(s.exitCode()).isEqualTo(125);
        });
    }

    private static List<String> capture(String name) throws IOException {
        try (InputStream in = KernelConsoleTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
