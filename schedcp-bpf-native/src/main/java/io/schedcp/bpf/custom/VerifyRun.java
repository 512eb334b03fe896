package io.schedcp.bpf.custom;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.custom.VerificationResult.ExitRecord;
import io.schedcp.bpf.custom.VerificationResult.WorkloadReport;
import io.schedcp.bpf.libbpf.BpfLoadException;
import io.schedcp.bpf.scx.ScxObject;
import io.schedcp.bpf.scx.UserExitInfo;
import io.schedcp.core.kernel.SchedExtReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One verification in the kernel this process runs on: load the object, attach it, wait for the kernel to
 * report it enabled, run {@link VerifyWorkload} for the set time while watching the kernel's state and the
 * scheduler's exit record, detach, and confirm the kernel is back on its default scheduler. Needs root.
 */
final class VerifyRun {

    static final Duration ENABLE_LIMIT = Duration.ofSeconds(60);
    static final Duration DETACH_LIMIT = Duration.ofSeconds(20);
    static final Duration WORKLOAD_GRACE = Duration.ofSeconds(15);
    static final long POLL_MILLIS = 100;

    private final SchedExtReader kernel;
    private final String where;
    private final Consumer<String> progress;

    VerifyRun(SchedExtReader kernel, String where, Consumer<String> progress) {
        this.kernel = kernel;
        this.where = where;
        this.progress = progress;
    }

    VerificationResult verify(String name, String opsName, Path object, int seconds) throws InterruptedException {
        Attempt attempt = new Attempt(name, opsName, seconds);
        SchedExtState before = kernel.read();
        if (!before.supported()) {
            return attempt.fail(
                    "attach", "this kernel has no sched_ext: " + SchedExtReader.NO_SCHED_EXT_MESSAGE, List.of());
        }
        if (!before.isDisabled()) {
            return attempt.fail(
                    "attach",
                    "another sched_ext scheduler (" + before.ops().orElse("unknown") + ", state " + before.state()
                            + ") is running, and the kernel runs one at a time",
                    List.of());
        }
        progress.accept(name + ": loading " + object);
        long t0 = System.nanoTime();
        try (ScxObject scx = ScxObject.open(object)) {
            try {
                scx.load();
            } catch (BpfLoadException e) {
                List<String> details =
                        e.verifierLog().map(log -> log.essentials()).orElse(List.of(e.getMessage()));
                String why = e.verifierLog().isPresent()
                        ? "the kernel's verifier rejected program "
                                + e.verifierLog().get().program() + ": "
                                + e.verifierLog().get().error()
                        : e.getMessage();
                return attempt.fail("load", why, details);
            }
            attempt.loadMillis = millisSince(t0);
            progress.accept(name + ": loaded in " + attempt.loadMillis + " ms; attaching");
            long t1 = System.nanoTime();
            try {
                scx.attach();
            } catch (SchedcpException e) {
                return attempt.failWithExit("attach", "the kernel refused to enable it: " + e.getMessage(), scx);
            }
            if (!awaitEnabled(opsName, scx)) {
                // A successful attach means the kernel enabled it; an exit record since then is an ejection
                // that came before this process got to see the enabled state (a stall starves it too).
                Optional<UserExitInfo> exit = scx.exitInfo().filter(UserExitInfo::exited);
                if (exit.isPresent()) {
                    return attempt.failWithExit("run", EjectionWatch.ejection(exit.get()), scx);
                }
                SchedExtState now = kernel.read();
                return attempt.failWithExit(
                        "enable",
                        "the kernel did not report it enabled within "
                                + ENABLE_LIMIT.toSeconds() + " s (state " + now.state() + ", ops "
                                + now.ops().orElse("none") + ")",
                        scx);
            }
            attempt.enableMillis = millisSince(t1);
            progress.accept(name + ": enabled after " + attempt.enableMillis + " ms; running the workload for "
                    + seconds + " s");
            VerifyWorkload workload = new VerifyWorkload(VerifyWorkload.defaultThreads(), Duration.ofSeconds(seconds));
            long t2 = System.nanoTime();
            workload.start();
            String lost = new EjectionWatch(scx::exitInfo, kernel::read, System::nanoTime, Thread::sleep, POLL_MILLIS)
                    .watch(opsName, t2 + Duration.ofSeconds(seconds).toNanos());
            attempt.secondsRan = (System.nanoTime() - t2) / 1e9;
            attempt.workload = workload.finish(WORKLOAD_GRACE);
            if (lost != null) {
                return attempt.failWithExit("run", lost, scx);
            }
            if (!attempt.workload.finished()) {
                return attempt.fail(
                        "workload",
                        "the workload did not finish within " + WORKLOAD_GRACE.toSeconds()
                                + " s after its end (" + attempt.workload.processesFinished() + " of "
                                + attempt.workload.processesStarted()
                                + " processes ended): some tasks are not being run",
                        List.of());
            }
            scx.detach();
            if (!awaitDisabled()) {
                return attempt.fail(
                        "detach",
                        "after detaching, the kernel still reports state "
                                + kernel.read().state() + " after " + DETACH_LIMIT.toSeconds() + " s",
                        List.of());
            }
            progress.accept(name + ": detached; the kernel is back on its default scheduler");
            return attempt.pass();
        } catch (SchedcpException e) {
            return attempt.fail("load", e.getMessage(), List.of());
        }
    }

    private boolean awaitEnabled(String opsName, ScxObject scx) throws InterruptedException {
        long until = System.nanoTime() + ENABLE_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            SchedExtState state = kernel.read();
            if (state.isEnabled() && state.ops().map(opsName::equals).orElse(false)) {
                return true;
            }
            if (scx.exitInfo().map(UserExitInfo::exited).orElse(false)) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private boolean awaitDisabled() throws InterruptedException {
        long until = System.nanoTime() + DETACH_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            if (kernel.read().isDisabled()) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The figures gathered so far for one scheduler. */
    private final class Attempt {
        final String name;
        final String opsName;
        final int seconds;
        long loadMillis;
        long enableMillis;
        double secondsRan;
        WorkloadReport workload;

        Attempt(String name, String opsName, int seconds) {
            this.name = name;
            this.opsName = opsName;
            this.seconds = seconds;
        }

        VerificationResult pass() {
            return result(true, VerificationResult.PASSED, "", List.of(), null);
        }

        VerificationResult fail(String stage, String reason, List<String> details) {
            return result(false, stage, reason, details, null);
        }

        VerificationResult failWithExit(String stage, String reason, ScxObject scx) {
            Optional<UserExitInfo> exit = scx.exitInfo().filter(UserExitInfo::exited);
            List<String> details = new ArrayList<>();
            exit.ifPresent(e -> details.add(e.kindName() + ": " + e.describe()));
            String why = reason;
            if (exit.isPresent() && !reason.contains(exit.get().reason())) {
                why = reason + "; the scheduler's exit record: " + exit.get().describe();
            }
            return result(
                    false,
                    stage,
                    why,
                    details,
                    exit.map(e -> new ExitRecord(e.kind(), e.kindName(), e.reason(), e.message(), e.exitCode()))
                            .orElse(null));
        }

        private VerificationResult result(
                boolean passed, String stage, String reason, List<String> details, ExitRecord exit) {
            return new VerificationResult(
                    name,
                    opsName,
                    passed,
                    where,
                    kernelRelease(),
                    seconds,
                    secondsRan,
                    stage,
                    reason,
                    details,
                    exit,
                    workload,
                    loadMillis,
                    enableMillis,
                    Instant.now().toString());
        }
    }

    static String kernelRelease() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/sys/kernel/osrelease"))
                    .strip();
        } catch (java.io.IOException e) {
            return System.getProperty("os.version", "");
        }
    }
}
